import { ProcessEmbeddings } from '../../src/embeddings/processEmbeddings.js';
import { defaultEmbeddingThreads } from '../../src/embeddings/embeddingDefaults.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { benchAskLatency } from '../askLatency.js';
import type { BenchResults, ModelPrecisionResult, ModelResult } from '../benchResults.js';
import { LARGE_N, MODEL_ARTICLES, SMALL, log } from '../benchScale.js';
import { benchColdStart } from '../coldStart.js';
import type { Precision } from '../model/encoderGraph.js';
import { measureEmbeddingCosts } from '../model/modelCosts.js';
import { ensureStandInModel } from '../model/standInModel.js';
import { standInVectors } from '../model/standInVectors.js';
import { InferredQueryEmbeddings } from '../queryEmbeddings.js';
import type { VectorSearchResult } from '../vectorSearch.js';
import { benchVectorSearch } from '../vectorSearch.js';
import { probeMemory } from './askAndMemory.js';
import type { SyntheticStore } from './syntheticStore.js';
import { syntheticQueryEmbeddings, type SyntheticVectors } from './vectorSections.js';

/** The real-size stand-in (written once into bench/.cache) for the model and Discord sections; null with BENCH_SKIP_MODEL=1. */
export function standInModel(): string | null {
  return process.env.BENCH_SKIP_MODEL === '1' ? null : ensureStandInModel(log);
}

/** The stand-in model at each precision: its costs, and asks, memory and cold start with it. */
export async function modelSection(
  standIn: string,
  built: SyntheticStore,
  clustered: SyntheticVectors,
): Promise<Pick<BenchResults, 'vectorSearchStandIn' | 'model'>> {
  const threads = defaultEmbeddingThreads();
  const model: ModelResult = {
    folder: standIn,
    note: 'random weights of the exact multilingual-e5-small shape: costs only, its vectors mean nothing',
    threads,
  };
  let vectorSearchStandIn: VectorSearchResult | undefined;
  for (const precision of ['int8', 'fp32'] as Precision[]) {
    const measured = await measurePrecision(standIn, precision, threads, built, clustered);
    model[precision] = measured.result;
    vectorSearchStandIn ??= measured.vectorSearch;
  }
  return { vectorSearchStandIn, model };
}

async function measurePrecision(
  standIn: string,
  precision: Precision,
  threads: number,
  built: SyntheticStore,
  clustered: SyntheticVectors,
): Promise<{ result: ModelPrecisionResult; vectorSearch?: VectorSearchResult }> {
  log(`stand-in model, ${precision}: embedding costs (worker process, EMBEDDING_THREADS=${threads})`);
  const costs = await measureEmbeddingCosts(standIn, precision, { threads, articles: MODEL_ARTICLES, log });
  log(`stand-in model, ${precision}: ask latency with question inference at ${LARGE_N} passages`);
  const inference = await ProcessEmbeddings.start({ model: standIn, cacheDir: standIn, precision, threads });
  const ask = await askWithInference(inference, built, clustered);
  const vectorSearch = precision === 'int8' ? await standInVectorSearch(inference) : undefined;
  await inference.close();
  log(`stand-in model, ${precision}: bot memory with the model and ${LARGE_N} passages`);
  const memory = probeMemory(built.dataDir, standIn, precision);
  log(`stand-in model, ${precision}: cold start to first answer`);
  const coldStart = benchColdStart(3, { folder: standIn, precision });
  return { result: { ...costs, ask, memory, coldStart }, vectorSearch };
}

/** Warm asks on the synthetic store, each question also run through the model (its vector is not used). */
async function askWithInference(inference: ProcessEmbeddings, built: SyntheticStore, clustered: SyntheticVectors) {
  const synthetic = syntheticQueryEmbeddings(clustered);
  const reopened = SqliteStore.open(built.dataDir);
  const ask = await benchAskLatency(reopened, built.texts, new InferredQueryEmbeddings(inference, synthetic), inference, 100);
  await reopened.close();
  return ask;
}

async function standInVectorSearch(inference: ProcessEmbeddings): Promise<VectorSearchResult> {
  log('ANN recall on stand-in model vectors');
  const sample = await standInVectors(inference, SMALL ? 1500 : 3000, 100);
  return benchVectorSearch(sample.vectors, sample.queries).result;
}
