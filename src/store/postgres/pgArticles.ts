import type { DocumentRecord, Section, StoredPassage } from '../../core/types.js';
import { DOCUMENT_ROW_COLUMNS, parseComments, toDocument, type DocumentRow as StoredDocumentRow } from '../documentRow.js';
import type { ArticleWrite, FoundDocument, PassageVectors, StoredArticle, VectorSpace, WriteResult } from '../../core/ports/knowledgeStore.js';
import { removeKeys as removeKeysRule, type KeyRemovalPrimitives } from '../rules/aliasHeir.js';
import { documentValues, writeArticle as writeArticleRule, type ArticleWritePrimitives } from '../rules/articleWrite.js';
import { runAwaiting } from '../rules/storageRule.js';
import { decodeVector } from '../vectorCodec.js';
import { notifyChanges, recordChanges } from './pgChanges.js';
import type { Row, SqlRunner } from './pgDatabase.js';
import { addPostings, removePostings, termsVector } from './pgPostings.js';
import { insertDocumentSource } from './pgMemberships.js';
import { leaveStory, linkToStory, promoteCopy } from './pgStories.js';
import { writeVectors } from './pgVectors.js';

/**
 * PostgreSQL's articles: writing and removing them (the rules in rules/articleWrite.ts and
 * rules/aliasHeir.ts, awaited step by step in one transaction each), finding them by key or
 * hash, reading them back for search hits and export.
 */

/** Rows come back as plain records; PostgreSQL adds the stored text columns. */
export type DocumentRow = StoredDocumentRow & Row & { body: string | null; comments: string | null };

/** Replaces (or creates) one article with all its passages, in the caller's transaction. */
export async function writeArticle(tx: SqlRunner, article: ArticleWrite, now: string, pgvector: boolean): Promise<WriteResult> {
  const result = await runAwaiting(writeArticleRule(article, now, articleWritePrimitives(tx, pgvector)));
  await notifyChanges(tx);
  return result;
}

/** Removes articles (or aliases) by key, in the caller's transaction; returns the ids of passages that disappeared. */
export async function removeKeys(tx: SqlRunner, keys: string[]): Promise<number[]> {
  const removed = await runAwaiting(removeKeysRule(keys, keyRemovalPrimitives(tx)));
  await notifyChanges(tx);
  return removed;
}

async function deleteAlias(tx: SqlRunner, key: string): Promise<boolean> {
  return (await tx.query('DELETE FROM document_aliases WHERE alias_key = $1 RETURNING alias_key', [key])).length > 0;
}

async function documentIdByKey(tx: SqlRunner, key: string): Promise<number | undefined> {
  const [row] = await tx.query<{ id: string }>('SELECT id FROM documents WHERE doc_key = $1 FOR UPDATE', [key]);
  return row ? Number(row.id) : undefined;
}

/** Deletes a document's passages (their vectors go by cascade), with their postings; records the removals. */
async function deletePassagesOf(tx: SqlRunner, documentId: number): Promise<number[]> {
  const gone = await tx.query<{ id: string; terms: string }>('DELETE FROM passages WHERE document_id = $1 RETURNING id, terms', [documentId]);
  if (gone.length === 0) return [];
  const ids = gone.map((r) => Number(r.id));
  await removePostings(
    tx,
    ids,
    gone.map((r) => r.terms),
  );
  await recordChanges(tx, 'r', ids);
  return ids;
}

