import { loadEmbeddingsFromConfig } from '../../src/app/bootstrap.js';
import type { Config } from '../../src/app/config.js';
import type { LoadedEmbeddings } from '../../src/embeddings/loadEmbeddings.js';

/** The built-in hashing embeddings at the dimension the project's tests and benchmarks use. */
export const HASHING_MODEL = 'hashing-384';

export interface StoryVectors {
  loaded: LoadedEmbeddings;
  /** What `--vectors` asked for: none, hashing, or a model id or local folder. */
  asked: string;
  /** The model whose vectors the import wrote, or null when it ran lexical-only. */
  model: string | null;
  /** Why a model asked for is not in use (it could not be loaded), or null. */
  note: string | null;
}

const lexicalOnly = (reason: string): LoadedEmbeddings => ({
  embeddings: null,
  status: { model: 'none', available: false, dimension: null, reason },
});

/**
 * The embeddings `--vectors` chooses: none (lexical only), the hashing embeddings, or a model
 * through the normal loader, which fails soft: the run then measures lexical-only and says so.
 */
export async function storyVectors(asked: string, config: Config): Promise<StoryVectors> {
  if (asked === 'none') return { loaded: lexicalOnly('--vectors none'), asked, model: null, note: null };
  const model = asked === 'hashing' ? HASHING_MODEL : asked;
  const loaded = await loadEmbeddingsFromConfig({ ...config, embeddingModel: model, embeddingDisabled: false });
  if (!loaded.embeddings) {
    const note = `${model} could not be loaded (${loaded.status.reason}): measured lexical-only`;
    return { loaded, asked, model: null, note };
  }
  return { loaded, asked, model: loaded.embeddings.modelId, note: null };
}
