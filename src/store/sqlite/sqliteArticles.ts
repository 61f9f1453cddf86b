import type { DocumentRecord, Section, StoredPassage } from '../../core/types.js';
import { DOCUMENT_ROW_COLUMNS, parseComments, toDocument, type DocumentRow } from '../documentRow.js';
import type { ArticleWrite, FoundDocument, StoredArticle, VectorSpace, WriteResult } from '../../core/ports/knowledgeStore.js';
import { removeKeys as removeKeysRule, type KeyRemovalPrimitives } from '../rules/aliasHeir.js';
import { documentValues, writeArticle as writeArticleRule, type ArticleWritePrimitives } from '../rules/articleWrite.js';
import { runNow } from '../rules/storageRule.js';
import { decodeVector, encodeVector } from '../vectorCodec.js';
import type { SqliteDatabase } from './sqliteDatabase.js';
import { insertDocumentSource } from './sqliteMemberships.js';
import { leaveStory, linkToStory, promoteCopy } from './sqliteStories.js';

/**
 * SQLite's articles: writing and removing them (the rules in rules/articleWrite.ts and
 * rules/aliasHeir.ts, run synchronously in one transaction each), finding them by key or
 * hash, reading them back for search hits and export.
 */

/** Replaces (or creates) one article with all its passages, atomically. */
export function writeArticle(sqlite: SqliteDatabase, article: ArticleWrite, now: string): WriteResult {
  return sqlite.transaction(() => {
    const result = runNow(writeArticleRule(article, now, articleWritePrimitives(sqlite)));
    sqlite.bumpGeneration();
    return result;
  });
}

/** Removes articles (or aliases) by key; returns the ids of passages that disappeared. */
export function removeKeys(sqlite: SqliteDatabase, keys: string[]): number[] {
  return sqlite.transaction(() => {
    const removed = runNow(removeKeysRule(keys, keyRemovalPrimitives(sqlite)));
    if (removed.length > 0) sqlite.bumpGeneration();
    return removed;
  });
}

function deleteAlias(sqlite: SqliteDatabase, key: string): boolean {
  return sqlite.db.prepare('DELETE FROM document_aliases WHERE alias_key = ?').run(key).changes > 0;
}

function documentIdByKey(sqlite: SqliteDatabase, key: string): number | undefined {
  return (sqlite.db.prepare('SELECT id FROM documents WHERE doc_key = ?').get(key) as { id: number } | undefined)?.id;
}

function passageIdsOf(sqlite: SqliteDatabase, documentId: number): number[] {
  return (sqlite.db.prepare('SELECT id FROM passages WHERE document_id = ?').all(documentId) as { id: number }[]).map((r) => r.id);
}

