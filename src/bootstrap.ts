import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { KnowledgeBase, type Answerer } from './core/knowledgeBase.js';
import { loadEmbeddings, type LoadedEmbeddings } from './embeddings/loadEmbeddings.js';
import { NewsStore, storePaths } from './store/newsStore.js';
import { ingest } from '../ingest/pipeline.js';
import { resolveSourceSpecs } from '../ingest/sources/sourceSpecs.js';
import type { IngestProgress, IngestSummary } from '../ingest/summary.js';

/** Sources used when nothing is configured: the sample (fictional) articles of the eval set. */
export const DEFAULT_SOURCES = ['./eval/docs'];

export function loadEmbeddingsFromConfig(config: Config): Promise<LoadedEmbeddings> {
  return loadEmbeddings({ model: config.embeddingModel, dataDir: config.dataDir, disabled: config.embeddingDisabled });
}

/** Opens the store and the embedding model and checks that they agree. */
export async function openKnowledgeBase(
  config: Config,
  options: { log?: (m: string) => void; embeddings?: LoadedEmbeddings; answerer?: Answerer } = {},
): Promise<KnowledgeBase> {
  const log = options.log ?? (() => undefined);
  const store = NewsStore.open(config.dataDir, { log });
  const loaded = options.embeddings ?? (store.vectorSpace() ? await loadEmbeddingsFromConfig(config) : undefined);
  const status = loaded?.status ?? { model: config.embeddingModel, available: false, dimension: null, reason: 'the index has no vectors' };
  const kb = new KnowledgeBase({
    store,
    embeddings: loaded?.embeddings ?? null,
    embeddingStatus: status,
    answerer: options.answerer,
    maxQuestionLength: config.discord.maxQuestionLength,
    log,
  });
  const problem = kb.vectorProblem();
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
  store?: NewsStore;
  signal?: AbortSignal;
}

/** The one ingestion entry point behind the CLI, /reingest and the schedule. */
export async function ingestFromConfig(config: Config, request: IngestRequest = {}): Promise<IngestSummary> {
  const log = request.log ?? (() => undefined);
  if (request.rebuild) {
    const backup = moveStoreAside(config.dataDir);
    if (backup) log(`Moved the previous store to ${backup}; rebuilding from sources.`);
  }
  const sources = resolveSourceSpecs({ cliSources: request.cliSources, configured: config.sources, sourcesFile: config.sourcesFile, defaults: DEFAULT_SOURCES });
  const embeddings = request.embeddings ?? (await loadEmbeddingsFromConfig(config));
  if (!embeddings.embeddings) {
    log(`Warning: embedding model ${embeddings.status.model} could not be loaded (${embeddings.status.reason}). Building a lexical-only index; the next ingest with the model available adds the vectors.`);
  }
  return ingest({
    dataDir: config.dataDir,
    sources,
    embeddings,
    prune: request.prune,
    fetchTimeoutMs: config.fetchTimeoutMs,
    maxArticleBytes: config.maxArticleBytes,
    onProgress: request.onProgress,
    log,
    store: request.store,
    signal: request.signal,
  });
}
