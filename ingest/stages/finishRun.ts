import { currentCalibration } from '../../src/core/calibration/currentCalibration.js';
import type { StoreStats, VectorSpace } from '../../src/core/ports/knowledgeStore.js';
import type { SourceSpec } from '../sources/sourceSpecs.js';
import type { IngestSummary } from '../summary.js';
import type { WriteQueue } from './embedAndWrite.js';
import type { RunContext } from './runContext.js';

/**
 * The last stage of a run that went through: the vector index is saved, the summary
 * completed (totals, calibration, whether vectors are used), the manifest written and the
 * run recorded as ok.
 */
export async function finishRun(run: RunContext, sources: SourceSpec[]): Promise<IngestSummary> {
  const { store, embeddings, summary } = run;
  if (embeddings) run.progress('saving', null);
  await store.endWriteBatch();
  const stats = await store.stats();
  summary.totalArticles = stats.documents;
  summary.totalPassages = stats.passages;
  const space = await store.vectorSpace();
  // The model's score scale on this store, measured when vectors are new or the store changed much.
  summary.vectorCalibration = embeddings && space && stats.vectors > 0 ? await currentCalibration(store, embeddings, run.log) : null;
  summary.vectorsInUse = Boolean(embeddings && space && stats.vectors >= stats.passages && stats.passages > 0 && summary.vectorCalibration?.separates);
  summary.durationMs = Date.now() - run.startedAt;
  await store.writeManifest(manifestOf(summary, stats, space, sources));
  await store.finishRun(run.runId, 'ok', new Date().toISOString(), summary);
  run.progress('done', null);
  return summary;
}

/** The data directory's manifest after a run: what the store holds and how it is searched. */
function manifestOf(summary: IngestSummary, stats: StoreStats, space: VectorSpace | null, sources: SourceSpec[]) {
  return {
    updatedAt: new Date().toISOString(),
    embedding: { ...summary.embedding, vectorSpace: space, vectors: stats.vectors, passagesWithoutVectors: stats.passages - stats.vectors },
    retrieval: summary.vectorsInUse ? 'hybrid (BM25 + vectors)' : 'lexical (BM25) only',
    documents: stats.documents,
    passages: stats.passages,
    sources: sources.map((s) => s.id),
    lastIngest: { ...summary, skipped: summary.skipped.length },
  };
}

/**
 * Ends a run that failed: the batch being embedded is written first (or fails), never racing
 * the steps below; graph updates made in memory for articles already committed are saved,
 * so the file stays current; the run is recorded as failed with the error.
 */
export async function failRun(run: RunContext, writes: WriteQueue, error: unknown): Promise<void> {
  await writes.settle();
  await run.store.endWriteBatch();
  await run.store.finishRun(run.runId, 'failed', new Date().toISOString(), { error: (error as Error).message });
}
