import type { StoreStats } from '../../core/ports/knowledgeStore.js';
import { removeSourceArticles as removeSourceArticlesRule, type SourceArticleRemovalPrimitives } from '../rules/sourceArticleRemoval.js';
import { runNow } from '../rules/storageRule.js';
import type { SqliteDatabase } from './sqliteDatabase.js';
import { leaveStory, promoteCopy } from './sqliteStories.js';

/**
 * SQLite's record of which sources bring which article (document_sources) and the scopes
 * built on it. A scope's documents are those a source in it brings, plus the heads of the
 * stories they are copies of: a copy has no body passages of its own, its head holds them.
 * Source ids are bound as one JSON array (json_each), so each statement is prepared once.
 */
const SCOPED_DOCUMENTS = `scope_members AS (SELECT DISTINCT document_id AS id FROM document_sources WHERE source_id IN (SELECT value FROM json_each(?))),
  scoped_documents AS (SELECT id FROM scope_members UNION SELECT d.copy_of FROM documents d JOIN scope_members m ON m.id = d.id WHERE d.copy_of IS NOT NULL)`;

/** The SQL of passages in a scope (one JSON parameter), for joins inside searches. */
export const SCOPED_PASSAGE_FILTER = `p.document_id IN (SELECT id FROM scoped_documents)`;
export const SCOPED_WITH = `WITH ${SCOPED_DOCUMENTS}`;

export function scopedPassageIds(sqlite: SqliteDatabase, sourceIds: string[]): number[] {
  return sqlite
    .statement(`${SCOPED_WITH} SELECT p.id FROM passages p WHERE ${SCOPED_PASSAGE_FILTER} ORDER BY p.id`, { pluck: true })
    .all(JSON.stringify(sourceIds)) as number[];
}

/** Records that a source brings the article stored under the key (its own or an alias); nothing when none is. */
export function addDocumentSource(sqlite: SqliteDatabase, key: string, sourceId: string): void {
  sqlite
    .statement(
      `INSERT OR IGNORE INTO document_sources(document_id, source_id)
       SELECT id, ? FROM documents WHERE doc_key = ? UNION SELECT document_id, ? FROM document_aliases WHERE alias_key = ?`,
    )
    .run(sourceId, key, sourceId, key);
}

export function insertDocumentSource(sqlite: SqliteDatabase, documentId: number, sourceId: string): void {
  sqlite.statement('INSERT OR IGNORE INTO document_sources(document_id, source_id) VALUES (?, ?)').run(documentId, sourceId);
}

/** Removes a source from its articles (rules/sourceArticleRemoval.ts); returns the articles and passage ids that went. */
export function removeSourceArticles(sqlite: SqliteDatabase, sourceId: string): { articles: number; passageIds: number[] } {
  return sqlite.transaction(() => {
    const removed = runNow(removeSourceArticlesRule(sourceId, removalPrimitives(sqlite)));
    if (removed.articles > 0) sqlite.bumpGeneration();
    return removed;
  });
}

function removalPrimitives(sqlite: SqliteDatabase): SourceArticleRemovalPrimitives {
  const { db } = sqlite;
  return {
    documentsOnlyFrom: (sourceId) =>
      db
        .prepare(
          `SELECT s.document_id FROM document_sources s WHERE s.source_id = ?
           AND NOT EXISTS (SELECT 1 FROM document_sources o WHERE o.document_id = s.document_id AND o.source_id <> s.source_id) ORDER BY s.document_id`,
        )
        .pluck()
        .all(sourceId) as number[],
    deleteDocument(documentId) {
      promoteCopy(db, documentId);
      leaveStory(db, documentId);
      const ids = db.prepare('SELECT id FROM passages WHERE document_id = ?').pluck().all(documentId) as number[];
      db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
      return ids;
    },
    dropSource(sourceId) {
      db.prepare(
        `UPDATE documents SET source_id = (SELECT min(o.source_id) FROM document_sources o WHERE o.document_id = documents.id AND o.source_id <> ?)
         WHERE source_id = ? AND EXISTS (SELECT 1 FROM document_sources o WHERE o.document_id = documents.id AND o.source_id <> ?)`,
      ).run(sourceId, sourceId, sourceId);
      db.prepare('DELETE FROM document_sources WHERE source_id = ?').run(sourceId);
    },
  };
}

/** Articles held per source id (every asked id present, 0 when it brings none). */
export function articleCounts(sqlite: SqliteDatabase, sourceIds: readonly string[]): Map<string, number> {
  const counts = new Map(sourceIds.map((id) => [id, 0]));
  const rows = sqlite
    .statement('SELECT source_id, count(*) AS n FROM document_sources WHERE source_id IN (SELECT value FROM json_each(?)) GROUP BY source_id')
    .all(JSON.stringify([...new Set(sourceIds)])) as Array<{ source_id: string; n: number }>;
  for (const row of rows) counts.set(row.source_id, row.n);
  return counts;
}

/** The counts a server's /status shows: its articles, their passages and vectors, its sources holding articles. */
export function scopedStats(sqlite: SqliteDatabase, sourceIds: string[]): StoreStats {
  const scope = JSON.stringify(sourceIds);
  const one = (sql: string) => (sqlite.statement(sql, { pluck: true }).get(scope) as number | null) ?? 0;
  return {
    documents: one(`${SCOPED_WITH} SELECT count(*) FROM scope_members`),
    passages: one(`${SCOPED_WITH} SELECT count(*) FROM passages p WHERE ${SCOPED_PASSAGE_FILTER}`),
    vectors: one(`${SCOPED_WITH} SELECT count(*) FROM passages p JOIN passage_vectors v ON v.passage_id = p.id WHERE ${SCOPED_PASSAGE_FILTER}`),
    sources: one('SELECT count(DISTINCT source_id) FROM document_sources WHERE source_id IN (SELECT value FROM json_each(?))'),
  };
}

/** For each of these documents no source of the scope brings: the oldest copy of its story the scope does bring, or null (rules/scopeStandIns.ts). */
export function scopeStandIns(sqlite: SqliteDatabase, documentIds: number[], sourceIds: string[]): Map<number, number | null> {
  const scope = JSON.stringify(sourceIds);
  const inScope = (alias: string) =>
    `EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = ${alias}.id AND s.source_id IN (SELECT value FROM json_each(?)))`;
  const rows = sqlite
    .statement(
      `SELECT d.id, (SELECT c.id FROM documents c WHERE c.copy_of = d.id AND ${inScope('c')} ORDER BY c.id LIMIT 1) AS stand_in
       FROM documents d WHERE d.id IN (SELECT value FROM json_each(?)) AND NOT ${inScope('d')}`,
      { raw: true },
    )
    .all(scope, JSON.stringify([...new Set(documentIds)]), scope) as Array<[id: number, standIn: number | null]>;
  return new Map(rows);
}
