import pLimit from 'p-limit';
import type { LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import type { NewsEmbeddings } from '../src/core/ports/newsEmbeddings.js';
import type { ArticleWrite } from '../src/core/ports/knowledgeStore.js';
import { PgDatabase } from '../src/store/postgres/pgDatabase.js';
import { PgStore } from '../src/store/postgres/pgStore.js';
import { benchAskLatency, type AskLatencyResult } from './askLatency.js';
import { benchIngestion, type IngestionResult } from './ingestion.js';

export interface PostgresBenchResult {
  ingestion: IngestionResult;
  askLatency: AskLatencyResult;
  /** Writing the synthetic corpus article by article (one transaction each). */
  storeBuildSeconds: number;
  vectorSearch: 'pgvector (HNSW in SQL)' | 'per-process hnswlib graph';
  /** The first vector search: loading every vector and building this process's graph (0 with pgvector). */
  firstSearchSeconds: number;
}

/** Parallel writers while filling the store: the pool has 8 connections. */
const WRITERS = 4;

/**
 * The PostgreSQL half of `npm run bench` (when DATABASE_URL is set): the same ingestion and
 * the same warm-ask workload as for SQLite, on the same synthetic passages and vectors, in
 * throwaway schemas that are dropped afterwards.
 */
export async function benchPostgres(
  url: string,
  work: {
    articles: number;
    ingestEmbeddings: LoadedEmbeddings;
    texts: string[];
    writes: ArticleWrite[];
    model: string;
    queryEmbeddings: NewsEmbeddings;
    inference: NewsEmbeddings;
  },
  log: (m: string) => void,
): Promise<PostgresBenchResult> {
  const schema = `bench_${process.pid}`;
  try {
    log(`PostgreSQL: ingestion of ${work.articles} articles`);
    const ingestStore = await PgStore.open(url, { schema: `${schema}_ingest` });
    let ingestion: IngestionResult;
    try {
      ingestion = await benchIngestion(work.articles, work.ingestEmbeddings, ingestStore);
    } finally {
      await ingestStore.close();
    }

    log(`PostgreSQL: writing the same ${work.texts.length} passages`);
    const store = await PgStore.open(url, { schema });
    try {
      const started = performance.now();
      const probe = work.writes[0]!.vectors![0]!;
      await store.useVectorSpace({ model: work.model, dim: probe.length });
      const limit = pLimit(WRITERS);
      await Promise.all(work.writes.map((write) => limit(() => store.writeArticle(write))));
      const storeBuildSeconds = (performance.now() - started) / 1000;
      log(`PostgreSQL: first vector search (${store.pgvector ? 'pgvector' : "building this process's graph from the stored vectors"})`);
      const t = performance.now();
      await store.vectorSearch(probe, 10);
      const firstSearchSeconds = (performance.now() - t) / 1000;
      log('PostgreSQL: warm ask latency');
      const askLatency = await benchAskLatency(store, work.texts, work.queryEmbeddings, work.inference);
      return {
        ingestion,
        askLatency,
        storeBuildSeconds,
        vectorSearch: store.pgvector ? 'pgvector (HNSW in SQL)' : 'per-process hnswlib graph',
        firstSearchSeconds,
      };
    } finally {
      await store.close();
    }
  } finally {
    const db = new PgDatabase(url);
    try {
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.query(`DROP SCHEMA IF EXISTS ${schema}_ingest CASCADE`);
    } finally {
      await db.close();
    }
  }
}
