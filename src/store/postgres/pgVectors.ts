import { PROBE_ORDER_SQL } from '../calibrationMeta.js';
import type { ProbePassage } from '../../core/ports/knowledgeStore.js';
import type { VectorSpace } from '../../core/ports/knowledgeStore.js';
import { decodeVector, encodeVector } from '../vectorCodec.js';
import { recordChanges, recordVectorSpaceChange } from './pgChanges.js';
import type { SqlRunner } from './pgDatabase.js';
import { setMeta } from './pgMeta.js';

/**
 * Vectors in PostgreSQL. They are always stored as float32 bytes (`vector`, the truth that
 * export and every process's hnswlib graph read). When the server has the pgvector
 * extension, each is also stored in an `embedding vector` column with an HNSW index, and
 * nearest-neighbour search runs in SQL: no process builds a graph of its own.
 *
 * The column is declared without a dimension (the model decides it); the index is on the
 * column cast to the vector space's dimension, for the space's model only, rebuilt when the
 * vector space changes, and queries repeat the cast and the model so PostgreSQL uses it.
 */
export const PGVECTOR_INDEX = 'passage_vectors_hnsw';

/** hnsw.ef_search for a query of k results: at least pgvector's default (40), and never below k. */
const MIN_EF_SEARCH = 40;
const BACKFILL_PAGE = 2000;

/**
 * Turns pgvector on when the server offers it (and the role may create the extension, or it
 * already exists); returns whether it is in use. Without it, the caller keeps per-process graphs.
 */
export async function enablePgVector(runner: SqlRunner): Promise<boolean> {
  try {
    const [available] = await runner.query<{ n: string }>("SELECT count(*) AS n FROM pg_available_extensions WHERE name = 'vector'");
    if (Number(available?.n ?? 0) === 0) return false;
    await runner.query('CREATE EXTENSION IF NOT EXISTS vector');
    await runner.query('ALTER TABLE passage_vectors ADD COLUMN IF NOT EXISTS embedding vector');
    return true;
  } catch {
    // Offered but not allowed (no CREATE privilege on a managed service): per-process graphs.
    return false;
  }
}

/** pgvector's text form of a vector: `[0.1,0.2,...]`. */
export function vectorLiteral(vector: Float32Array): string {
  return `[${Array.from(vector).join(',')}]`;
}

function checkedDim(dim: number): number {
  if (!Number.isInteger(dim) || dim < 1 || dim > 16000) throw new Error(`invalid vector dimension ${dim}`);
  return dim;
}

/** A model id as an SQL literal (it is part of the index predicate, which queries must repeat). */
function modelLiteral(model: string): string {
  return `'${model.replace(/'/g, "''")}'`;
}

/**
 * (Re)builds the HNSW index for the vector space (cosine distance, like the hnswlib graphs).
 * It covers only the space's model: rows of the previous model, deleted in the same
 * transaction, are still seen by CREATE INDEX and would not cast to the new dimension.
 */
export async function preparePgVectorIndex(runner: SqlRunner, space: VectorSpace): Promise<void> {
  await runner.query(`DROP INDEX IF EXISTS ${PGVECTOR_INDEX}`);
  await runner.query(
    `CREATE INDEX ${PGVECTOR_INDEX} ON passage_vectors USING hnsw ((embedding::vector(${checkedDim(space.dim)})) vector_cosine_ops) WHERE model = ${modelLiteral(space.model)}`,
  );
}

/** Writes (or replaces) vectors; with pgvector also into the indexed column. */
export async function writeVectors(runner: SqlRunner, model: string, vectors: Array<{ id: number; vector: Float32Array }>, pgvector: boolean): Promise<void> {
  const ids = vectors.map((v) => v.id);
  const models = vectors.map(() => model);
  const bytes = vectors.map((v) => encodeVector(v.vector));
  if (!pgvector) {
    await runner.query(
      `INSERT INTO passage_vectors(passage_id, model, vector) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bytea[])
       ON CONFLICT (passage_id) DO UPDATE SET model = excluded.model, vector = excluded.vector`,
      [ids, models, bytes],
    );
    return;
  }
  await runner.query(
    `INSERT INTO passage_vectors(passage_id, model, vector, embedding)
     SELECT t.id, t.model, t.bytes, t.literal::vector FROM unnest($1::bigint[], $2::text[], $3::bytea[], $4::text[]) AS t(id, model, bytes, literal)
     ON CONFLICT (passage_id) DO UPDATE SET model = excluded.model, vector = excluded.vector, embedding = excluded.embedding`,
    [ids, models, bytes, vectors.map((v) => vectorLiteral(v.vector))],
  );
}

/**
 * Fills the indexed column for vectors stored before pgvector was available (the extension
 * installed later on the same database). Returns how many were filled.
 */
export async function backfillPgVector(runner: SqlRunner, model: string): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await runner.query<{ id: string; vector: Buffer | Uint8Array }>(
      'SELECT passage_id AS id, vector FROM passage_vectors WHERE embedding IS NULL AND model = $1 ORDER BY passage_id LIMIT $2',
      [model, BACKFILL_PAGE],
    );
    if (rows.length === 0) return filled;
    await runner.query(
      'UPDATE passage_vectors v SET embedding = t.literal::vector FROM unnest($1::bigint[], $2::text[]) AS t(id, literal) WHERE v.passage_id = t.id',
      [rows.map((r) => Number(r.id)), rows.map((r) => vectorLiteral(decodeVector(Buffer.from(r.vector))))],
    );
    filled += rows.length;
  }
}

