import { CopyDetector, fingerprintStoredArticles } from './copies/copyDetector.js';
import type { IngestOptions } from './ingestOptions.js';
import { backfillVectors } from './stages/backfillVectors.js';
import { WriteQueue } from './stages/embedAndWrite.js';
import { openExtractor } from './stages/extractArticles.js';
import { failRun, finishRun } from './stages/finishRun.js';
import { ingestSource } from './stages/ingestSource.js';
import { SourceListing } from './stages/listCandidates.js';
import { pruneRemoved } from './stages/pruneRemoved.js';
import { recordMembership } from './stages/recordMembership.js';
import { openRun, prepareStore } from './stages/startRun.js';
import type { IngestSummary } from './summary.js';

export { EXTRACTOR_VERSION } from './extractorVersion.js';
export type { IngestOptions } from './ingestOptions.js';
export { IngestAbortedError } from './stages/ingestAborted.js';
export { contentHashOf } from './stages/detectChanges.js';
export { toWrite, type PendingArticle } from './stages/prepareWrite.js';

/**
 * Ingests sources into the store incrementally: unchanged articles are skipped by hash,
 * changed ones replaced atomically, duplicates stored once, vectors added when the model is
 * available (including ones missing from earlier lexical-only runs). One run at a time per
 * data directory (lock file). Any failure of one article (fetching, extracting, chunking,
 * embedding, writing) is reported in the summary with its source and never costs the others.
 *
 * The stages, in the order data moves: list each source's candidates, look up what is
 * stored, extract and chunk, detect changes, duplicates and copies, embed and write in
 * batches (ingestSource); then prune what sources no longer list, add missing vectors and
 * finish the run (ingest/stages/).
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const opened = await openRun(options, Date.now());
  const run = opened.context;
  const extractor = openExtractor(options);
  const writes = new WriteQueue(run);
  try {
    await prepareStore(run);
    const listing = new SourceListing(run, options);
    // Articles stored before copies were recognised get fingerprints once, so their copies find them.
    await fingerprintStoredArticles(run.store);
    const stages = { run, listing, extractor: extractor.extract, copies: new CopyDetector(run.store), writes };
    for (const spec of options.sources) await ingestSource(spec, stages);
    await writes.finish();
    await recordMembership(run, run.members);
    await pruneRemoved(run, options.sources, listing, Boolean(options.prune));
    await backfillVectors(run);
    return await finishRun(run, options.sources);
  } catch (error) {
    await failRun(run, writes, error);
    // What was written before the failure still belongs to its sources (best effort: the run failed already).
    await recordMembership(run, run.members).catch(() => undefined);
    throw error;
  } finally {
    await extractor.close();
    await opened.close();
  }
}
