import { PROBE_ORDER_SQL } from '../calibrationMeta.js';
import type { ProbePassage } from '../../core/ports/knowledgeStore.js';
import type { VectorSpace } from '../../core/ports/knowledgeStore.js';
import { decodeVector, encodeVector } from '../vectorCodec.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

/** SQLite's stored vectors (float32 bytes per passage, one model at a time); the graph searched is sqliteVectorGraph.ts. */

/** Passages with no vector from `model` (written while the model was unavailable, or by another model). */
export function passagesMissingVectors(sqlite: SqliteDatabase, model: string, limit: number): Array<{ id: number; text: string }> {
  return sqlite.db
    .prepare(
      `SELECT p.id, p.text FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ?
       WHERE v.passage_id IS NULL ORDER BY p.id LIMIT ?`,
    )
    .all(model, limit) as Array<{ id: number; text: string }>;
}

export function storeVectors(sqlite: SqliteDatabase, model: string, vectors: Array<{ id: number; vector: Float32Array }>): void {
  sqlite.transaction(() => {
    const upsert = sqlite.db.prepare(
      'INSERT INTO passage_vectors(passage_id, model, vector) VALUES (?,?,?) ON CONFLICT(passage_id) DO UPDATE SET model=excluded.model, vector=excluded.vector',
    );
    for (const { id, vector } of vectors) upsert.run(id, model, encodeVector(vector));
    sqlite.bumpGeneration();
  });
}

/** Drops vectors made by any other model, so two embedding spaces are never mixed. */
export function deleteVectorsNotFrom(sqlite: SqliteDatabase, model: string): number {
  return sqlite.transaction(() => {
    const info = sqlite.db.prepare('DELETE FROM passage_vectors WHERE model <> ?').run(model);
    if (info.changes > 0) sqlite.bumpGeneration();
    return info.changes;
  });
}

/** Drops vectors of any other model and records `space`, in one transaction (rules/vectorSpaceSwitch.ts). */
export function replaceVectorSpace(sqlite: SqliteDatabase, space: VectorSpace, rows: Array<[key: string, value: string]>): void {
  sqlite.transaction(() => {
    deleteVectorsNotFrom(sqlite, space.model);
    for (const [key, value] of rows) sqlite.setMeta(key, value);
  });
}

export function vectorCount(sqlite: SqliteDatabase, model: string): number {
  return (sqlite.db.prepare('SELECT count(*) AS n FROM passage_vectors WHERE model = ?').get(model) as { n: number }).n;
}

export function* iterateVectors(sqlite: SqliteDatabase, model: string): Generator<{ id: number; vector: Float32Array }> {
  const rows = sqlite.db.prepare('SELECT passage_id AS id, vector FROM passage_vectors WHERE model = ? ORDER BY passage_id').iterate(model) as Iterable<{
    id: number;
    vector: Buffer;
  }>;
  for (const row of rows) yield { id: row.id, vector: decodeVector(row.vector) };
}

/** The stored vectors of these passages (those that have one of `model`), read at once: faster than asking the graph for each. */
export function vectorsOf(sqlite: SqliteDatabase, model: string, ids: Iterable<number>): Map<number, Float32Array> {
  const rows = sqlite
    .statement('SELECT passage_id AS id, vector FROM passage_vectors WHERE model = ? AND passage_id IN (SELECT value FROM json_each(?))', { raw: true })
    .all(model, JSON.stringify([...ids])) as Array<[id: number, vector: Buffer]>;
  return new Map(rows.map(([id, vector]) => [id, decodeVector(vector)]));
}

/** See KnowledgeStore.probePassages. */
export function probePassages(sqlite: SqliteDatabase, model: string, limit: number): ProbePassage[] {
  const rows = sqlite.db
    .prepare(
      `SELECT p.id, p.document_id AS documentId, p.text, d.language, v.vector FROM passages p
       JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ? JOIN documents d ON d.id = p.document_id
       WHERE p.section = 'body' ORDER BY ${PROBE_ORDER_SQL} LIMIT ?`,
    )
    .all(model, limit) as Array<Omit<ProbePassage, 'vector'> & { vector: Buffer }>;
  return rows.map((row) => ({ ...row, vector: decodeVector(row.vector) }));
}
