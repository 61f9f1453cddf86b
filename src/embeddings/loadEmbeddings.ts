import { join } from 'node:path';
import { HashingEmbeddings } from './hashingEmbeddings.js';
import type { NewsEmbeddings } from './newsEmbeddings.js';

/** What happened when the embedding model was asked for; recorded in the manifest. */
export interface EmbeddingStatus {
  model: string;
  available: boolean;
  dimension: number | null;
  reason: string | null;
}

export interface LoadedEmbeddings {
  embeddings: NewsEmbeddings | null;
  status: EmbeddingStatus;
}

/**
 * Loads the configured embedding model, failing soft: when it cannot be loaded (offline,
 * no cache, bad folder) the caller gets null and a reason, and keeps going lexical-only.
 */
export async function loadEmbeddings(options: { model: string; dataDir: string; disabled?: boolean }): Promise<LoadedEmbeddings> {
  if (options.disabled) {
    return { embeddings: null, status: { model: options.model, available: false, dimension: null, reason: 'disabled by EMBEDDING_DISABLED' } };
  }
  const hashing = options.model.match(/^hashing-(\d+)$/);
  if (hashing) {
    // Deterministic, model-free vectors for tests and benchmarks; never a silent default.
    const fake = new HashingEmbeddings(Number(hashing[1]));
    return { embeddings: fake, status: { model: fake.modelId, available: true, dimension: fake.dimension, reason: null } };
  }
  // The model runtime (onnxruntime, ~70 MB) is loaded only on the path that uses it.
  const { TransformersEmbeddings } = await import('./transformersEmbeddings.js');
  const embeddings = new TransformersEmbeddings({ model: options.model, cacheDir: join(options.dataDir, 'models') });
  try {
    await embeddings.load();
    return { embeddings, status: { model: embeddings.modelId, available: true, dimension: embeddings.dimension, reason: null } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { embeddings: null, status: { model: embeddings.modelId, available: false, dimension: null, reason } };
  }
}

/** Embeds passages with any NewsEmbeddings, as Float32Array for compact storage. */
export async function embedPassages(embeddings: NewsEmbeddings, texts: string[]): Promise<Float32Array[]> {
  // The transformers adapter embeds passages with its "passage: " prefix; others use langchain's interface.
  const withPassages = embeddings as NewsEmbeddings & { embedPassages?: (texts: string[]) => Promise<Float32Array[]> };
  if (typeof withPassages.embedPassages === 'function') return withPassages.embedPassages(texts);
  return (await embeddings.embedDocuments(texts)).map((v) => Float32Array.from(v));
}

export async function embedQuery(embeddings: NewsEmbeddings, text: string): Promise<Float32Array> {
  return Float32Array.from(await embeddings.embedQuery(text));
}
