import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { benchAskLatency } from '../askLatency.js';
import type { BenchResults, MemoryResult } from '../benchResults.js';
import { ARTICLES, log } from '../benchScale.js';
import { benchPostgres, type PostgresBenchResult } from '../postgres.js';
import { siblingScript } from '../projectPaths.js';
import type { BenchEmbedders } from './embedders.js';
import type { SyntheticStore } from './syntheticStore.js';
import { SYNTHETIC_MODEL, syntheticQueryEmbeddings, type SyntheticVectors } from './vectorSections.js';

/** Warm asks on the freshly built store. */
export async function askLatencySection(
  built: SyntheticStore,
  clustered: SyntheticVectors,
  embedders: BenchEmbedders,
): Promise<Pick<BenchResults, 'storeBuildSeconds' | 'askLatency'>> {
  const queryEmbeddings = syntheticQueryEmbeddings(clustered);
  const askLatency = await benchAskLatency(built.store, built.texts, queryEmbeddings, embedders.inference);
  return { storeBuildSeconds: built.seconds, askLatency };
}

/** With DATABASE_URL: the same workloads on PostgreSQL, printed beside SQLite's. */
export async function postgresSection(built: SyntheticStore, clustered: SyntheticVectors, embedders: BenchEmbedders): Promise<PostgresBenchResult | undefined> {
  if (!process.env.DATABASE_URL) return undefined;
  const work = {
    articles: ARTICLES,
    ingestEmbeddings: embedders.ingestion,
    texts: built.texts,
    writes: built.writes,
    model: SYNTHETIC_MODEL,
    queryEmbeddings: syntheticQueryEmbeddings(clustered),
    inference: embedders.inference,
  };
  return benchPostgres(process.env.DATABASE_URL, work, log);
}

export function memorySection(built: SyntheticStore): MemoryResult {
  log('resident memory with the store loaded (child process)');
  return probeMemory(built.dataDir);
}

/**
 * The bot's resident memory with the store in `dataDir` loaded, measured by memoryProbe.ts in
 * a child process; `extra` (model folder, precision) loads the embedding worker too.
 */
export function probeMemory(dataDir: string, ...extra: string[]): MemoryResult {
  const probe = siblingScript(join(import.meta.dirname, '..'), 'memoryProbe');
  const output = execFileSync(process.execPath, [...probe.args, dataDir, ...extra], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1)!);
}
