import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { ingestSettings } from './ingestSettings.js';
import { KnowledgeBase, type Answerer } from '../core/knowledgeBase.js';
import { loadEmbeddings, type LoadedEmbeddings } from '../embeddings/loadEmbeddings.js';
import { acquireIngestLock } from '../store/sqlite/sqliteIngestLock.js';
import type { KnowledgeStore } from '../core/ports/knowledgeStore.js';
import { openStore as openStoreAt } from '../store/openStore.js';
import { storePaths } from '../store/sqlite/sqliteStore.js';
import { resolveSourceSpecs } from '../../ingest/sources/sourceSpecs.js';
import type { IngestProgress, IngestSummary } from '../../ingest/summary.js';

/** Sources used when nothing is configured: the sample (fictional) articles of the eval set. */
export const DEFAULT_SOURCES = ['./eval/docs'];

export function loadEmbeddingsFromConfig(config: Config): Promise<LoadedEmbeddings> {
  return loadEmbeddings({
    model: config.embeddingModel,
    dataDir: config.dataDir,
    disabled: config.embeddingDisabled,
    precision: config.embeddingPrecision,
    threads: config.embeddingThreads,
  });
}

/** The configured store: PostgreSQL when DATABASE_URL is set, otherwise SQLite in DATA_DIR (store/openStore.ts chooses). */
export async function openStore(config: Config, options: { log?: (m: string) => void } = {}): Promise<KnowledgeStore> {
  return openStoreAt({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir, log: options.log });
}

/** Whether anything has been ingested where the configuration points (a question needs it). */
export async function storeExists(config: Config): Promise<boolean> {
  return Boolean(config.databaseUrl) || existsSync(storePaths(config.dataDir).db);
}

/**
 * Opens the store and the embedding model and checks that they agree: the one constructor of
 * the knowledge base for the CLI, the bot, eval and export. Without `embeddings`, the model is
 * loaded only when the store holds vectors to compare with.
 */
export async function openKnowledgeBase(
  config: Config,
  options: { log?: (m: string) => void; embeddings?: LoadedEmbeddings; answerer?: Answerer } = {},
): Promise<KnowledgeBase> {
  const log = options.log ?? (() => undefined);
  const store = await openStore(config, { log });
  const loaded = options.embeddings ?? ((await store.vectorSpace()) ? await loadEmbeddingsFromConfig(config) : undefined);
  const status = loaded?.status ?? { model: config.embeddingModel, available: false, dimension: null, reason: 'the index has no vectors' };
  const kb = new KnowledgeBase({
    store,
    embeddings: loaded?.embeddings ?? null,
    embeddingStatus: status,
    answerer: options.answerer,
    maxQuestionLength: config.discord.maxQuestionLength,
    gateOverride: config.answerGate,
    log,
  });
  const problem = await kb.vectorProblem();
  if (problem) log(`Using lexical retrieval only: ${problem}.`);
  return kb;
}

/** Moves a damaged store aside (never deletes an operator's data) so a rebuild can start clean. */
export function moveStoreAside(dataDir: string): string | null {
  const paths = storePaths(dataDir);
  const files = [paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.ann, `${paths.ann}.json`, paths.manifest].filter((f) => existsSync(f));
  if (files.length === 0) return null;
  const backup = join(dataDir, `previous-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(backup, { recursive: true });
  for (const file of files) renameSync(file, join(backup, file.slice(dataDir.length + 1)));
  return backup;
}

export interface IngestRequest {
  cliSources?: string[];
  prune?: boolean;
  rebuild?: boolean;
  onProgress?: (p: IngestProgress) => void;
  log?: (m: string) => void;
  embeddings?: LoadedEmbeddings;
  /** The open store to write into (the bot's own), instead of opening a second handle. */
  store?: KnowledgeStore;
  signal?: AbortSignal;
}

/** The one ingestion entry point behind the CLI, /reingest and the schedule. */
export async function ingestFromConfig(config: Config, request: IngestRequest = {}): Promise<IngestSummary> {
  const log = request.log ?? (() => undefined);
  const sources = resolveSourceSpecs({
    cliSources: request.cliSources,
    configured: config.sources,
    sourcesFile: config.sourcesFile,
    defaults: DEFAULT_SOURCES,
  });
  const embeddings = request.embeddings ?? (await loadEmbeddingsFromConfig(config));
  if (!embeddings.embeddings) {
    log(
      `Warning: embedding model ${embeddings.status.model} could not be loaded (${embeddings.status.reason}). Building a lexical-only index; the next ingest with the model available adds the vectors.`,
    );
  }
  // Ingestion (extraction, date parsing, feeds) is loaded only when an ingest runs, not for a question.
  const { ingest } = await import('../../ingest/pipeline.js');
  const run = (dataDir: string, store?: KnowledgeStore) =>
    ingest({
      ...ingestSettings(config, embeddings, log, request.signal),
      dataDir,
      sources,
      prune: request.prune,
      onProgress: request.onProgress,
      store,
    });
  if (!request.rebuild && (request.store || !config.databaseUrl)) return run(config.dataDir, request.store);
  if (!request.rebuild) {
    const store = await openStore(config, { log });
    try {
      return await run(config.dataDir, store);
    } finally {
      await store.close();
    }
  }
  if (config.databaseUrl)
    throw new Error('--rebuild works on the embedded SQLite store only; with DATABASE_URL, use --prune to drop articles the sources no longer list');
  return rebuild(config.dataDir, run, log);
}

/**
 * --rebuild: builds a new store beside the current one and swaps only when it holds
 * articles; the current store is kept (moved aside) and is never replaced by an empty one.
 */
async function rebuild(dataDir: string, run: (dataDir: string) => Promise<IngestSummary>, log: (m: string) => void): Promise<IngestSummary> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireIngestLock(storePaths(dataDir).lock);
  const staging = join(dataDir, `rebuild-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  try {
    const summary = await run(staging);
    if (summary.totalArticles === 0) {
      throw new Error(`--rebuild read no article (${summary.failedSources.length} of the sources failed); the current store was left untouched`);
    }
    const backup = moveStoreAside(dataDir);
    const from = storePaths(staging);
    const to = storePaths(dataDir);
    for (const key of ['db', 'ann', 'manifest'] as const) {
      if (existsSync(from[key])) renameSync(from[key], to[key]);
      if (key === 'ann' && existsSync(`${from.ann}.json`)) renameSync(`${from.ann}.json`, `${to.ann}.json`);
    }
    if (backup) log(`Rebuilt the store; the previous one is kept in ${backup}.`);
    return summary;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    releaseLock();
  }
}