function articleWritePrimitives(tx: SqlRunner, pgvector: boolean): ArticleWritePrimitives {
  return {
    documentIdByKey: (key) => documentIdByKey(tx, key),
    deletePassagesOf: (documentId) => deletePassagesOf(tx, documentId),
    async updateDocument(documentId, article, now) {
      await tx.query(
        `UPDATE documents SET source_id=$1, raw_hash=$2, content_hash=$3, extractor_version=$4, title=$5, outlet=$6, published=$7,
         language=$8, url=$9, source=$10, location=$11, author=$12, updated_at=$13, body=$14, comments=$15, summary_only=$16 WHERE id=$17`,
        [...documentValues(article, now), documentId],
      );
    },
    deleteAlias: (key) => deleteAlias(tx, key),
    async insertDocument(article, now) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO documents(source_id, raw_hash, content_hash, extractor_version, title, outlet, published, language, url, source,
         location, author, updated_at, body, comments, summary_only, ingested_at, doc_key)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$13,$17) RETURNING id`,
        [...documentValues(article, now), article.key],
      );
      return Number(row!.id);
    },
    linkToStory: async (documentId, article) => void (await linkToStory(tx, documentId, article)),
    addDocumentSource: (documentId, sourceId) => insertDocumentSource(tx, documentId, sourceId),
    insertPassages: (documentId, article) => insertPassages(tx, documentId, article, pgvector),
  };
}

/** Inserts an article's passages with their vectors, postings and change records. */
async function insertPassages(tx: SqlRunner, documentId: number, article: ArticleWrite, pgvector: boolean): Promise<WriteResult['added']> {
  if (article.passages.length === 0) return [];
  const vectors = article.passages.map((p) => termsVector(p.terms));
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO passages(document_id, position, section, text, terms, term_count, tsv)
     SELECT $1, t.position, t.section, t.text, t.terms, t.term_count, t.tsv
     FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::tsvector[]) WITH ORDINALITY AS t(position, section, text, terms, term_count, tsv, n)
     ORDER BY t.n RETURNING id`,
    [
      documentId,
      article.passages.map((p) => p.position),
      article.passages.map((p) => p.section),
      article.passages.map((p) => p.text),
      article.passages.map((p) => p.terms),
      vectors.map((v) => v.count),
      vectors.map((v) => v.literal),
    ],
  );
  const ids = rows.map((r) => Number(r.id));
  const withVectors = article.vectors && article.model ? ids.map((id, i) => ({ id, vector: article.vectors![i] ?? null })) : [];
  const stored = withVectors.filter((v): v is { id: number; vector: Float32Array } => v.vector !== null);
  if (stored.length > 0) await writeVectors(tx, article.model!, stored, pgvector);
  await recordChanges(tx, 'a', ids);
  await addPostings(tx, ids, vectors);
  return ids.map((id, i) => ({ id, vector: article.vectors?.[i] ?? null }));
}

function keyRemovalPrimitives(tx: SqlRunner): KeyRemovalPrimitives {
  return {
    deleteAlias: (key) => deleteAlias(tx, key),
    documentIdByKey: (key) => documentIdByKey(tx, key),
    async takeAnyAlias(documentId) {
      const [heir] = await tx.query<{ alias_key: string; source_id: string; raw_hash: string }>(
        'DELETE FROM document_aliases WHERE alias_key = (SELECT alias_key FROM document_aliases WHERE document_id = $1 LIMIT 1) RETURNING alias_key, source_id, raw_hash',
        [documentId],
      );
      return heir && { aliasKey: heir.alias_key, sourceId: heir.source_id, rawHash: heir.raw_hash };
    },
    async moveDocumentTo(documentId, heir) {
      await tx.query('UPDATE documents SET doc_key = $1, source_id = $2, raw_hash = $3 WHERE id = $4', [
        heir.aliasKey,
        heir.sourceId,
        heir.rawHash,
        documentId,
      ]);
    },
    deleteDocument: (documentId) => deleteDocument(tx, documentId),
  };
}

/** Deletes a document and its passages (a story's head first hands its story to a copy); returns the passage ids that went. */
export async function deleteDocument(tx: SqlRunner, documentId: number): Promise<number[]> {
  await promoteCopy(tx, documentId);
  await leaveStory(tx, documentId);
  const ids = await deletePassagesOf(tx, documentId);
  await tx.query('DELETE FROM documents WHERE id = $1', [documentId]);
  return ids;
}

/** Records that another key (e.g. a second URL) leads to an already stored article. */
export async function addAlias(db: SqlRunner, aliasKey: string, documentId: number, sourceId: string, rawHash: string): Promise<void> {
  await insertDocumentSource(db, documentId, sourceId);
  await db.query(
    `INSERT INTO document_aliases(alias_key, document_id, source_id, raw_hash) VALUES ($1,$2,$3,$4)
     ON CONFLICT (alias_key) DO UPDATE SET document_id = excluded.document_id, source_id = excluded.source_id, raw_hash = excluded.raw_hash`,
    [aliasKey, documentId, sourceId, rawHash],
  );
}

/** Same content re-fetched with new bytes (a page's ads changed): only the raw hash moves. */
export async function updateRawHash(db: SqlRunner, documentId: number, rawHash: string): Promise<void> {
  await db.query('UPDATE documents SET raw_hash = $1 WHERE id = $2', [rawHash, documentId]);
}

export async function documentByKey(db: SqlRunner, key: string): Promise<FoundDocument | undefined> {
  const [row] = await db.query<DocumentRow>('SELECT * FROM documents WHERE doc_key = $1', [key]);
  if (row) return { ...toDocument(row), viaAlias: false };
  const [alias] = await db.query<DocumentRow & { alias_raw_hash: string }>(
    'SELECT d.*, a.raw_hash AS alias_raw_hash FROM document_aliases a JOIN documents d ON d.id = a.document_id WHERE a.alias_key = $1',
    [key],
  );
  return alias ? { ...toDocument(alias), viaAlias: true, aliasRawHash: alias.alias_raw_hash } : undefined;
}

