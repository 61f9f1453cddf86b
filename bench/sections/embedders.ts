import { resolve } from 'node:path';
import type { NewsEmbeddings } from '../../src/core/ports/newsEmbeddings.js';
import { HashingEmbeddings } from '../../src/embeddings/hashingEmbeddings.js';
import { loadEmbeddings, type LoadedEmbeddings } from '../../src/embeddings/loadEmbeddings.js';
import type { EmbeddersResult } from '../benchResults.js';
import { DIM, log } from '../benchScale.js';

export interface BenchEmbedders {
  /** Embeds the ingested articles. */
  ingestion: LoadedEmbeddings;
  /** Question inference, timed apart from the warm asks. */
  inference: NewsEmbeddings;
  /** What the report says about them. */
  description: EmbeddersResult;
}

/** Which embedder is real here: the configured model when it loads, else the deterministic fake. */
export async function chooseEmbedders(): Promise<BenchEmbedders> {
  const model = process.env.EMBEDDING_MODEL ?? 'Xenova/multilingual-e5-small';
  const real = await loadEmbeddings({ model, dataDir: resolve(process.env.DATA_DIR ?? './data') });
  const fake = new HashingEmbeddings(DIM);
  const ingestion = real.embeddings ? real : { embeddings: fake, status: { model: fake.modelId, available: true, dimension: DIM, reason: null } };
  log(`embedding model ${model}: ${real.status.available ? 'loaded' : `not loaded (${real.status.reason}); using the deterministic hashing fake`}`);
  return {
    ingestion,
    inference: real.embeddings ?? fake,
    description: {
      configured: model,
      configuredLoaded: real.status.available,
      reason: real.status.reason,
      usedForIngestion: ingestion.status.model,
      usedForVectors: 'synthetic clustered 384-d vectors (deterministic)',
    },
  };
}
