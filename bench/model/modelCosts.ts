import { basename, dirname } from 'node:path';
import { AutoTokenizer, env } from '@xenova/transformers';
import { percentile } from '../../eval/metrics.js';
import type { LoadedEmbeddings } from '../../src/embeddings/loadEmbeddings.js';
import { ProcessEmbeddings } from '../../src/embeddings/processEmbeddings.js';
import { benchIngestion, type IngestionResult } from '../ingestion.js';
import { residentMb } from '../processMemory.js';
import { makeVocabulary, sentence, zipfSampler } from '../synthetic.js';
import type { Precision } from './encoderGraph.js';

export const BATCH_SIZES = [1, 4, 16];

export interface EmbeddingCosts {
  precision: Precision;
  threads: number;
  loadSeconds: number;
  /** Worker process resident memory after a first ingest with the default batch size. */
  workerRssMb: number | null;
  tokensPerPassage: number;
  wordsPerPassage: number;
  byBatch: Array<{ batchSize: number; passagesPerSecond: number }>;
  queryP50Ms: number;
  queryP95Ms: number;
  ingestion: IngestionResult;
}

/** Passages shaped like the chunker's (100-220 words) from the bench's Zipf vocabulary. */
export function benchPassages(count: number): string[] {
  const word = zipfSampler(makeVocabulary(20_000), 23);
  return Array.from({ length: count }, () => Array.from({ length: 10 }, () => sentence(word, 15)).join(' '));
}

async function tokensPerPassage(folder: string, passages: string[]): Promise<number> {
  env.localModelPath = dirname(folder);
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  const tokenizer = await AutoTokenizer.from_pretrained(basename(folder));
  let tokens = 0;
  for (const p of passages) tokens += Math.min(512, (tokenizer(`passage: ${p}`).input_ids.dims as number[])[1]!);
  return tokens / passages.length;
}

/**
 * What the model costs, measured through the production path (worker process, capped
 * threads): load time, passages per second at several batch sizes, question embedding
 * latency, memory, and a first ingest of `articles` synthetic articles.
 */
export async function measureEmbeddingCosts(
  folder: string,
  precision: Precision,
  options: { threads: number; articles: number; log: (m: string) => void },
): Promise<EmbeddingCosts> {
  const passages = benchPassages(32);
  const byBatch: EmbeddingCosts['byBatch'] = [];
  let loadSeconds = 0;
  for (const batchSize of BATCH_SIZES) {
    const t0 = performance.now();
    const embeddings = await ProcessEmbeddings.start({ model: folder, cacheDir: folder, precision, threads: options.threads, batchSize });
    if (loadSeconds === 0) loadSeconds = (performance.now() - t0) / 1000;
    await embeddings.embedPassages(passages.slice(0, 2)); // warm-up
    const t = performance.now();
    await embeddings.embedPassages(passages);
    const passagesPerSecond = passages.length / ((performance.now() - t) / 1000);
    byBatch.push({ batchSize, passagesPerSecond });
    options.log(`${precision}: batch ${batchSize}: ${passagesPerSecond.toFixed(1)} passages/s`);
    await embeddings.close();
  }
  // Questions, the ingest and the memory figure with the production default: a worker that
  // embedded batches of 16 keeps onnxruntime's peak allocation (about 950 MB with int8).
  const embeddings = await ProcessEmbeddings.start({ model: folder, cacheDir: folder, precision, threads: options.threads });
  const queryTimes: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    await embeddings.embedQuery(`What did the minister say about question ${i} and the river?`);
    if (i >= 10) queryTimes.push(performance.now() - t);
  }
  options.log(`${precision}: ingesting ${options.articles} articles with the stand-in`);
  const loaded: LoadedEmbeddings = { embeddings, status: { model: embeddings.modelId, available: true, dimension: embeddings.dimension, reason: null } };
  const ingestion = await benchIngestion(options.articles, loaded);
  const workerRssMb = embeddings.workerPid ? residentMb(embeddings.workerPid) : null;
  await embeddings.close();
  return {
    precision,
    threads: options.threads,
    loadSeconds,
    workerRssMb,
    tokensPerPassage: await tokensPerPassage(folder, passages),
    wordsPerPassage: passages.reduce((n, p) => n + p.split(' ').length, 0) / passages.length,
    byBatch,
    queryP50Ms: percentile(queryTimes, 50)!,
    queryP95Ms: percentile(queryTimes, 95)!,
    ingestion,
  };
}
