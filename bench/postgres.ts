import pLimit from 'p-limit';
import type { LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import type { NewsEmbeddings } from '../src/embeddings/newsEmbeddings.js';
import { indexTerms } from '../src/core/text/terms.js';
import { PgDatabase } from '../src/store/postgres/pgDatabase.js';
import { PgStore } from '../src/store/postgres/pgStore.js';
import { benchAskLatency, type AskLatencyResult } from './askLatency.js';
import { benchIngestion, type IngestionResult } from './ingestion.js';
import { PASSAGES_PER_ARTICLE } from './storeFixture.js';

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
  work: { articles: number; ingestEmbeddings: LoadedEmbeddings; texts: string[]; vectors: Float32Array[]; model: string; queryEmbeddings: NewsEmbeddings; inference: NewsEmbeddings },
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

    log(`PostgreSQL: writing ${work.texts.length} passages`);
    const store = await PgStore.open(url, { schema });
    try {
      const started = performance.now();
      await store.useVectorSpace({ model: work.model, dim: work.vectors[0]!.length });
      const limit = pLimit(WRITERS);
      const articles = Math.ceil(work.texts.length / PASSAGES_PER_ARTICLE);
      await Promise.all(
        Array.from({ length: articles }, (_, a) =>
          limit(async () => {
            const start = a * PASSAGES_PER_ARTICLE;
            const texts = work.texts.slice(start, start + PASSAGES_PER_ARTICLE);
            await store.writeArticle({
              key: `bench-${a}`,
              sourceId: 'bench',
              rawHash: `r${a}`,
              contentHash: `c${a}`,
              extractorVersion: 1,
              metadata: { title: `Bench article ${a}`, published: `2026-0${1 + (a % 9)}-1${a % 9}`, language: 'en', outlet: 'Bench Wire', url: null, source: `bench-${a}.txt`, location: `/bench/${a}`, author: null },
              body: texts,
              comments: [],
              summaryOnly: false,
              passages: texts.map((text, position) => ({ position, section: 'body', text, terms: indexTerms(text, 'en').join(' ') })),
              vectors: work.vectors.slice(start, start + texts.length),
              model: work.model,
            });
          }),
        ),
      );
      const storeBuildSeconds = (performance.now() - started) / 1000;
      log(`PostgreSQL: first vector search (${store.pgvector ? 'pgvector' : 'building this process\'s graph from the stored vectors'})`);
      const t = performance.now();
      await store.vectorSearch(work.vectors[0]!, 10);
      const firstSearchSeconds = (performance.now() - t) / 1000;
      log('PostgreSQL: warm ask latency');
      const askLatency = await benchAskLatency(store, work.texts, work.queryEmbeddings, work.inference);
      return { ingestion, askLatency, storeBuildSeconds, vectorSearch: store.pgvector ? 'pgvector (HNSW in SQL)' : 'per-process hnswlib graph', firstSearchSeconds };
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
