import type { StoreStats } from '../../core/ports/knowledgeStore.js';
import { removeSourceArticles as removeSourceArticlesRule, type SourceArticleRemovalPrimitives } from '../rules/sourceArticleRemoval.js';
import { runAwaiting } from '../rules/storageRule.js';
import { notifyChanges } from './pgChanges.js';
import type { SqlRunner } from './pgDatabase.js';

/**
 * PostgreSQL's record of which sources bring which article (document_sources) and the scopes
 * built on it. A scope's documents are those a source in it brings, plus the heads of the
 * stories they are copies of: a copy has no body passages of its own, its head holds them.
 */

/** The ids of a scope's documents, its source ids bound as the text[] parameter `param` (e.g. "$3"). */
export function scopedDocumentsSql(param: string): string {
  return `(SELECT s.document_id FROM document_sources s WHERE s.source_id = ANY(${param}::text[])
    UNION SELECT d2.copy_of FROM document_sources s JOIN documents d2 ON d2.id = s.document_id
    WHERE s.source_id = ANY(${param}::text[]) AND d2.copy_of IS NOT NULL)`;
}

export async function insertDocumentSource(tx: SqlRunner, documentId: number, sourceId: string): Promise<void> {
  await tx.query(
    `WITH added AS (INSERT INTO document_sources(document_id, source_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1)
     SELECT nextval('membership_changes') FROM added`,
    [documentId, sourceId],
  );
}

/** Records that a source brings the article stored under the key (its own or an alias); nothing when none is. */
export async function addDocumentSource(db: SqlRunner, key: string, sourceId: string): Promise<void> {
  await db.query(
    `WITH added AS (INSERT INTO document_sources(document_id, source_id)
       SELECT id, $2 FROM documents WHERE doc_key = $1 UNION SELECT document_id, $2 FROM document_aliases WHERE alias_key = $1
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT nextval('membership_changes') FROM added LIMIT 1`,
    [key, sourceId],
  );
}

/** Moves whenever memberships change without passages changing (a scope's passage list is kept until then). */
export async function membershipStamp(db: SqlRunner): Promise<string> {
  const [row] = await db.query<{ stamp: string }>("SELECT last_value::text || ':' || is_called::text AS stamp FROM membership_changes");
  return row!.stamp;
}

export async function scopedPassageIds(db: SqlRunner, sourceIds: string[]): Promise<number[]> {
  const rows = await db.query<{ id: string }>(`SELECT p.id FROM passages p WHERE p.document_id IN ${scopedDocumentsSql('$1')} ORDER BY p.id`, [sourceIds]);
  return rows.map((r) => Number(r.id));
}

/** Removes a source from its articles (rules/sourceArticleRemoval.ts), in the caller's transaction. */
export async function removeSourceArticles(
  tx: SqlRunner,
  sourceId: string,
  deleteDocument: (documentId: number) => Promise<number[]>,
): Promise<{ articles: number; passageIds: number[] }> {
  const primitives: SourceArticleRemovalPrimitives = {
    async documentsOnlyFrom(source) {
      const rows = await tx.query<{ id: string }>(
        `SELECT d.id FROM documents d JOIN document_sources s ON s.document_id = d.id AND s.source_id = $1
         WHERE NOT EXISTS (SELECT 1 FROM document_sources o WHERE o.document_id = d.id AND o.source_id <> $1) ORDER BY d.id FOR UPDATE OF d`,
        [source],
      );
      return rows.map((r) => Number(r.id));
    },
    deleteDocument,
    async dropSource(source) {
      await tx.query(
        `UPDATE documents d SET source_id = o.source_id FROM (SELECT document_id, min(source_id) AS source_id FROM document_sources
           WHERE source_id <> $1 GROUP BY document_id) o WHERE o.document_id = d.id AND d.source_id = $1`,
        [source],
      );
      await tx.query(`WITH gone AS (DELETE FROM document_sources WHERE source_id = $1 RETURNING 1) SELECT nextval('membership_changes') FROM gone LIMIT 1`, [
        source,
      ]);
    },
  };
  const removed = await runAwaiting(removeSourceArticlesRule(sourceId, primitives));
  await notifyChanges(tx);
  return removed;
}

/** Articles held per source id (every asked id present, 0 when it brings none). */
export async function articleCounts(db: SqlRunner, sourceIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map(sourceIds.map((id) => [id, 0]));
  const rows = await db.query<{ source_id: string; n: string }>(
    'SELECT source_id, count(*) AS n FROM document_sources WHERE source_id = ANY($1::text[]) GROUP BY source_id',
    [[...new Set(sourceIds)]],
  );
  for (const row of rows) counts.set(row.source_id, Number(row.n));
  return counts;
}

/** The counts a server's /status shows: its articles, their passages and vectors, its sources holding articles. */
export async function scopedStats(db: SqlRunner, sourceIds: string[]): Promise<StoreStats> {
  const [row] = await db.query<{ documents: string; passages: string; vectors: string; sources: string }>(
    `WITH scoped AS ${scopedDocumentsSql('$1')}
     SELECT (SELECT count(DISTINCT document_id) FROM document_sources WHERE source_id = ANY($1::text[])) AS documents,
            (SELECT count(*) FROM passages p WHERE p.document_id IN (SELECT * FROM scoped)) AS passages,
            (SELECT count(*) FROM passages p JOIN passage_vectors v ON v.passage_id = p.id WHERE p.document_id IN (SELECT * FROM scoped)) AS vectors,
            (SELECT count(DISTINCT source_id) FROM document_sources WHERE source_id = ANY($1::text[])) AS sources`,
    [sourceIds],
  );
  return { documents: Number(row!.documents), passages: Number(row!.passages), vectors: Number(row!.vectors), sources: Number(row!.sources) };
}

/** For each of these documents no source of the scope brings: the oldest copy of its story the scope does bring, or null (rules/scopeStandIns.ts). */
export async function scopeStandIns(db: SqlRunner, documentIds: number[], sourceIds: string[]): Promise<Map<number, number | null>> {
  const inScope = (alias: string) => `EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = ${alias}.id AND s.source_id = ANY($2::text[]))`;
  const rows = await db.query<{ id: string; stand_in: string | null }>(
    `SELECT d.id, (SELECT c.id FROM documents c WHERE c.copy_of = d.id AND ${inScope('c')} ORDER BY c.id LIMIT 1) AS stand_in
     FROM documents d WHERE d.id = ANY($1::bigint[]) AND NOT ${inScope('d')}`,
    [[...new Set(documentIds)], sourceIds],
  );
  return new Map(rows.map((r) => [Number(r.id), r.stand_in === null ? null : Number(r.stand_in)]));
}
