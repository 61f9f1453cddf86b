import type { AskLatencyResult } from './askLatency.js';
import type { ColdStartResult } from './coldStart.js';
import type { DiscordUnderReingestResult } from './discordDuringReingest.js';
import type { IngestionResult } from './ingestion.js';
import type { StoreComparisonRow } from './langchainComparison.js';
import type { PostgresBenchResult } from './postgres.js';
import type { ScopedSearchResult } from './scopedSearch.js';
import type { VectorSearchResult } from './vectorSearch.js';
import type { EmbeddingCosts } from './model/modelCosts.js';

/** Which embedder produced which figures. */
export interface EmbeddersResult {
  configured: string;
  configuredLoaded: boolean;
  reason: string | null;
  usedForIngestion: string;
  usedForVectors: string;
}

/** What the memory probe (memoryProbe.ts, a child process) prints. */
export interface MemoryResult {
  passages: number;
  rssMb: number;
  heapUsedMb: number;
  graphOnDiskMb: number;
  workerRssMb: number | null;
}

/** One precision of the stand-in model: its embedding costs, and the bot's figures with it. */
export interface ModelPrecisionResult extends EmbeddingCosts {
  ask: AskLatencyResult;
  memory: MemoryResult;
  coldStart: ColdStartResult;
}

export interface ModelResult {
  folder: string;
  note: string;
  threads: number;
  int8?: ModelPrecisionResult;
  fp32?: ModelPrecisionResult;
}

/**
 * Everything `npm run bench` measured, as written to bench/results/latest.json (keys in the
 * order the sections run; the optional ones only when measured).
 */
export interface BenchResults {
  date: string;
  node: string;
  cpus: number;
  embedders: EmbeddersResult;
  coldStart: ColdStartResult;
  vectorSearch: VectorSearchResult[];
  vectorSearchHarder: VectorSearchResult[];
  storeComparison: { n: number; distribution: string; rows: StoreComparisonRow[] };
  ingestion: IngestionResult;
  storeBuildSeconds: number;
  askLatency: AskLatencyResult;
  scopedSearch: ScopedSearchResult;
  postgres?: PostgresBenchResult;
  memory: MemoryResult;
  vectorSearchStandIn?: VectorSearchResult;
  model?: ModelResult;
  discord?: DiscordUnderReingestResult;
  totalSeconds: number;
}
