import { join } from 'node:path';
import { defaultEmbeddingThreads } from './embeddingDefaults.js';
import { modelIdOf } from './modelId.js';
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
export interface LoadEmbeddingsOptions {
  model: string;
  dataDir: string;
  disabled?: boolean;
  /** int8 (default) or fp32 weights. */
  precision?: 'int8' | 'fp32';
  /** CPUs the embedding worker may use (EMBEDDING_THREADS); default one less than the cores. */
  threads?: number;
  /** Passages per inference call. */
  batchSize?: number;
}

export async function loadEmbeddings(options: LoadEmbeddingsOptions): Promise<LoadedEmbeddings> {
  if (options.disabled) {
    return { embeddings: null, status: { model: options.model, available: false, dimension: null, reason: 'disabled by EMBEDDING_DISABLED' } };
  }
  const hashing = options.model.match(/^hashing-(\d+)$/);
  if (hashing) {
    // Deterministic, model-free vectors for tests and benchmarks; never a silent default.
    // Both embedders are loaded on demand: a lexical answer needs neither, nor langchain.
    const { HashingEmbeddings } = await import('./hashingEmbeddings.js');
    const fake = new HashingEmbeddings(Number(hashing[1]));
    return { embeddings: fake, status: { model: fake.modelId, available: true, dimension: fake.dimension, reason: null } };
  }
  // The model runtime (onnxruntime) is loaded only in the embedding worker process.
  try {
    const { WorkerEmbeddings } = await import('./workerEmbeddings.js');
    const embeddings = await WorkerEmbeddings.start({
      model: options.model,
      cacheDir: join(options.dataDir, 'models'),
      precision: options.precision ?? 'int8',
      threads: options.threads ?? defaultEmbeddingThreads(),
      batchSize: options.batchSize,
    });
    return { embeddings, status: { model: embeddings.modelId, available: true, dimension: embeddings.dimension, reason: null } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { embeddings: null, status: { model: modelIdOf(options.model), available: false, dimension: null, reason } };
  }
}

/** Embeds passages with any NewsEmbeddings, as Float32Array for compact storage. */
export interface EmbedOptions {
  /** Text a waiting question needs (its answer's sentences): ahead of a re-ingest's passages. */
  forQuestion?: boolean;
}

export async function embedPassages(embeddings: NewsEmbeddings, texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
  // The transformers adapter embeds passages with its "passage: " prefix; others use langchain's interface.
  const withPassages = embeddings as NewsEmbeddings & { embedPassages?: (texts: string[], options?: EmbedOptions) => Promise<Float32Array[]> };
  if (typeof withPassages.embedPassages === 'function') return withPassages.embedPassages(texts, options);
  return (await embeddings.embedDocuments(texts)).map((v) => Float32Array.from(v));
}

export async function embedQuery(embeddings: NewsEmbeddings, text: string): Promise<Float32Array> {
  return Float32Array.from(await embeddings.embedQuery(text));
}
