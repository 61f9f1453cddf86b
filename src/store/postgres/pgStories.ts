import type { ArticleWrite, CopyCandidate, Fingerprint, StoryInfo } from '../../core/ports/knowledgeStore.js';
import { parseComments } from '../documentRow.js';
import { copiesNoLongerMatching, decodeSignature, encodeSignature, storiesOf } from '../stories.js';
import type { SqlRunner } from './pgDatabase.js';

/**
 * PostgreSQL's side of stories told by several articles (rules in ../stories.ts), the same
 * statements as sqliteStories.ts. Each function runs inside the caller's transaction.
 */

/** Records the written article's place in its story; returns its head's id when it is a copy, null when it heads a story. */
export async function linkToStory(tx: SqlRunner, documentId: number, article: ArticleWrite): Promise<number | null> {
  const head = article.copyOf ? await headOf(tx, article.copyOf, documentId) : null;
  await tx.query('UPDATE documents SET copy_of = $1, minhash = $2 WHERE id = $3', [head, encodeSignature(article.fingerprint?.signature ?? null), documentId]);
  await tx.query('DELETE FROM copy_bands WHERE document_id = $1', [documentId]);
  if (head !== null) {
    // An article that headed a story and is now a copy of another: its copies follow it there.
    await tx.query('UPDATE documents SET copy_of = $1 WHERE copy_of = $2', [head, documentId]);
    return head;
  }
  const bands = article.fingerprint?.bands ?? [];
  if (bands.length > 0) {
    await tx.query('INSERT INTO copy_bands(band, document_id) SELECT DISTINCT b, $2::bigint FROM unnest($1::text[]) AS b ON CONFLICT DO NOTHING', [
      bands,
      documentId,
    ]);
  }
  await detachCopiesNoLongerMatching(tx, documentId, article.fingerprint?.signature ?? null);
  return null;
}

/** A rewritten head keeps only the copies that still match it; the others become articles of their own, read again at their next ingest. */
async function detachCopiesNoLongerMatching(tx: SqlRunner, headId: number, signature: Uint32Array | null): Promise<void> {
  const copies = await tx.query<{ id: string; minhash: Buffer | null }>('SELECT id, minhash FROM documents WHERE copy_of = $1', [headId]);
  const detach = copiesNoLongerMatching(
    signature,
    copies.map((c) => ({ id: Number(c.id), signature: c.minhash && c.minhash.length > 0 ? decodeSignature(c.minhash) : null })),
  );
  // Cleared hashes make the next ingest extract and store them again, with passages when they head a story of their own.
  if (detach.length > 0) await tx.query("UPDATE documents SET copy_of = NULL, raw_hash = '', content_hash = '' WHERE id = ANY($1::bigint[])", [detach]);
}

async function headOf(tx: SqlRunner, key: string, writing: number): Promise<number | null> {
  const [row] = await tx.query<{ id: string; copy_of: string | null }>('SELECT id, copy_of FROM documents WHERE doc_key = $1', [key]);
  if (!row) throw new Error(`the story's first article (${key}) is not stored, so this copy of it cannot be`);
  const head = Number(row.copy_of ?? row.id);
  return head === writing ? null : head;
}

/** A removed head's oldest copy takes over its body passages (vectors with them), copies and band keys; the head's own reader comments go with it. False when it has no copy. */
export async function promoteCopy(tx: SqlRunner, headId: number): Promise<boolean> {
  const [heir] = await tx.query<{ id: string }>('SELECT id FROM documents WHERE copy_of = $1 ORDER BY id LIMIT 1 FOR UPDATE', [headId]);
  if (!heir) return false;
  await tx.query("UPDATE passages SET document_id = $1 WHERE document_id = $2 AND section = 'body'", [heir.id, headId]);
  await tx.query('UPDATE documents SET copy_of = NULL WHERE id = $1', [heir.id]);
  await tx.query('UPDATE documents SET copy_of = $1 WHERE copy_of = $2', [heir.id, headId]);
  await tx.query('UPDATE copy_bands SET document_id = $1 WHERE document_id = $2', [heir.id, headId]);
  return true;
}

/** Articles written before this migration (minhash NULL; an examined one holds at least an empty value). */
export async function articlesWithoutFingerprint(db: SqlRunner, limit: number) {
  const rows = await db.query<{ id: string; body: string | null; comments: string | null; summary_only: boolean }>(
    'SELECT id, body, comments, summary_only FROM documents WHERE minhash IS NULL ORDER BY id LIMIT $1',
    [limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    body: (r.body ?? '').split('\n\n'),
    comments: parseComments(r.comments).map((c) => c.text),
    summaryOnly: r.summary_only,
  }));
}

export async function setFingerprint(tx: SqlRunner, documentId: number, fingerprint: Fingerprint | null): Promise<void> {
  const [row] = await tx.query<{ head: boolean }>('UPDATE documents SET minhash = $1 WHERE id = $2 RETURNING copy_of IS NULL AS head', [
    encodeSignature(fingerprint?.signature ?? null),
    documentId,
  ]);
  const bands = row?.head ? (fingerprint?.bands ?? []) : [];
  if (bands.length > 0) {
    await tx.query('INSERT INTO copy_bands(band, document_id) SELECT DISTINCT b, $2::bigint FROM unnest($1::text[]) AS b ON CONFLICT DO NOTHING', [
      bands,
      documentId,
    ]);
  }
}

export async function copyCandidates(db: SqlRunner, bands: string[]): Promise<CopyCandidate[]> {
  if (bands.length === 0) return [];
  const rows = await db.query<{ id: string; doc_key: string; minhash: Buffer; comments: string | null }>(
    `SELECT DISTINCT d.id, d.doc_key, d.minhash, d.comments FROM copy_bands b JOIN documents d ON d.id = b.document_id
     WHERE b.band = ANY($1::text[]) AND d.copy_of IS NULL AND length(d.minhash) > 0`,
    [bands],
  );
  return rows.map((r) => ({ id: Number(r.id), key: r.doc_key, signature: decodeSignature(r.minhash), comments: parseComments(r.comments).map((c) => c.text) }));
}

/** Each asked document's story; with scope source ids, only members a source of the scope brings count. */
export async function stories(db: SqlRunner, documentIds: number[], scopeSourceIds?: string[]): Promise<Map<number, StoryInfo>> {
  if (documentIds.length === 0) return new Map();
  const inScope = scopeSourceIds ? 'EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = m.id AND s.source_id = ANY($2::text[]))' : 'true';
  const rows = await db.query<{ id: string; head: string; outlet: string | null; in_scope: boolean }>(
    `WITH heads AS (SELECT DISTINCT coalesce(copy_of, id) AS head FROM documents WHERE id = ANY($1::bigint[])),
     members AS (SELECT id, id AS head, outlet FROM documents WHERE id IN (SELECT head FROM heads)
       UNION ALL SELECT id, copy_of AS head, outlet FROM documents WHERE copy_of IN (SELECT head FROM heads))
     SELECT m.id, m.head, m.outlet, ${inScope} AS in_scope FROM members m ORDER BY m.id`,
    scopeSourceIds ? [documentIds, scopeSourceIds] : [documentIds],
  );
  return storiesOf(
    documentIds,
    rows.map((r) => ({ id: Number(r.id), head: Number(r.head), outlet: r.outlet, inScope: r.in_scope })),
  );
}
