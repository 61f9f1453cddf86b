/**
 * A storage rule is written once for both backends as a generator that yields each answer a
 * backend primitive gives (`yield* ask(primitive(...))`) and gets it back. SQLite's primitives
 * answer at once, so its backend runs the rule synchronously (`runNow`) inside one
 * better-sqlite3 transaction, where nothing else can interleave; PostgreSQL's answer with
 * promises, awaited one after another inside its transaction (`runAwaiting`).
 */
export type StorageRule<T> = Generator<unknown, T, unknown>;

/** What a primitive gives: the answer itself (SQLite) or a promise of it (PostgreSQL). */
export type Answer<T> = T | Promise<T>;

/** Hands a primitive's answer to the runner and returns it, resolved, to the rule. */
export function* ask<T>(answer: Answer<T>): Generator<Answer<T>, T, unknown> {
  return (yield answer) as T;
}

/** Runs a rule whose primitives answer synchronously. */
export function runNow<T>(rule: StorageRule<T>): T {
  let step = rule.next();
  while (!step.done) {
    if (step.value instanceof Promise) throw new Error('a synchronous storage rule got a promise from a primitive');
    step = rule.next(step.value);
  }
  return step.value;
}

/** Runs a rule whose primitives answer with promises, each awaited before the rule goes on. */
export async function runAwaiting<T>(rule: StorageRule<T>): Promise<T> {
  let step = rule.next();
  while (!step.done) step = rule.next(await step.value);
  return step.value;
}
