import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HONESTY_ARTICLES, ANSWERABLE_QUESTIONS, OFF_TOPIC_QUESTIONS } from '../support/honestyCorpus.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

/** The honesty corpus as an eval set: covered questions with their sources, off-topic ones unanswerable. */
function evalSet(): { docs: string; questions: string } {
  const root = tempDir('calibrate-');
  const docs = join(root, 'docs');
  mkdirSync(docs);
  for (const [name, text] of Object.entries(HONESTY_ARTICLES)) writeFileSync(join(docs, name), text);
  const lines = [
    ...ANSWERABLE_QUESTIONS.map((q, i) => ({ id: `a${i}`, question: q.question, expected_sources: [q.source], answers: [q.answer] })),
    ...OFF_TOPIC_QUESTIONS.map((q, i) => ({ id: `u${i}`, question: q, unanswerable: true })),
  ];
  const questions = join(root, 'questions.jsonl');
  writeFileSync(questions, lines.map((l) => JSON.stringify(l)).join('\n'));
  return { docs, questions };
}

describe('npm run calibrate', () => {
  it('prints the gate curve, stores the chosen point, and ask uses it unless the environment overrides it', async () => {
    const { docs, questions } = evalSet();
    const env = { DATA_DIR: join(tempDir('calibrate-store-'), 'data'), EMBEDDING_MODEL: 'hashing-384' };
    expect((await runScript('src/cli/ingest.ts', [docs], env)).code).toBe(0);

    const run = await runScript('src/cli/calibrate.ts', ['--docs', docs, '--questions', questions], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Answer gate for hashing-384, 19 questions \(11 unanswerable\):/);
    expect(run.stdout).toMatch(/wrongly declined\s+honest\s+min relevance\s+min vector margin/);
    expect(run.stdout).toMatch(/<- chosen/);
    expect(run.stdout).toMatch(/stored in /);

    const ask = await runScript('src/cli/ask.ts', ['--json', ANSWERABLE_QUESTIONS[0]!.question], env);
    const answer = JSON.parse(ask.stdout);
    expect(answer.decision.thresholds.origin).toBe('calibrated');
    expect(answer.noAnswer).toBe(false);

    // A question only partly covered (nothing about a mayor) is answered by default, not when the operator demands every word.
    const partly = 'How much did the new cranes at Port Alder cost according to the mayor?';
    expect(JSON.parse((await runScript('src/cli/ask.ts', ['--json', partly], env)).stdout).noAnswer).toBe(false);
    const overridden = JSON.parse(
      (await runScript('src/cli/ask.ts', ['--json', partly], { ...env, ANSWER_MIN_RELEVANCE: '0.99', ANSWER_MIN_VECTOR_MARGIN: 'never' })).stdout,
    );
    expect(overridden.decision.thresholds).toEqual({ minRelevance: 0.99, minVectorMargin: null, origin: 'environment' });
    expect(overridden.noAnswer).toBe(true);
  });

  it('refuses a question set without unanswerable questions, and eval --json adds the same curve', async () => {
    const { docs, questions } = evalSet();
    const onlyAnswerable = join(tempDir('calibrate-a-'), 'q.jsonl');
    writeFileSync(onlyAnswerable, ANSWERABLE_QUESTIONS.map((q, i) => JSON.stringify({ id: i, question: q.question, expected_sources: [q.source] })).join('\n'));
    const env = { DATA_DIR: join(tempDir('calibrate-store-'), 'data'), EMBEDDING_MODEL: 'hashing-384' };
    const refused = await runScript('src/cli/calibrate.ts', ['--docs', docs, '--questions', onlyAnswerable, '--dry-run'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no unanswerable questions/);

    const evaluated = await runScript('src/cli/eval.ts', ['--docs', docs, '--questions', questions, '--json'], env);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const report = JSON.parse(evaluated.stdout);
    expect(report.gateCurve.length).toBeGreaterThan(0);
    expect(report.gateCurve[0]).toEqual({
      wronglyDeclined: 0,
      honest: expect.any(Number),
      minRelevance: expect.any(Number),
      minVectorMargin: expect.anything(),
    });
    expect(report.unanswerableHonestRate).toBe(1);
  });
});
