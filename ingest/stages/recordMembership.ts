import type { RunContext } from './runContext.js';

/**
 * Records which sources bring which articles (documents are stored once, however many
 * sources list them; a search scope filters by this membership). Runs once the run's writes
 * are in the store, so a new article exists when its membership is written; keys that were
 * skipped (never stored) are ignored by the store. Unchanged articles are recorded too: a
 * second source (another server's feed) may have started listing an article stored long ago.
 */
export async function recordMembership(run: RunContext, members: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  for (const [sourceId, keys] of members) {
    for (const key of keys) await run.store.addDocumentSource(key, sourceId);
  }
}
