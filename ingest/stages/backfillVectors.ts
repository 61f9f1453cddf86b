import { embedPassages } from '../../src/core/ports/newsEmbeddings.js';
import { EMBED_BATCH_PASSAGES } from './embedAndWrite.js';
import type { RunContext } from './runContext.js';

/** Vectors missing from earlier runs (the model was unavailable then) are added now, a batch at a time. */
export async function backfillVectors(run: RunContext): Promise<void> {
  const { store, embeddings, summary } = run;
  if (!embeddings) return;
  for (;;) {
    const missing = await store.passagesMissingVectors(embeddings.modelId, EMBED_BATCH_PASSAGES);
    if (missing.length === 0) break;
    run.progress('vectors', `${missing.length} passages`);
    const t0 = Date.now();
    const vectors = await embedPassages(
      embeddings,
      missing.map((m) => m.text),
    );
    summary.embeddingMs += Date.now() - t0;
    const pairs = missing.map((m, i) => ({ id: m.id, vector: vectors[i]! }));
    await store.storeVectors(embeddings.modelId, pairs);
    summary.vectorsAdded += pairs.length;
  }
}
