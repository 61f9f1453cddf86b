import { join } from 'node:path';
import { defaultEmbeddingThreads } from './embeddingDefaults.js';
import { modelIdOf } from './modelId.js';
import type { EmbeddingStatus, NewsEmbeddings } from '../core/ports/newsEmbeddings.js';

export interface LoadedEmbeddings {
  embeddings: NewsEmbeddings | null;
  status: EmbeddingStatus;
}

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

/**
 * Loads the configured embedding model, failing soft: when it cannot be loaded (offline,
 * no cache, bad folder) the caller gets null and a reason, and keeps going lexical-only.
 */
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
    const { ProcessEmbeddings } = await import('./processEmbeddings.js');
    const embeddings = await ProcessEmbeddings.start({
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
