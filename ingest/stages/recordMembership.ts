import type { RunContext } from './runContext.js';

/**
 * Records which sources bring which articles (documents are stored once, however many
 * sources list them; a search scope filters by this membership): the keys noted during the
 * run (RunContext.members), i.e. articles a source lists that another source stored, such as
 * a second server's feed listing an article stored long ago. Runs once the run's writes are
 * in the store, so an article first written this run exists; keys never stored are ignored.
 */
export async function recordMembership(run: RunContext, members: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  for (const [sourceId, keys] of members) {
    for (const key of keys) await run.store.addDocumentSource(key, sourceId);
  }
}