function articleWritePrimitives(sqlite: SqliteDatabase): ArticleWritePrimitives {
  const { db } = sqlite;
  return {
    documentIdByKey: (key) => documentIdByKey(sqlite, key),
    deletePassagesOf(documentId) {
      const ids = passageIdsOf(sqlite, documentId);
      db.prepare('DELETE FROM passages WHERE document_id = ?').run(documentId);
      return ids;
    },
    updateDocument(documentId, article, now) {
      db.prepare(
        `UPDATE documents SET source_id=?, raw_hash=?, content_hash=?, extractor_version=?, title=?, outlet=?, published=?,
         language=?, url=?, source=?, location=?, author=?, updated_at=?, body=?, comments=?, summary_only=? WHERE id=?`,
      ).run(...sqliteValues(article, now), documentId);
    },
    deleteAlias: (key) => deleteAlias(sqlite, key),
    insertDocument(article, now) {
      const info = db
        .prepare(
          `INSERT INTO documents(source_id, raw_hash, content_hash, extractor_version, title, outlet, published, language, url, source,
           location, author, updated_at, body, comments, summary_only, ingested_at, doc_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
        )
        .run(...sqliteValues(article, now), now, article.key);
      return Number(info.lastInsertRowid);
    },
    linkToStory: (documentId, article) => void linkToStory(db, documentId, article),
    addDocumentSource: (documentId, sourceId) => insertDocumentSource(sqlite, documentId, sourceId),
    insertPassages(documentId, article) {
      const insertPassage = db.prepare('INSERT INTO passages(document_id, position, section, text, terms) VALUES (?,?,?,?,?)');
      const insertVector = db.prepare('INSERT INTO passage_vectors(passage_id, model, vector) VALUES (?,?,?)');
      return article.passages.map((passage, i) => {
        const id = Number(insertPassage.run(documentId, passage.position, passage.section, passage.text, passage.terms).lastInsertRowid);
        const vector = article.vectors?.[i] ?? null;
        if (vector && article.model) insertVector.run(id, article.model, encodeVector(vector));
        return { id, vector };
      });
    },
  };
}

/** The document columns as SQLite binds them (a boolean as 0 or 1). */
function sqliteValues(article: ArticleWrite, now: string) {
  const values = documentValues(article, now);
  return [...values.slice(0, -1), values[values.length - 1] ? 1 : 0];
}

function keyRemovalPrimitives(sqlite: SqliteDatabase): KeyRemovalPrimitives {
  const { db } = sqlite;
  return {
    deleteAlias: (key) => deleteAlias(sqlite, key),
    documentIdByKey: (key) => documentIdByKey(sqlite, key),
    takeAnyAlias(documentId) {
      const heir = db.prepare('SELECT alias_key, source_id, raw_hash FROM document_aliases WHERE document_id = ? LIMIT 1').get(documentId) as
        | { alias_key: string; source_id: string; raw_hash: string }
        | undefined;
      if (!heir) return undefined;
      deleteAlias(sqlite, heir.alias_key);
      return { aliasKey: heir.alias_key, sourceId: heir.source_id, rawHash: heir.raw_hash };
    },
    moveDocumentTo(documentId, heir) {
      db.prepare('UPDATE documents SET doc_key=?, source_id=?, raw_hash=? WHERE id=?').run(heir.aliasKey, heir.sourceId, heir.rawHash, documentId);
    },
    deleteDocument(documentId) {
      promoteCopy(db, documentId);
      leaveStory(db, documentId);
      const ids = passageIdsOf(sqlite, documentId);
      db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
      return ids;
    },
  };
}

/** Records that another key (e.g. a second URL) leads to an already stored article. */
export function addAlias(sqlite: SqliteDatabase, aliasKey: string, documentId: number, sourceId: string, rawHash: string): void {
  sqlite.transaction(() => {
    insertDocumentSource(sqlite, documentId, sourceId);
    sqlite.db
      .prepare(
        `INSERT INTO document_aliases(alias_key, document_id, source_id, raw_hash) VALUES (?,?,?,?)
       ON CONFLICT(alias_key) DO UPDATE SET document_id=excluded.document_id, source_id=excluded.source_id, raw_hash=excluded.raw_hash`,
      )
      .run(aliasKey, documentId, sourceId, rawHash);
  });
}

/** Same content re-fetched with new bytes (a page's ads changed): only the raw hash moves. */
export function updateRawHash(sqlite: SqliteDatabase, documentId: number, rawHash: string): void {
  sqlite.db.prepare('UPDATE documents SET raw_hash = ? WHERE id = ?').run(rawHash, documentId);
}

export function documentByKey(sqlite: SqliteDatabase, key: string): FoundDocument | undefined {
  const row = sqlite.db.prepare('SELECT * FROM documents WHERE doc_key = ?').get(key) as DocumentRow | undefined;
  if (row) return { ...toDocument(row), viaAlias: false };
  const alias = sqlite.db
    .prepare('SELECT d.*, a.raw_hash AS alias_raw_hash FROM document_aliases a JOIN documents d ON d.id = a.document_id WHERE a.alias_key = ?')
    .get(key) as (DocumentRow & { alias_raw_hash: string }) | undefined;
  return alias ? { ...toDocument(alias), viaAlias: true, aliasRawHash: alias.alias_raw_hash } : undefined;
}

export function documentByContentHash(sqlite: SqliteDatabase, contentHash: string): DocumentRecord | undefined {
  const row = sqlite.db.prepare('SELECT * FROM documents WHERE content_hash = ? LIMIT 1').get(contentHash) as DocumentRow | undefined;
  return row ? toDocument(row) : undefined;
}

/** Keys (documents and aliases) last seen through a configured source. */
export function keysForSource(sqlite: SqliteDatabase, sourceId: string): string[] {
  const docs = sqlite.db.prepare('SELECT doc_key AS key FROM documents WHERE source_id = ?').all(sourceId) as { key: string }[];
  const aliases = sqlite.db.prepare('SELECT alias_key AS key FROM document_aliases WHERE source_id = ?').all(sourceId) as { key: string }[];
  return [...docs, ...aliases].map((r) => r.key);
}

/** Of these keys, those of articles that a source other than `sourceId` also brings (document_sources). */
export function keysBroughtByOthers(sqlite: SqliteDatabase, sourceId: string, keys: readonly string[]): Set<string> {
  const shared = new Set<string>();
  const query = (count: number) =>
    `SELECT d.doc_key FROM documents d WHERE d.doc_key IN (${Array(count).fill('?').join(',')})
     AND EXISTS (SELECT 1 FROM document_sources o WHERE o.document_id = d.id AND o.source_id <> ?)`;
  // SQLite limits bound parameters per statement: ask in chunks.
  for (let start = 0; start < keys.length; start += 500) {
    const chunk = keys.slice(start, start + 500);
    for (const key of sqlite.db
      .prepare(query(chunk.length))
      .pluck()
      .all(...chunk, sourceId) as string[])
      shared.add(key);
  }
  return shared;
}

/** Whether a source has articles stored from feed summaries only (to be fetched again). */
export function hasSummaryOnly(sqlite: SqliteDatabase, sourceId: string): boolean {
  return Boolean(sqlite.db.prepare('SELECT 1 FROM documents WHERE source_id = ? AND summary_only = 1 LIMIT 1').get(sourceId));
}

export function passagesByIds(sqlite: SqliteDatabase, ids: number[]): StoredPassage[] {
  if (ids.length === 0) return [];
  // Rows as arrays (raw mode): a search hydrates on every question, and naming each
  // column of each row costs a quarter of the lookup.
  const sql = `SELECT id, document_id, position, section, text, terms FROM passages WHERE id IN (${ids.map(() => '?').join(',')})`;
  const rows = sqlite.statement(sql, { raw: true }).all(...ids) as Array<
    [id: number, documentId: number, position: number, section: Section, text: string, terms: string]
  >;
  const documents = documentsById(
    sqlite,
    rows.map((row) => row[1]),
  );
  const byId = new Map(rows.map((row) => [row[0], row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    const document = row && documents.get(row[1]);
    if (!row || !document) return [];
    return [{ id: row[0], documentId: row[1], position: row[2], section: row[3], text: row[4], terms: row[5], document }];
  });
}

/** Article records for passage hits, from the database's change-stamped document cache. */
export function documentsById(sqlite: SqliteDatabase, documentIds: number[]): Map<number, DocumentRecord & { extractorVersion: number }> {
  const cache = sqlite.cachedDocuments();
  const missing = [...new Set(documentIds)].filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const rows = sqlite
      .statement(`SELECT ${DOCUMENT_ROW_COLUMNS} FROM documents d WHERE d.id IN (${missing.map(() => '?').join(',')})`)
      .all(...missing) as DocumentRow[];
    for (const row of rows) cache.set(Number(row.id), toDocument(row));
  }
  return cache;
}

/**
 * Every stored article with its text, oldest first, read lazily (a large store is not held
 * in memory); with a vector space, each passage with its vector in it. Articles written
 * before schema version 2 have no stored body: it is rebuilt from their body passages.
 */
export function* exportArticles(sqlite: SqliteDatabase, space: VectorSpace | null = null): Generator<StoredArticle> {
  const { db } = sqlite;
  const passages = db.prepare("SELECT text FROM passages WHERE document_id = ? AND section = 'body' ORDER BY position");
  const counts = db.prepare('SELECT count(*) AS n FROM passages WHERE document_id = ?');
  const withVectors = db.prepare(
    'SELECT p.section, p.text, v.vector FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ? WHERE p.document_id = ? ORDER BY p.position',
  );
  for (const row of db.prepare('SELECT * FROM documents ORDER BY id').iterate() as Iterable<DocumentRow & { body: string | null; comments: string | null }>) {
    const body = row.body ?? (passages.all(row.id) as { text: string }[]).map((p) => p.text).join('\n\n');
    const article: StoredArticle = { ...toDocument(row), body, comments: parseComments(row.comments), passages: (counts.get(row.id) as { n: number }).n };
    if (space) {
      const rows = withVectors.all(space.model, row.id) as Array<{ section: Section; text: string; vector: Buffer | null }>;
      article.passageVectors = {
        ...space,
        passages: rows.map((r) => ({ section: r.section, text: r.text, vector: r.vector ? decodeVector(r.vector) : null })),
      };
    }
    yield article;
  }
}
