import type { ArticleWrite, CopyCandidate, EventCandidate, Fingerprint, StoryInfo } from '../../core/ports/knowledgeStore.js';
import { parseComments } from '../documentRow.js';
import {
  copiesNoLongerMatching,
  decodeSignature,
  encodeSignature,
  EVENT_LEAD_CHARS,
  eventCandidateFromRow,
  eventCandidatesSql,
  meanVectors,
  storiesOf,
  type EventCandidateRow,
} from '../stories.js';
import { decodeVector } from '../vectorCodec.js';
import type { Row, SqlRunner } from './pgDatabase.js';

/**
 * PostgreSQL's side of stories told by several articles (rules in ../stories.ts), the same
 * statements as sqliteStories.ts. Each function runs inside the caller's transaction.
 */

/** Records the written article's place in its story; returns its head's id when it is a copy, null when it heads a story. */
export async function linkToStory(tx: SqlRunner, documentId: number, article: ArticleWrite): Promise<number | null> {
  const head = article.copyOf ? await headOf(tx, article.copyOf, documentId) : null;
  await tx.query('UPDATE documents SET copy_of = $1, minhash = $2, story_terms = $3 WHERE id = $4', [
    head,
    encodeSignature(article.fingerprint?.signature ?? null),
    article.storyTerms ?? null,
    documentId,
  ]);
  await tx.query('DELETE FROM copy_bands WHERE document_id = $1', [documentId]);
  await joinStory(tx, documentId, await storyToJoin(tx, documentId, head, article.sameEventAs));
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

/** The story a written article belongs to: its head's (a copy), the same event's article's, else its own. */
async function storyToJoin(tx: SqlRunner, documentId: number, head: number | null, sameEventAs: number | null | undefined): Promise<number> {
  const other = head ?? (sameEventAs !== documentId ? sameEventAs : null) ?? null;
  if (other === null) return documentId;
  const [row] = await tx.query<{ story: string }>('SELECT coalesce(story_id, id) AS story FROM documents WHERE id = $1', [other]);
  return row ? Number(row.story) : documentId;
}

/** Moves an article and its copies into a story; the story it leaves stays together (relabelled when it labelled it). */
async function joinStory(tx: SqlRunner, documentId: number, story: number): Promise<void> {
  const [row] = await tx.query<{ story_id: string | null }>('SELECT story_id FROM documents WHERE id = $1', [documentId]);
  if (row?.story_id != null && Number(row.story_id) === story) return;
  if (row?.story_id != null && Number(row.story_id) === documentId) {
    await tx.query(
      `UPDATE documents SET story_id = (SELECT min(id) FROM documents WHERE story_id = $1 AND id <> $1 AND coalesce(copy_of, 0) <> $1)
       WHERE story_id = $1 AND id <> $1 AND coalesce(copy_of, 0) <> $1`,
      [documentId],
    );
  }
  await tx.query('UPDATE documents SET story_id = $1 WHERE id = $2 OR copy_of = $2', [story, documentId]);
}

/** An article about to be removed: when it labels its story, the rest of the story (its copies included) takes another member's id. */
export async function leaveStory(tx: SqlRunner, documentId: number): Promise<void> {
  await tx.query('UPDATE documents SET story_id = (SELECT min(id) FROM documents WHERE story_id = $1 AND id <> $1) WHERE story_id = $1 AND id <> $1', [
    documentId,
  ]);
}

/** A rewritten head keeps only the copies that still match it; the others become articles of their own, read again at their next ingest. */
async function detachCopiesNoLongerMatching(tx: SqlRunner, headId: number, signature: Uint32Array | null): Promise<void> {
  const copies = await tx.query<{ id: string; minhash: Buffer | null }>('SELECT id, minhash FROM documents WHERE copy_of = $1', [headId]);
  const detach = copiesNoLongerMatching(
    signature,
    copies.map((c) => ({ id: Number(c.id), signature: c.minhash && c.minhash.length > 0 ? decodeSignature(c.minhash) : null })),
  );
  // Cleared hashes make the next ingest extract and store them again, with passages when they head a story of their own;
  // until then each is a story of its own.
  if (detach.length > 0)
    await tx.query("UPDATE documents SET copy_of = NULL, raw_hash = '', content_hash = '', story_id = id WHERE id = ANY($1::bigint[])", [detach]);
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
    `SELECT m.id, m.story_id AS head, m.outlet, ${inScope} AS in_scope FROM documents m
     WHERE m.story_id IN (SELECT story_id FROM documents WHERE id = ANY($1::bigint[])) ORDER BY m.id`,
    scopeSourceIds ? [documentIds, scopeSourceIds] : [documentIds],
  );
  return storiesOf(
    documentIds,
    rows.map((r) => ({ id: Number(r.id), head: Number(r.head), outlet: r.outlet, inScope: r.in_scope })),
  );
}

/** Heads published in the window, most recent first (the published index bounds the read). */
export async function eventCandidates(db: SqlRunner, window: { from: string; until: string }, limit: number, exceptKey = ''): Promise<EventCandidate[]> {
  const rows = await db.query<EventCandidateRow & Row>(
    eventCandidatesSql((i) => `$${i}`),
    [EVENT_LEAD_CHARS, window.from, window.until, exceptKey, limit],
  );
  return rows.map(eventCandidateFromRow);
}

/** Dated heads just outside the window, about half before and half after it. */
export async function eventBackground(db: SqlRunner, window: { from: string; until: string }, limit: number): Promise<number[]> {
  const half = Math.max(1, Math.ceil(limit / 2));
  const before = await db.query<{ id: string }>(
    "SELECT id FROM documents WHERE published < $1 AND published <> '' AND copy_of IS NULL ORDER BY published DESC LIMIT $2",
    [window.from, half],
  );
  const after = await db.query<{ id: string }>('SELECT id FROM documents d WHERE published >= $1 AND copy_of IS NULL ORDER BY published LIMIT $2', [
    window.until,
    limit - before.length,
  ]);
  return [...before, ...after].map((r) => Number(r.id));
}

/** Per article, the mean of its body passages' vectors of the model. */
export async function articleVectors(db: SqlRunner, documentIds: number[], model: string): Promise<Map<number, Float32Array>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db.query<{ document_id: string; vector: Buffer }>(
    `SELECT p.document_id, v.vector FROM passages p JOIN passage_vectors v ON v.passage_id = p.id AND v.model = $1
     WHERE p.section = 'body' AND p.document_id = ANY($2::bigint[])`,
    [model, documentIds],
  );
  return meanVectors(rows.map((r) => ({ documentId: Number(r.document_id), vector: decodeVector(Buffer.from(r.vector)) })));
}