/**
 * The k nearest passages by cosine similarity, in SQL through the HNSW index. Runs inside a
 * transaction so `SET LOCAL hnsw.ef_search` applies to this query only.
 */
export async function searchPgVector(tx: SqlRunner, space: VectorSpace, vector: Float32Array, k: number): Promise<Array<{ id: number; similarity: number }>> {
  const dim = checkedDim(space.dim);
  await tx.query(`SET LOCAL hnsw.ef_search = ${Math.max(MIN_EF_SEARCH, Math.ceil(k))}`);
  const rows = await tx.query<{ id: string; distance: number }>(
    `SELECT passage_id AS id, embedding::vector(${dim}) <=> $1::vector(${dim}) AS distance FROM passage_vectors
     WHERE model = ${modelLiteral(space.model)} AND embedding IS NOT NULL ORDER BY embedding::vector(${dim}) <=> $1::vector(${dim}) LIMIT $2`,
    [vectorLiteral(vector), k],
  );
  return rows.map((r) => ({ id: Number(r.id), similarity: 1 - Number(r.distance) }));
}

/**
 * The k nearest passages of a scope in SQL, exactly: an HNSW index scan filtered afterwards
 * could return fewer than k for a small scope, so the scope's vectors are compared one by one
 * (the ORDER BY on an expression the index cannot serve).
 */
export async function searchPgVectorInScope(
  db: SqlRunner,
  space: VectorSpace,
  vector: Float32Array,
  k: number,
  scopedDocuments: (param: string) => string,
  sourceIds: string[],
): Promise<Array<{ id: number; similarity: number }>> {
  const dim = checkedDim(space.dim);
  const rows = await db.query<{ id: string; distance: number }>(
    `SELECT v.passage_id AS id, v.embedding::vector(${dim}) <=> $1::vector(${dim}) AS distance FROM passage_vectors v
     JOIN passages p ON p.id = v.passage_id WHERE p.document_id IN ${scopedDocuments('$3')}
       AND v.model = ${modelLiteral(space.model)} AND v.embedding IS NOT NULL
     ORDER BY (v.embedding::vector(${dim}) <=> $1::vector(${dim})) + 0, v.passage_id LIMIT $2`,
    [vectorLiteral(vector), k, sourceIds],
  );
  return rows.map((r) => ({ id: Number(r.id), similarity: 1 - Number(r.distance) }));
}

/** The stored vectors of these passages (those that have one of `model`), read at once: faster than asking the graph for each. */
export async function vectorsOf(db: SqlRunner, model: string, ids: Iterable<number>): Promise<Map<number, Float32Array>> {
  const rows = await db.query<{ id: string; vector: Buffer }>(
    'SELECT passage_id AS id, vector FROM passage_vectors WHERE model = $1 AND passage_id = ANY($2::bigint[])',
    [model, [...ids]],
  );
  return new Map(rows.map((r) => [Number(r.id), decodeVector(Buffer.from(r.vector))]));
}

/** Passages with no vector from `model` (written while the model was unavailable, or by another model). */
export async function passagesMissingVectors(db: SqlRunner, model: string, limit: number): Promise<Array<{ id: number; text: string }>> {
  const rows = await db.query<{ id: string; text: string }>(
    `SELECT p.id, p.text FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = $1
     WHERE v.passage_id IS NULL ORDER BY p.id LIMIT $2`,
    [model, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), text: r.text }));
}

/** Writes vectors of existing passages and records them in the change sequence, in the caller's transaction. */
export async function storeVectors(tx: SqlRunner, model: string, vectors: Array<{ id: number; vector: Float32Array }>, pgvector: boolean): Promise<void> {
  await writeVectors(tx, model, vectors, pgvector);
  await recordChanges(
    tx,
    'a',
    vectors.map((v) => v.id),
  );
}

/**
 * Drops vectors of any other model and records `space` (rules/vectorSpaceSwitch.ts), in the
 * caller's transaction; with pgvector the index is rebuilt for it. The change sequence gets
 * an 'x': every process rebuilds its graph.
 */
export async function replaceVectorSpace(tx: SqlRunner, space: VectorSpace, rows: Array<[key: string, value: string]>, pgvector: boolean): Promise<void> {
  await tx.query('DELETE FROM passage_vectors WHERE model <> $1', [space.model]);
  if (pgvector) await preparePgVectorIndex(tx, space);
  for (const [key, value] of rows) await setMeta(tx, key, value);
  await recordVectorSpaceChange(tx);
}

/** See KnowledgeStore.probePassages. */
export async function probePassages(db: SqlRunner, model: string, limit: number): Promise<ProbePassage[]> {
  const rows = await db.query<{ id: string; document_id: string; text: string; language: string; vector: Buffer }>(
    `SELECT p.id, p.document_id, p.text, d.language, v.vector FROM passages p
     JOIN passage_vectors v ON v.passage_id = p.id AND v.model = $1 JOIN documents d ON d.id = p.document_id
     WHERE p.section = 'body' ORDER BY ${PROBE_ORDER_SQL} LIMIT $2`,
    [model, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), documentId: Number(r.document_id), text: r.text, language: r.language, vector: decodeVector(r.vector) }));
}
