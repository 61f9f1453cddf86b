import type { NewsEmbeddings } from '../ports/newsEmbeddings.js';
import type { KnowledgeStore } from '../ports/knowledgeStore.js';
import { calibrationIsCurrent, measureCalibration } from './measureCalibration.js';
import type { VectorCalibration } from './vectorCalibration.js';

/**
 * The store's calibration for the loaded model: the stored one while it still describes the
 * store (same vector space, not much grown or shrunk), else measured now and stored, so the
 * CLI, the bot and every shard use the same numbers. Null when there is too little to measure.
 * `stored`: the stored calibration when the caller has read it already.
 */
export async function currentCalibration(
  store: KnowledgeStore,
  embeddings: NewsEmbeddings,
  log?: (message: string) => void,
  stored?: VectorCalibration | null,
): Promise<VectorCalibration | null> {
  // Passages with vectors, not all passages: a store being re-embedded holds few of the new model's yet.
  const [vector, space, { vectors }] = await Promise.all([
    stored === undefined ? store.calibration().then((c) => c.vector) : stored,
    store.vectorSpace(),
    store.stats(),
  ]);
  if (calibrationIsCurrent(vector, space, vectors)) return vector;
  const measured = await measureCalibration(store, embeddings, vectors);
  if (measured) {
    await store.saveCalibration({ vector: measured });
    log?.(describeCalibration(measured));
  }
  return measured;
}

/** One line for logs and the ingest summary. */
export function describeCalibration(c: VectorCalibration): string {
  return (
    `Model calibration on this store (${c.probes} probes): unrelated text scores ${c.unrelatedMedian} (99th percentile ${c.unrelatedHigh}), ` +
    `related ${c.relatedMedian}; ${c.separates ? 'the vectors separate them and are used' : 'the vectors do not separate them: answers use words only'}.`
  );
}
