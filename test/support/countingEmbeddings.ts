import { HashingEmbeddings } from '../../src/embeddings/hashingEmbeddings.js';
import type { LoadedEmbeddings } from '../../src/embeddings/loadEmbeddings.js';

/** A fake Embeddings (deterministic hashing) that counts how many texts it embedded. */
export class CountingEmbeddings extends HashingEmbeddings {
  embedded = 0;
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded += texts.length;
    return super.embedDocuments(texts);
  }
}

export function loaded(embeddings: HashingEmbeddings): LoadedEmbeddings {
  return { embeddings, status: { model: embeddings.modelId, available: true, dimension: embeddings.dimension, reason: null } };
}

export function unavailable(model = 'Xenova/multilingual-e5-small'): LoadedEmbeddings {
  return { embeddings: null, status: { model, available: false, dimension: null, reason: 'offline (test)' } };
}
