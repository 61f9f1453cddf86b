import { openStore } from '../../src/store/openStore.js';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import type { IngestOptions } from '../ingestOptions.js';
import { RunContext } from './runContext.js';

/** A run that holds the store's ingest lock and has its run record. */
export interface OpenedRun {
  context: RunContext;
  /** Releases the lock and closes the store when the run opened it. */
  close(): Promise<void>;
}

/**
 * Opens the store (unless the caller lends its own), takes the ingest lock (one run at a
 * time per data directory) and records the run as begun.
 */
export async function openRun(options: IngestOptions, startedAt: number): Promise<OpenedRun> {
  const log = options.log ?? (() => undefined);
  const store: KnowledgeStore = options.store ?? (await openStore({ dataDir: options.dataDir, log }));
  const closeOwnStore = async () => {
    if (!options.store) await store.close();
  };
  // A lock that cannot be taken, or a run record that cannot be written, leaves nothing open.
  const releaseLock = await store.lockForIngest().catch(async (error: unknown) => {
    await closeOwnStore();
    throw error;
  });
  const runId = await store.beginRun(new Date(startedAt).toISOString()).catch(async (error: unknown) => {
    await releaseLock();
    await closeOwnStore();
    throw error;
  });
  const { embeddings, status } = options.embeddings;
  const context = new RunContext({ store, runId, startedAt, embeddings, embeddingStatus: status, log, onProgress: options.onProgress, signal: options.signal });
  return {
    context,
    close: async () => {
      await releaseLock();
      await closeOwnStore();
    },
  };
}

/**
 * Readies the store for this run: earlier runs that never finished are marked interrupted,
 * and the loaded model's vector space is made the store's.
 */
export async function prepareStore(run: RunContext): Promise<void> {
  const { store, embeddings } = run;
  await store.markInterruptedRuns(run.runId);
  // One embedding space per store: a new model replaces the old vectors instead of mixing with them.
  if (embeddings) {
    const previous = await store.vectorSpace();
    if ((await store.useVectorSpace({ model: embeddings.modelId, dim: embeddings.dimension })) && previous) {
      run.log(`Embedding model changed from ${previous.model} to ${embeddings.modelId}: re-embedding all passages.`);
    }
  }
}