export async function documentByContentHash(db: SqlRunner, contentHash: string): Promise<DocumentRecord | undefined> {
  const [row] = await db.query<DocumentRow>('SELECT * FROM documents WHERE content_hash = $1 ORDER BY id LIMIT 1', [contentHash]);
  return row ? toDocument(row) : undefined;
}

/** Of these keys, those of articles that a source other than `sourceId` also brings (document_sources). */
export async function keysBroughtByOthers(db: SqlRunner, sourceId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.query<{ key: string }>(
    `SELECT d.doc_key AS key FROM documents d WHERE d.doc_key = ANY($1::text[])
     AND EXISTS (SELECT 1 FROM document_sources o WHERE o.document_id = d.id AND o.source_id <> $2)`,
    [keys, sourceId],
  );
  return new Set(rows.map((r) => r.key));
}

/** Keys (documents and aliases) last seen through a configured source. */
export async function keysForSource(db: SqlRunner, sourceId: string): Promise<string[]> {
  const rows = await db.query<{ key: string }>(
    'SELECT doc_key AS key FROM documents WHERE source_id = $1 UNION ALL SELECT alias_key FROM document_aliases WHERE source_id = $1',
    [sourceId],
  );
  return rows.map((r) => r.key);
}

/** Whether a source has articles stored from feed summaries only (to be fetched again). */
export async function hasSummaryOnly(db: SqlRunner, sourceId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM documents WHERE source_id = $1 AND summary_only LIMIT 1', [sourceId])).length > 0;
}

export async function passagesByIds(db: SqlRunner, ids: number[]): Promise<StoredPassage[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<DocumentRow & { p_id: string; document_id: string; position: number; section: Section; text: string; terms: string }>(
    `SELECT p.id AS p_id, p.document_id, p.position, p.section, p.text, p.terms, ${DOCUMENT_ROW_COLUMNS} FROM passages p JOIN documents d ON d.id = p.document_id
     WHERE p.id = ANY($1::bigint[])`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [Number(row.p_id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      { id, documentId: Number(row.document_id), position: row.position, section: row.section, text: row.text, terms: row.terms, document: toDocument(row) },
    ];
  });
}

/** Article records by id (the in-scope copies passages are shown as). */
export async function documentsById(db: SqlRunner, ids: number[]): Promise<Map<number, DocumentRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<DocumentRow>(`SELECT ${DOCUMENT_ROW_COLUMNS} FROM documents d WHERE d.id = ANY($1::bigint[])`, [ids]);
  return new Map(rows.map((row) => [Number(row.id), toDocument(row)]));
}

/** Every stored article, oldest first, read in pages of 200; with a vector space, each passage with its vector in it. */
export async function* exportArticles(db: SqlRunner, space: VectorSpace | null): AsyncIterable<StoredArticle> {
  let after = 0;
  for (;;) {
    const rows = await db.query<DocumentRow & { passages: string }>(
      'SELECT d.*, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages FROM documents d WHERE d.id > $1 ORDER BY d.id LIMIT 200',
      [after],
    );
    const vectors = space
      ? await passageVectorsOf(
          db,
          rows.map((r) => Number(r.id)),
          space,
        )
      : null;
    for (const row of rows) {
      const article: StoredArticle = { ...toDocument(row), body: row.body ?? '', comments: parseComments(row.comments), passages: Number(row.passages) };
      if (space) article.passageVectors = { ...space, passages: vectors!.get(Number(row.id)) ?? [] };
      yield article;
    }
    if (rows.length < 200) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

/** The passages of some documents with their vectors in `space`, by document, in reading order. */
async function passageVectorsOf(db: SqlRunner, documentIds: number[], space: VectorSpace): Promise<Map<number, PassageVectors['passages']>> {
  const rows = await db.query<{ document_id: string; section: Section; text: string; vector: Buffer | null }>(
    `SELECT p.document_id, p.section, p.text, v.vector FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = $2
     WHERE p.document_id = ANY($1::bigint[]) ORDER BY p.document_id, p.position`,
    [documentIds, space.model],
  );
  const byDocument = new Map<number, PassageVectors['passages']>();
  for (const row of rows) {
    const list = byDocument.get(Number(row.document_id)) ?? [];
    list.push({ section: row.section, text: row.text, vector: row.vector ? decodeVector(row.vector) : null });
    byDocument.set(Number(row.document_id), list);
  }
  return byDocument;
}
