import type Database from 'better-sqlite3';
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
  type StoryMember,
} from '../stories.js';
import { decodeVector } from '../vectorCodec.js';

/**
 * SQLite's side of stories told by several articles (rules in stories.ts): links a written
 * article to its story, finds heads by band keys, hands a removed head's passages to a copy.
 * Each function runs inside the caller's transaction.
 */

/** Records the written article's place in its story; returns its head's id when it is a copy, null when it heads a story. */
export function linkToStory(db: Database.Database, documentId: number, article: ArticleWrite): number | null {
  const head = article.copyOf ? headOf(db, article.copyOf, documentId) : null;
  db.prepare('UPDATE documents SET copy_of = ?, minhash = ?, story_terms = ? WHERE id = ?').run(
    head,
    encodeSignature(article.fingerprint?.signature ?? null),
    article.storyTerms ?? null,
    documentId,
  );
  db.prepare('DELETE FROM copy_bands WHERE document_id = ?').run(documentId);
  joinStory(db, documentId, storyToJoin(db, documentId, head, article.sameEventAs));
  if (head !== null) {
    // An article that headed a story and is now a copy of another: its copies follow it there.
    db.prepare('UPDATE documents SET copy_of = ? WHERE copy_of = ?').run(head, documentId);
    return head;
  }
  const insert = db.prepare('INSERT OR IGNORE INTO copy_bands(band, document_id) VALUES (?, ?)');
  for (const band of article.fingerprint?.bands ?? []) insert.run(band, documentId);
  detachCopiesNoLongerMatching(db, documentId, article.fingerprint?.signature ?? null);
  return null;
}

/** The story a written article belongs to: its head's (a copy), the same event's article's, else its own. */
function storyToJoin(db: Database.Database, documentId: number, head: number | null, sameEventAs: number | null | undefined): number {
  const other = head ?? (sameEventAs !== documentId ? sameEventAs : null) ?? null;
  if (other === null) return documentId;
  const row = db.prepare('SELECT coalesce(story_id, id) AS story FROM documents WHERE id = ?').get(other) as { story: number } | undefined;
  return row?.story ?? documentId;
}

/**
 * Moves an article and its copies into a story. The story it leaves stays together: when it
 * labelled that story, the rest take their oldest member's id (story ids are members' ids).
 */
function joinStory(db: Database.Database, documentId: number, story: number): void {
  const row = db.prepare('SELECT story_id FROM documents WHERE id = ?').get(documentId) as { story_id: number | null } | undefined;
  if (row?.story_id === story) return;
  if (row?.story_id === documentId) relabelStoryWithout(db, documentId);
  db.prepare('UPDATE documents SET story_id = ? WHERE id = ? OR copy_of = ?').run(story, documentId, documentId);
}

/** The rest of the story this article labels (not it, not its copies) takes its oldest member's id. */
export function relabelStoryWithout(db: Database.Database, documentId: number): void {
  db.prepare(
    `UPDATE documents SET story_id = (SELECT min(id) FROM documents WHERE story_id = @id AND id <> @id AND coalesce(copy_of, 0) <> @id)
     WHERE story_id = @id AND id <> @id AND coalesce(copy_of, 0) <> @id`,
  ).run({ id: documentId });
}

/** A rewritten head keeps only the copies that still match it; the others become articles of their own, read again at their next ingest. */
function detachCopiesNoLongerMatching(db: Database.Database, headId: number, signature: Uint32Array | null): void {
  const copies = db.prepare('SELECT id, minhash FROM documents WHERE copy_of = ?').all(headId) as Array<{ id: number; minhash: Buffer | null }>;
  const detach = copiesNoLongerMatching(
    signature,
    copies.map((c) => ({ id: c.id, signature: c.minhash && c.minhash.length > 0 ? decodeSignature(c.minhash) : null })),
  );
  // Cleared hashes make the next ingest extract and store them again, with passages when they head a story of their own;
  // until then each is a story of its own.
  const update = db.prepare("UPDATE documents SET copy_of = NULL, raw_hash = '', content_hash = '', story_id = id WHERE id = ?");
  for (const id of detach) update.run(id);
}

/** The head of the story the article with this key belongs to (itself when it heads one). */
function headOf(db: Database.Database, key: string, writing: number): number | null {
  const row = db.prepare('SELECT id, copy_of FROM documents WHERE doc_key = ?').get(key) as { id: number; copy_of: number | null } | undefined;
  if (!row) throw new Error(`the story's first article (${key}) is not stored, so this copy of it cannot be`);
  const head = row.copy_of ?? row.id;
  return head === writing ? null : head;
}

/**
 * When a story's head goes, its oldest copy becomes the head: the body passages move to it
 * (with their vectors, which belong to the passages), the other copies and the band keys
 * follow. The head's reader comments are its own outlet's, not the heir's: they go with it.
 * Returns whether there was a copy to take over.
 */
export function promoteCopy(db: Database.Database, headId: number): boolean {
  const heir = db.prepare('SELECT id FROM documents WHERE copy_of = ? ORDER BY id LIMIT 1').get(headId) as { id: number } | undefined;
  if (!heir) return false;
  db.prepare("UPDATE passages SET document_id = ? WHERE document_id = ? AND section = 'body'").run(heir.id, headId);
  db.prepare('UPDATE documents SET copy_of = NULL WHERE id = ?').run(heir.id);
  db.prepare('UPDATE documents SET copy_of = ? WHERE copy_of = ?').run(heir.id, headId);
  db.prepare('UPDATE copy_bands SET document_id = ? WHERE document_id = ?').run(heir.id, headId);
  return true;
}

