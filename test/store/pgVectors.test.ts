import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row, SqlRunner } from '../../src/store/postgres/pgDatabase.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/pgSchema.js';
import { backfillPgVector, enablePgVector, PGVECTOR_INDEX, preparePgVectorIndex, searchPgVector, writeVectors } from '../../src/store/postgres/pgVectors.js';
import { encodeVector } from '../../src/store/vectorCodec.js';
import { PgStore } from '../../src/store/postgres/pgStore.js';
import type { ArticleWrite } from '../../src/core/ports/knowledgeStore.js';
import { PgliteConnection } from '../support/pgliteConnection.js';

/** PGlite (PostgreSQL compiled to WebAssembly, in this process) behind the store's SQL interface. */
function runnerOf(db: PGlite): SqlRunner {
  return { query: async <R extends Row>(sql: string, params: unknown[] = []) => (await db.query<R>(sql, params)).rows };
}

/** Deterministic pseudo-random unit vectors. */
function randomVectors(count: number, dim: number, seed = 7): Float32Array[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state / 2147483648) * 2 - 1;
  };
  return Array.from({ length: count }, () => {
    const v = Float32Array.from({ length: dim }, next);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

/** Passages for `count` vectors: one document, passages with ids 1..count. */
async function seedPassages(runner: SqlRunner, count: number): Promise<void> {
  await runner.query(
    `INSERT INTO documents(id, doc_key, source_id, raw_hash, content_hash, extractor_version, title, language, source, location, ingested_at, updated_at)
     VALUES (1, 'k', 's', 'r', 'c', 1, 't', 'en', 's', 'l', 'now', 'now')`,
  );
  await runner.query(
    `INSERT INTO passages(id, document_id, position, section, text, terms, term_count, tsv)
     SELECT i, 1, i, 'body', 'text ' || i, 'text', 1, 'text'::tsvector FROM generate_series(1, $1::int) AS i`,
    [count],
  );
}

describe('pgvector SQL path (PGlite with the vector extension)', () => {
  let db: PGlite;
  let runner: SqlRunner;
  const DIM = 16;
  const vectors = randomVectors(400, DIM);

  beforeAll(async () => {
    db = await PGlite.create({ extensions: { vector } });
    runner = runnerOf(db);
    for (const migration of PG_MIGRATIONS) await db.exec(migration);
    await seedPassages(runner, vectors.length);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  it('turns pgvector on, indexes vectors with HNSW and finds the exact nearest neighbours in SQL', async () => {
    expect(await enablePgVector(runner)).toBe(true);
    await preparePgVectorIndex(runner, { model: 'm', dim: DIM });
    await writeVectors(
      runner,
      'm',
      vectors.map((vector, i) => ({ id: i + 1, vector })),
      true,
    );
    let hits = 0;
    for (const query of randomVectors(20, DIM, 99)) {
      const exact = vectors
        .map((v, i) => ({ id: i + 1, similarity: cosine(query, v) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 10);
      const found = await db.transaction((tx) => searchPgVector(runnerOf(tx as unknown as PGlite), { model: 'm', dim: DIM }, query, 10));
      expect(found).toHaveLength(10);
      // Similarities are cosine, best first.
      expect(found[0]!.similarity).toBeCloseTo(exact[0]!.similarity, 5);
      expect(found.map((f) => f.similarity)).toEqual([...found.map((f) => f.similarity)].sort((a, b) => b - a));
      hits += found.filter((f) => exact.some((e) => e.id === f.id)).length;
    }
    expect(hits / 200).toBeGreaterThanOrEqual(0.95);
    // The query the store runs is answered from the HNSW index.
    await db.exec('SET enable_seqscan = off');
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT passage_id FROM passage_vectors WHERE model = 'm' AND embedding IS NOT NULL ORDER BY embedding::vector(${DIM}) <=> $1::vector(${DIM}) LIMIT 10`,
      [`[${vectors[0]!.join(',')}]`],
    );
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain(PGVECTOR_INDEX);
    await db.exec('RESET enable_seqscan');
  });

  it('replaces a vector in place and fills the indexed column for vectors stored before pgvector was on', async () => {
    const moved = Float32Array.from({ length: DIM }, (_, i) => (i === 0 ? 1 : 0));
    await writeVectors(runner, 'm', [{ id: 5, vector: moved }], true);
    const [top] = await db.transaction((tx) => searchPgVector(runnerOf(tx as unknown as PGlite), { model: 'm', dim: DIM }, moved, 1));
    expect(top).toMatchObject({ id: 5 });
    expect(top!.similarity).toBeCloseTo(1, 5);

    // Stored by a process without pgvector (bytes only): invisible to SQL search until backfilled.
    const late = Float32Array.from({ length: DIM }, (_, i) => (i === 1 ? 1 : 0));
    await runner.query('UPDATE passage_vectors SET vector = $1, embedding = NULL WHERE passage_id = 9', [encodeVector(late)]);
    const before = await db.transaction((tx) => searchPgVector(runnerOf(tx as unknown as PGlite), { model: 'm', dim: DIM }, late, 1));
    expect(before[0]!.id).not.toBe(9);
    expect(await backfillPgVector(runner, 'm')).toBe(1);
    const after = await db.transaction((tx) => searchPgVector(runnerOf(tx as unknown as PGlite), { model: 'm', dim: DIM }, late, 1));
    expect(after[0]).toMatchObject({ id: 9 });
  });

  it('rebuilds the index for a new dimension when the vector space changes', async () => {
    await runner.query('DELETE FROM passage_vectors');
    await preparePgVectorIndex(runner, { model: 'other', dim: 4 });
    const small = randomVectors(50, 4, 3);
    await writeVectors(
      runner,
      'other',
      small.map((vector, i) => ({ id: i + 1, vector })),
      true,
    );
    const [top] = await db.transaction((tx) => searchPgVector(runnerOf(tx as unknown as PGlite), { model: 'other', dim: 4 }, small[7]!, 1));
    expect(top).toMatchObject({ id: 8 });
    const [definition] = await runner.query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE indexname = $1', [PGVECTOR_INDEX]);
    expect(definition!.indexdef).toContain('vector(4)');
  });

  it('reports pgvector unavailable on a server without the extension, so the store keeps per-process graphs', async () => {
    const plain = await PGlite.create();
    try {
      for (const migration of PG_MIGRATIONS) await plain.exec(migration);
      expect(await enablePgVector(runnerOf(plain))).toBe(false);
    } finally {
      await plain.close();
    }
  }, 60_000);

  it('runs the whole PostgreSQL store on pgvector: migrations turn it on, writes fill the indexed column, searches run in SQL', async () => {
    const lite = await PGlite.create({ extensions: { vector } });
    const store = await PgStore.openOn(new PgliteConnection(lite));
    try {
      expect(store.pgvector).toBe(true);
      await store.useVectorSpace({ model: 'm', dim: 3 });
      const write = (key: string, text: string, terms: string, v: number[]): ArticleWrite => ({
        key,
        sourceId: '/s',
        rawHash: `r-${key}-${text}`,
        contentHash: `c-${key}-${text}`,
        extractorVersion: 1,
        body: [text],
        comments: [],
        summaryOnly: false,
        model: 'm',
        metadata: { title: 'T', published: '2026-01-01', language: 'en', outlet: null, url: null, source: key, location: key, author: null },
        passages: [{ position: 0, section: 'body', text, terms }],
        vectors: [Float32Array.from(v)],
      });
      const harbour = await store.writeArticle(write('a', 'harbour reopened', 'harbour reopen', [1, 0, 0]));
      const ferry = await store.writeArticle(write('b', 'ferry resumed', 'ferri resum', [0, 1, 0]));
      expect(await store.hasSearchableVectors()).toBe(true);
      expect((await store.vectorSearch(Float32Array.from([0.1, 1, 0]), 2)).map((h) => h.id)).toEqual([ferry.added[0]!.id, harbour.added[0]!.id]);
      const [row] = await store.db.query<{ n: string }>('SELECT count(*) AS n FROM passage_vectors WHERE embedding IS NOT NULL');
      expect(Number(row!.n)).toBe(2);
      // An update replaces the passage: the old vector is gone from SQL search at once.
      const moved = await store.writeArticle(write('a', 'harbour closed', 'harbour close', [0, 0, 1]));
      const hits = await store.vectorSearch(Float32Array.from([1, 0, 0.1]), 5);
      expect(hits.map((h) => h.id).sort()).toEqual([ferry.added[0]!.id, moved.added[0]!.id].sort());
      expect((await store.lexicalSearch(['harbour'], 5)).map((h) => h.id)).toEqual([moved.added[0]!.id]);
      // Inside a scope the search is exact over the scope's vectors: only what its sources bring, nearest first.
      await store.addDocumentSource('b', 'desk-feed');
      expect(await store.vectorSearch(Float32Array.from([0, 0, 1]), 5, { sourceIds: ['desk-feed'] })).toEqual([
        { id: ferry.added[0]!.id, similarity: expect.closeTo(0, 5) },
      ]);
      expect((await store.vectorSearch(Float32Array.from([0, 0, 1]), 5, { sourceIds: ['/s'] })).map((h) => h.id)).toEqual([
        moved.added[0]!.id,
        ferry.added[0]!.id,
      ]);
      expect(await store.vectorSearch(Float32Array.from([0, 0, 1]), 5, { sourceIds: ['nobody'] })).toEqual([]);
      // Another model: the index is rebuilt for its dimension and the old vectors go.
      await store.useVectorSpace({ model: 'm2', dim: 2 });
      expect(await store.vectorSearch(Float32Array.from([1, 0]), 5)).toEqual([]);
    } finally {
      await store.close();
      await lite.close();
    }
  }, 60_000);
});
