import { afterEach } from 'vitest';
import { RunContext } from '../../ingest/stages/runContext.js';
import { toWrite, type PendingArticle } from '../../ingest/stages/prepareWrite.js';
import { contentHashOf } from '../../ingest/stages/detectChanges.js';
import type { Candidate } from '../../ingest/sources/sourceEvents.js';
import type { IngestProgress } from '../../ingest/summary.js';
import { chunkArticle } from '../../ingest/chunk.js';
import type { ExtractedArticle } from '../../src/core/types.js';
import type { LoadedEmbeddings } from '../../src/embeddings/loadEmbeddings.js';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { unavailable } from './countingEmbeddings.js';
import { tempDir } from './tempDir.js';

const openStores: SqliteStore[] = [];

afterEach(async () => {
  while (openStores.length) await openStores.pop()!.close();
});

/** A real SQLite store in a fresh temporary folder, closed after the test. */
export function openTestStore(dataDir = tempDir()): SqliteStore {
  const store = SqliteStore.open(dataDir);
  openStores.push(store);
  return store;
}

export interface TestRun {
  run: RunContext;
  store: SqliteStore;
  logs: string[];
  progress: IngestProgress[];
}

/** A run context over a real SQLite store (its run begun), recording log lines and progress reports. */
export async function openTestRun(
  options: { embeddings?: LoadedEmbeddings; store?: SqliteStore; writeStore?: KnowledgeStore; signal?: AbortSignal } = {},
): Promise<TestRun> {
  const store = options.store ?? openTestStore();
  const { embeddings, status } = options.embeddings ?? unavailable();
  const logs: string[] = [];
  const progress: IngestProgress[] = [];
  const runId = await store.beginRun(new Date().toISOString());
  const run = new RunContext({
    store: options.writeStore ?? store,
    runId,
    startedAt: Date.now(),
    embeddings,
    embeddingStatus: status,
    log: (message) => logs.push(message),
    onProgress: (p) => progress.push(p),
    signal: options.signal,
  });
  return { run, store, logs, progress };
}

/** An extracted article with a few sentences about `topic` (enough words to be stored). */
export function article(topic: string, overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    title: `News about ${topic}`,
    published: '2026-08-14',
    language: 'en',
    outlet: null,
    url: null,
    source: `${topic}.txt`,
    location: `/docs/${topic}.txt`,
    author: null,
    body: [`The council discussed ${topic} on Thursday evening and agreed on a plan.`, `Residents said the ${topic} plan would take effect next spring.`],
    comments: [],
    ...overrides,
  };
}

/** A candidate whose extraction gives `extracted` (or throws it when it is an Error). */
export function candidate(
  key: string,
  extracted: ExtractedArticle | Error,
  options: { rawHash?: string; sourceId?: string; summaryOnly?: boolean } = {},
): Candidate {
  return {
    type: 'article',
    key,
    sourceId: options.sourceId ?? '/docs',
    location: key,
    rawHash: options.rawHash ?? `raw:${key}`,
    extract: async () => {
      if (extracted instanceof Error) throw extracted;
      return { article: extracted, summaryOnly: options.summaryOnly ?? false };
    },
  };
}

/** The write of an article under `key`, as the pipeline prepares it (all passages, no vectors). */
export function pendingWrite(
  key: string,
  extracted: ExtractedArticle,
  options: { sourceId?: string; rawHash?: string; summaryOnly?: boolean } = {},
): PendingArticle {
  const source = { key, sourceId: options.sourceId ?? '/docs', rawHash: options.rawHash ?? `raw:${key}`, location: key };
  return toWrite(source, extracted, chunkArticle(extracted), contentHashOf(extracted), options.summaryOnly ?? false);
}