/** An article about to be removed: when it labels its story, the rest of the story (its copies included) takes another member's id. */
export function leaveStory(db: Database.Database, documentId: number): void {
  db.prepare(
    `UPDATE documents SET story_id = (SELECT min(id) FROM documents WHERE story_id = @id AND id <> @id)
     WHERE story_id = @id AND id <> @id`,
  ).run({ id: documentId });
}

/** Articles written before schema version 4 (minhash NULL; an examined one holds at least an empty value). */
export function articlesWithoutFingerprint(db: Database.Database, limit: number) {
  // Version-1 articles have no stored body: their body passages stand in for it (as in exports).
  const rows = db
    .prepare(
      `SELECT d.id, coalesce(d.body, (SELECT group_concat(text, char(10) || char(10)) FROM (SELECT text FROM passages p
         WHERE p.document_id = d.id AND p.section = 'body' ORDER BY p.position))) AS body, d.comments, d.summary_only
       FROM documents d WHERE d.minhash IS NULL ORDER BY d.id LIMIT ?`,
    )
    .all(limit) as Array<{
    id: number;
    body: string | null;
    comments: string | null;
    summary_only: number;
  }>;
  return rows.map((r) => ({
    id: r.id,
    body: (r.body ?? '').split('\n\n'),
    comments: parseComments(r.comments).map((c) => c.text),
    summaryOnly: r.summary_only === 1,
  }));
}

export function setFingerprint(db: Database.Database, documentId: number, fingerprint: Fingerprint | null): void {
  db.transaction(() => {
    db.prepare('UPDATE documents SET minhash = ? WHERE id = ?').run(encodeSignature(fingerprint?.signature ?? null), documentId);
    const head = db.prepare('SELECT 1 FROM documents WHERE id = ? AND copy_of IS NULL').get(documentId);
    const insert = db.prepare('INSERT OR IGNORE INTO copy_bands(band, document_id) VALUES (?, ?)');
    if (head) for (const band of fingerprint?.bands ?? []) insert.run(band, documentId);
  })();
}

export function copyCandidates(db: Database.Database, bands: string[]): CopyCandidate[] {
  if (bands.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT DISTINCT d.id, d.doc_key, d.minhash, d.comments FROM copy_bands b JOIN documents d ON d.id = b.document_id
       WHERE b.band IN (${bands.map(() => '?').join(',')}) AND d.copy_of IS NULL AND length(d.minhash) > 0`,
    )
    .all(...bands) as Array<{ id: number; doc_key: string; minhash: Buffer; comments: string | null }>;
  return rows.map((r) => ({ id: r.id, key: r.doc_key, signature: decodeSignature(r.minhash), comments: parseComments(r.comments).map((c) => c.text) }));
}

/** Each asked document's story; with scope source ids, only members a source of the scope brings count. */
export function stories(db: Database.Database, documentIds: number[], scopeSourceIds?: string[]): Map<number, StoryInfo> {
  if (documentIds.length === 0) return new Map();
  const list = documentIds.map(() => '?').join(',');
  const inScope = scopeSourceIds
    ? 'EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = m.id AND s.source_id IN (SELECT value FROM json_each(?)))'
    : '1';
  const rows = db
    .prepare(
      `SELECT m.id, m.story_id AS head, m.outlet, ${inScope} AS in_scope FROM documents m
       WHERE m.story_id IN (SELECT story_id FROM documents WHERE id IN (${list})) ORDER BY m.id`,
    )
    .all(...(scopeSourceIds ? [JSON.stringify(scopeSourceIds)] : []), ...documentIds) as Array<StoryMember & { in_scope: number }>;
  return storiesOf(
    documentIds,
    rows.map((r) => ({ id: r.id, head: r.head, outlet: r.outlet, inScope: r.in_scope === 1 })),
  );
}

/** Heads published in the window, most recent first (the published index bounds the read). */
export function eventCandidates(db: Database.Database, window: { from: string; until: string }, limit: number, exceptKey = ''): EventCandidate[] {
  const rows = db.prepare(eventCandidatesSql(() => '?')).all(EVENT_LEAD_CHARS, window.from, window.until, exceptKey, limit) as EventCandidateRow[];
  return rows.map(eventCandidateFromRow);
}

/** Dated heads just outside the window, about half before and half after it. */
export function eventBackground(db: Database.Database, window: { from: string; until: string }, limit: number): number[] {
  const half = Math.max(1, Math.ceil(limit / 2));
  const before = db
    .prepare("SELECT id FROM documents WHERE published < ? AND published <> '' AND copy_of IS NULL ORDER BY published DESC LIMIT ?")
    .pluck()
    .all(window.from, half) as number[];
  const after = db
    .prepare('SELECT id FROM documents d WHERE published >= ? AND copy_of IS NULL ORDER BY published LIMIT ?')
    .pluck()
    .all(window.until, limit - before.length) as number[];
  return [...before, ...after];
}

/** Per article, the mean of its body passages' vectors of the model. */
export function articleVectors(db: Database.Database, documentIds: number[], model: string): Map<number, Float32Array> {
  if (documentIds.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT p.document_id, v.vector FROM passages p JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ?
       WHERE p.section = 'body' AND p.document_id IN (${documentIds.map(() => '?').join(',')})`,
    )
    .all(model, ...documentIds) as Array<{ document_id: number; vector: Buffer }>;
  return meanVectors(rows.map((r) => ({ documentId: r.document_id, vector: decodeVector(r.vector) })));
}
