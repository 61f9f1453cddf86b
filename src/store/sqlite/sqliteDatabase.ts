import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { DocumentRecord, Section, StoredPassage } from '../../core/types.js';
import type { ArticleWrite, DateFilter, FoundDocument, IngestRun, SourceStatus, StoreStats, StoredArticle, VectorSpace, WriteResult } from '../knowledgeStore.js';
import { SOURCE_STATUS_UPSERT_SET, sourceStatusFromRow, sourceStatusValues, type SourceStatusRow } from '../sourceStatusRow.js';
import { StoreCorruptError } from '../errors.js';
import { ftsExpression, ftsPatterns } from '../ftsQuery.js';
import { LexiconKeeper } from './lexiconKeeper.js';
import { ChangeStampedCache } from '../rules/changeStampedCache.js';
import { buildLexiconInWorker } from './lexiconBuild.js';
import { MIGRATIONS, SCHEMA_SQL, SCHEMA_VERSION } from './sqliteSchema.js';
import { PROBE_ORDER_SQL, type ProbePassage } from '../calibrationMeta.js';
import { decodeVector, encodeVector } from '../vectorCodec.js';
import { DOCUMENT_ROW_COLUMNS, parseComments, toDocument, type DocumentRow } from '../documentRow.js';
import { linkToStory, promoteCopy } from './sqliteStories.js';

export type { ArticleWrite, DateFilter, StoreStats, StoredArticle, WriteResult } from '../knowledgeStore.js';

/** Size and modification time of the database file after the last clean close, beside it. */
const cleanCloseStamp = (path: string) => `${path}.clean-close`;

function fileStamp(path: string): string | null {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : null;
}

/** No write-ahead log waiting to be checkpointed into the database file. */
function logIsEmpty(path: string): boolean {
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  return !wal || wal.size === 0;
}

/**
 * Whether the file is byte-for-byte where a clean close left it, as far as size and mtime
 * tell: no write-ahead log pending, no write since (any write moves the mtime), no truncation.
 */
function closedCleanlyAndUnchanged(path: string): boolean {
  try {
    return logIsEmpty(path) && readFileSync(cleanCloseStamp(path), 'utf8') === fileStamp(path);
  } catch {
    return false;
  }
}

function recordCleanClose(path: string): void {
  try {
    // Another connection still open (bot and ingest at once) keeps a log: no stamp then.
    const stamp = fileStamp(path);
    if (logIsEmpty(path) && stamp) writeFileSync(cleanCloseStamp(path), stamp);
    else rmSync(cleanCloseStamp(path), { force: true });
  } catch {
    // Without a stamp the next open just runs the full check.
  }
}

/**
 * The SQLite source of truth (better-sqlite3, WAL). Every write that changes passages or
 * vectors bumps the "generation" counter in the same transaction, so readers in other
 * processes can tell when their derived ANN graph is stale.
 */
export class SqliteDatabase {
  readonly db: Database.Database;

  constructor(readonly path: string, options: { readonly?: boolean } = {}) {
    try {
      this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
      this.db.pragma('busy_timeout = 10000');
      if (!options.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
      this.db.pragma('foreign_keys = ON');
      if (!options.readonly) this.db.exec(SCHEMA_SQL);
      // quick_check reads every page (about a second at 100,000 passages): skipped when the
      // file is exactly as this program left it at its last clean close.
      if (!closedCleanlyAndUnchanged(path)) {
        const check = this.db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new Error(`integrity check said: ${String(check)}`);
      }
      if (!options.readonly) this.migrate();
    } catch (error) {
      throw new StoreCorruptError(path, error);
    }
  }

  /**
   * Brings an older store up to SCHEMA_VERSION. A store without a version is a version-1
   * store (the first release did not record it). A store newer than this code is refused
   * rather than half understood.
   */
  private migrate(): void {
    const stored = Number(this.getMeta('schema_version') ?? '1');
    if (stored > SCHEMA_VERSION) {
      throw new Error(`this store has schema version ${stored}, newer than this program understands (${SCHEMA_VERSION}); update the bot`);
    }
    this.transaction(() => {
      for (let version = stored + 1; version <= SCHEMA_VERSION; version++) this.db.exec(MIGRATIONS[version] ?? '');
      this.setMeta('schema_version', String(SCHEMA_VERSION));
    });
  }

  close(): void {
    this.lexiconKeeper?.close();
    if (!this.db.open) return;
    this.db.close();
    if (!this.db.readonly) recordCleanClose(this.path);
  }

  /**
   * A meta value, cached until the database changes: a question reads the generation and the
   * vector space several times, and each read of the table costs more (a read transaction
   * on the WAL) than the two counters that tell whether anything changed.
   */
  getMeta(key: string): string | undefined {
    const values = this.metaCache.at(this.changeStamp());
    if (!values.has(key)) values.set(key, (this.statement('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value);
    return values.get(key);
  }

  private readonly metaCache = new ChangeStampedCache<string, string | undefined>(1000);

  /**
   * Differs whenever something was written since it was last read: by this connection
   * (total_changes counts its row changes, committed or not) or committed by any other
   * one (data_version, e.g. an ingest in another process).
   */
  private changeStamp(): string {
    return `${this.statement('SELECT total_changes()', { pluck: true }).get()}:${this.statement('PRAGMA data_version', { pluck: true }).get()}`;
  }

  setMeta(key: string, value: string): void {
    this.statement('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Monotonic counter of content changes; the ANN sidecar records the one it reflects. */
  generation(): number {
    return Number(this.getMeta('generation') ?? '0');
  }

  private bumpGeneration(): void {
    this.setMeta('generation', String(this.generation() + 1));
  }

  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (error) {
      // Rolled back: total_changes does not go back, so what the caches took in inside is dropped here.
      this.metaCache.forget();
      this.documentCache.forget();
      throw error;
    }
  }

  documentByKey(key: string): FoundDocument | undefined {
    const row = this.db.prepare('SELECT * FROM documents WHERE doc_key = ?').get(key) as DocumentRow | undefined;
    if (row) return { ...toDocument(row), viaAlias: false };
    const alias = this.db
      .prepare('SELECT d.*, a.raw_hash AS alias_raw_hash FROM document_aliases a JOIN documents d ON d.id = a.document_id WHERE a.alias_key = ?')
      .get(key) as (DocumentRow & { alias_raw_hash: string }) | undefined;
    return alias ? { ...toDocument(alias), viaAlias: true, aliasRawHash: alias.alias_raw_hash } : undefined;
  }

  documentByContentHash(contentHash: string): DocumentRecord | undefined {
    const row = this.db.prepare('SELECT * FROM documents WHERE content_hash = ? LIMIT 1').get(contentHash) as DocumentRow | undefined;
    return row ? toDocument(row) : undefined;
  }

  /** Keys (documents and aliases) last seen through a configured source. */
  keysForSource(sourceId: string): string[] {
    const docs = this.db.prepare('SELECT doc_key AS key FROM documents WHERE source_id = ?').all(sourceId) as { key: string }[];
    const aliases = this.db.prepare('SELECT alias_key AS key FROM document_aliases WHERE source_id = ?').all(sourceId) as { key: string }[];
    return [...docs, ...aliases].map((r) => r.key);
  }

  allSourceIds(): string[] {
    return (this.db.prepare('SELECT DISTINCT source_id FROM documents').all() as { source_id: string }[]).map((r) => r.source_id);
  }

  /** Replaces (or creates) one article with all its passages, atomically. */
  writeArticle(article: ArticleWrite, now: string): WriteResult {
    return this.transaction(() => {
      const existing = this.db.prepare('SELECT id, ingested_at FROM documents WHERE doc_key = ?').get(article.key) as
        | { id: number; ingested_at: string }
        | undefined;
      let removedPassageIds: number[] = [];
      const m = article.metadata;
      const stored = { body: article.body.join('\n\n'), comments: JSON.stringify(article.comments), summaryOnly: article.summaryOnly ? 1 : 0 };
      let documentId: number;
      if (existing) {
        removedPassageIds = (this.db.prepare('SELECT id FROM passages WHERE document_id = ?').all(existing.id) as { id: number }[]).map((r) => r.id);
        this.db.prepare('DELETE FROM passages WHERE document_id = ?').run(existing.id);
        this.db
          .prepare(
            `UPDATE documents SET source_id=?, raw_hash=?, content_hash=?, extractor_version=?, title=?, outlet=?, published=?,
             language=?, url=?, source=?, location=?, author=?, updated_at=?, body=?, comments=?, summary_only=? WHERE id=?`,
          )
          .run(article.sourceId, article.rawHash, article.contentHash, article.extractorVersion, m.title, m.outlet, m.published,
            m.language, m.url, m.source, m.location, m.author, now, stored.body, stored.comments, stored.summaryOnly, existing.id);
        documentId = existing.id;
      } else {
        // A key that used to be an alias becomes a document of its own.
        this.db.prepare('DELETE FROM document_aliases WHERE alias_key = ?').run(article.key);
        const info = this.db
          .prepare(
            `INSERT INTO documents(doc_key, source_id, raw_hash, content_hash, extractor_version, title, outlet, published, language,
             url, source, location, author, ingested_at, updated_at, body, comments, summary_only) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
          )
          .run(article.key, article.sourceId, article.rawHash, article.contentHash, article.extractorVersion, m.title, m.outlet,
            m.published, m.language, m.url, m.source, m.location, m.author, now, now, stored.body, stored.comments, stored.summaryOnly);
        documentId = Number(info.lastInsertRowid);
      }
      linkToStory(this.db, documentId, article);
      const insertPassage = this.db.prepare('INSERT INTO passages(document_id, position, section, text, terms) VALUES (?,?,?,?,?)');
      const insertVector = this.db.prepare('INSERT INTO passage_vectors(passage_id, model, vector) VALUES (?,?,?)');
      const added: WriteResult['added'] = [];
      article.passages.forEach((passage, i) => {
        const info = insertPassage.run(documentId, passage.position, passage.section, passage.text, passage.terms);
        const id = Number(info.lastInsertRowid);
        const vector = article.vectors?.[i] ?? null;
        if (vector && article.model) insertVector.run(id, article.model, encodeVector(vector));
        added.push({ id, vector });
      });
      this.bumpGeneration();
      return { added, removedPassageIds };
    });
  }

  /** Records that another key (e.g. a second URL) leads to an already stored article. */
  addAlias(aliasKey: string, documentId: number, sourceId: string, rawHash: string): void {
    this.db
      .prepare(
        `INSERT INTO document_aliases(alias_key, document_id, source_id, raw_hash) VALUES (?,?,?,?)
         ON CONFLICT(alias_key) DO UPDATE SET document_id=excluded.document_id, source_id=excluded.source_id, raw_hash=excluded.raw_hash`,
      )
      .run(aliasKey, documentId, sourceId, rawHash);
  }

  /** Removes articles (or aliases) by key; returns the ids of passages that disappeared. */
  removeKeys(keys: string[]): number[] {
    return this.transaction(() => {
      const removed: number[] = [];
      for (const key of keys) {
        const alias = this.db.prepare('DELETE FROM document_aliases WHERE alias_key = ?').run(key);
        if (alias.changes > 0) continue;
        const doc = this.db.prepare('SELECT id FROM documents WHERE doc_key = ?').get(key) as { id: number } | undefined;
        if (!doc) continue;
        // An article still reachable through an alias moves to that alias instead of vanishing.
        const heir = this.db.prepare('SELECT alias_key, source_id, raw_hash FROM document_aliases WHERE document_id = ? LIMIT 1').get(doc.id) as
          | { alias_key: string; source_id: string; raw_hash: string }
          | undefined;
        if (heir) {
          this.db.prepare('DELETE FROM document_aliases WHERE alias_key = ?').run(heir.alias_key);
          this.db.prepare('UPDATE documents SET doc_key=?, source_id=?, raw_hash=? WHERE id=?').run(heir.alias_key, heir.source_id, heir.raw_hash, doc.id);
          continue;
        }
        // A story told by other articles too lives on in one of them (its text; this outlet's comments go with it).
        promoteCopy(this.db, doc.id);
        const ids = this.db.prepare('SELECT id FROM passages WHERE document_id = ?').all(doc.id) as { id: number }[];
        removed.push(...ids.map((r) => r.id));
        this.db.prepare('DELETE FROM documents WHERE id = ?').run(doc.id);
      }
      if (removed.length > 0) this.bumpGeneration();
      return removed;
    });
  }

  /** Passages with no vector from `model` (written while the model was unavailable, or by another model). */
  passagesMissingVectors(model: string, limit: number): Array<{ id: number; text: string }> {
    return this.db
      .prepare(
        `SELECT p.id, p.text FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ?
         WHERE v.passage_id IS NULL ORDER BY p.id LIMIT ?`,
      )
      .all(model, limit) as Array<{ id: number; text: string }>;
  }

  storeVectors(model: string, vectors: Array<{ id: number; vector: Float32Array }>): void {
    this.transaction(() => {
      const upsert = this.db.prepare(
        'INSERT INTO passage_vectors(passage_id, model, vector) VALUES (?,?,?) ON CONFLICT(passage_id) DO UPDATE SET model=excluded.model, vector=excluded.vector',
      );
      for (const { id, vector } of vectors) upsert.run(id, model, encodeVector(vector));
      this.bumpGeneration();
    });
  }

  /** Drops vectors made by any other model, so two embedding spaces are never mixed. */
  deleteVectorsNotFrom(model: string): number {
    return this.transaction(() => {
      const info = this.db.prepare('DELETE FROM passage_vectors WHERE model <> ?').run(model);
      if (info.changes > 0) this.bumpGeneration();
      return info.changes;
    });
  }

  *iterateVectors(model: string): Generator<{ id: number; vector: Float32Array }> {
    const rows = this.db.prepare('SELECT passage_id AS id, vector FROM passage_vectors WHERE model = ? ORDER BY passage_id').iterate(model) as Iterable<{
      id: number;
      vector: Buffer;
    }>;
    for (const row of rows) yield { id: row.id, vector: decodeVector(row.vector) };
  }

  vectorsById(ids: number[]): Map<number, Float32Array> {
    const result = new Map<number, Float32Array>();
    if (ids.length === 0) return result;
    const rows = this.db
      .prepare(`SELECT passage_id AS id, vector FROM passage_vectors WHERE passage_id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as { id: number; vector: Buffer }[];
    for (const row of rows) result.set(row.id, decodeVector(row.vector));
    return result;
  }

  /** See KnowledgeStore.probePassages. */
  probePassages(model: string, limit: number): ProbePassage[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.document_id AS documentId, p.text, d.language, v.vector FROM passages p
         JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ? JOIN documents d ON d.id = p.document_id
         WHERE p.section = 'body' ORDER BY ${PROBE_ORDER_SQL} LIMIT ?`,
      )
      .all(model, limit) as Array<Omit<ProbePassage, 'vector'> & { vector: Buffer }>;
    return rows.map((row) => ({ ...row, vector: decodeVector(row.vector) }));
  }

  /** Set by keepLexiconInMemory(): long-running processes search an in-memory copy of the index. */
  private lexiconKeeper: LexiconKeeper | null = null;

  /**
   * From now on, searches without a date filter, term frequencies and vocabulary look-ups
   * use an in-memory inverted index (memoryLexicon.ts) whenever it matches the store; built
   * now, rebuilt in the background after the store changes. Resolves when the first build ends.
   */
  keepLexiconInMemory(log?: (message: string) => void): Promise<boolean> {
    this.lexiconKeeper ??= new LexiconKeeper(
      { generation: () => this.generation(), build: () => buildLexiconInWorker(this.path) },
      log,
    );
    return this.lexiconKeeper.rebuild();
  }

  /**
   * BM25 search for passages holding any of the word forms (stems; long ones also as
   * prefixes): passage ids best first with FTS5's bm25 (lower is better).
   */
  lexicalSearch(forms: Iterable<string>, limit: number, dates: DateFilter = {}): Array<{ id: number; bm25: number }> {
    const lexicon = dates.since || dates.until ? null : this.lexiconKeeper?.current();
    if (lexicon) return lexicon.search(ftsPatterns(forms), limit);
    const matchExpression = ftsExpression(forms);
    if (!matchExpression) return [];
    const clauses: string[] = [];
    const params: unknown[] = [matchExpression];
    if (dates.since) {
      clauses.push('d.published >= ?');
      params.push(dates.since);
    }
    if (dates.until) {
      clauses.push('substr(d.published, 1, 10) <= ?');
      params.push(dates.until);
    }
    const join = clauses.length ? 'JOIN passages p ON p.id = passages_fts.rowid JOIN documents d ON d.id = p.document_id' : '';
    const where = clauses.length ? `AND ${clauses.join(' AND ')}` : '';
    params.push(limit);
    return this.statement(
      `SELECT passages_fts.rowid AS id, rank AS bm25 FROM passages_fts ${join}
       WHERE passages_fts MATCH ? ${where} ORDER BY rank LIMIT ?`,
    ).all(...params) as Array<{ id: number; bm25: number }>;
  }

  /**
   * For each group of forms, about how many passages contain any of its patterns (for IDF
   * weighting), read from the FTS vocabulary (or the in-memory index) instead of running the
   * query: a passage holding two matching forms is counted twice, which is harmless for a
   * weight and much faster. One staleness check for the whole question.
   */
  passageFrequencies(formGroups: Iterable<string>[]): number[] {
    const lexicon = this.lexiconKeeper?.current();
    if (lexicon) {
      return formGroups.map((forms) => Math.min(ftsPatterns(forms).reduce((sum, p) => sum + lexicon.documentFrequency(p), 0), lexicon.passageCount));
    }
    const cache = this.vocabularyCache();
    const count = this.countedPassages(cache);
    return formGroups.map((forms) => {
      let total = 0;
      for (const p of ftsPatterns(forms)) {
        const key = `${p.prefix ? '*' : '='}${p.term}`;
        let n = cache.get(key);
        if (n === undefined) {
          const row = (
            p.prefix
              ? this.statement('SELECT sum(doc) AS n FROM passages_vocab WHERE term >= ? AND term < ?').get(p.term, `${p.term}\uffff`)
              : this.statement('SELECT sum(doc) AS n FROM passages_vocab WHERE term = ?').get(p.term)
          ) as { n: number | null };
          cache.set(key, (n = row.n ?? 0));
        }
        total += n;
      }
      return Math.min(total, count);
    });
  }

  private vocabulary = { generation: -1, counts: new Map<string, number>() };

  /** Vocabulary look-ups, kept until the store changes (another process's ingest included). */
  private vocabularyCache(): Map<string, number> {
    const generation = this.generation();
    if (this.vocabulary.generation !== generation || this.vocabulary.counts.size > 100_000) {
      this.vocabulary = { generation, counts: new Map() };
    }
    return this.vocabulary.counts;
  }

  private readonly statements = new Map<string, Database.Statement>();

  /**
   * A prepared statement, cached by its SQL (preparing on every query showed up in
   * profiles); `raw` ones return rows as arrays, `pluck` ones their first column.
   */
  private statement(sql: string, options: { raw?: boolean; pluck?: boolean } = {}): Database.Statement {
    const key = options.raw ? `raw:${sql}` : options.pluck ? `pluck:${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (options.raw) statement.raw(true);
      if (options.pluck) statement.pluck(true);
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** The terms the index holds, of those asked (used to split compound words in questions; one staleness check for all). */
  knownTerms(terms: string[]): Set<string> {
    const lexicon = this.lexiconKeeper?.current();
    if (lexicon) return new Set(terms.filter((term) => lexicon.has(term)));
    const cache = this.vocabularyCache();
    return new Set(
      terms.filter((term) => {
        const key = `?${term}`;
        let found = cache.get(key);
        if (found === undefined) cache.set(key, (found = this.statement('SELECT 1 FROM passages_vocab WHERE term = ?').get(term) !== undefined ? 1 : 0));
        return found === 1;
      }),
    );
  }

  passagesByIds(ids: number[]): StoredPassage[] {
    if (ids.length === 0) return [];
    // Rows as arrays (raw mode): a search hydrates on every question, and naming each
    // column of each row costs a quarter of the lookup.
    const sql = `SELECT id, document_id, position, section, text, terms FROM passages WHERE id IN (${ids.map(() => '?').join(',')})`;
    const rows = this.statement(sql, { raw: true }).all(...ids) as Array<[id: number, documentId: number, position: number, section: Section, text: string, terms: string]>;
    const documents = this.documentsById(rows.map((row) => row[1]));
    const byId = new Map(rows.map((row) => [row[0], row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      const document = row && documents.get(row[1]);
      if (!row || !document) return [];
      return [{ id: row[0], documentId: row[1], position: row[2], section: row[3], text: row[4], terms: row[5], document }];
    });
  }

  /**
   * Article records for passage hits, from a cache: a search hydrates ten passages of a
   * few articles, and reading their document rows again on every question costs more than
   * the vector search. The cache is dropped whenever this connection (total_changes) or
   * another one (data_version: an ingest in another process) has changed the database.
   */
  private documentsById(documentIds: number[]): Map<number, DocumentRecord & { extractorVersion: number }> {
    const cache = this.documentCache.at(this.changeStamp());
    const missing = [...new Set(documentIds)].filter((id) => !cache.has(id));
    if (missing.length > 0) {
      const rows = this.statement(`SELECT ${DOCUMENT_ROW_COLUMNS} FROM documents d WHERE d.id IN (${missing.map(() => '?').join(',')})`).all(...missing) as DocumentRow[];
      for (const row of rows) cache.set(Number(row.id), toDocument(row));
    }
    return cache;
  }

  private readonly documentCache = new ChangeStampedCache<number, DocumentRecord & { extractorVersion: number }>(50_000);

  passageCount(): number {
    const lexicon = this.lexiconKeeper?.current();
    if (lexicon) return lexicon.passageCount;
    return this.countedPassages(this.vocabularyCache());
  }

  /** The passage count, kept in the vocabulary cache: counting scans an index (1 ms at 100,000 passages) and every question asks. */
  private countedPassages(cache: Map<string, number>): number {
    let count = cache.get('#passages');
    if (count === undefined) cache.set('#passages', (count = (this.statement('SELECT count(*) AS n FROM passages').get() as { n: number }).n));
    return count;
  }

  /**
   * Every stored article with its text, oldest first, read lazily (a large store is not held
   * in memory). Articles written before schema version 2 have no stored body: it is
   * rebuilt from their body passages.
   */
  *exportArticles(space: VectorSpace | null = null): Generator<StoredArticle> {
    const passages = this.db.prepare("SELECT text FROM passages WHERE document_id = ? AND section = 'body' ORDER BY position");
    const counts = this.db.prepare('SELECT count(*) AS n FROM passages WHERE document_id = ?');
    const withVectors = this.db.prepare(
      'SELECT p.section, p.text, v.vector FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ? WHERE p.document_id = ? ORDER BY p.position',
    );
    for (const row of this.db.prepare('SELECT * FROM documents ORDER BY id').iterate() as Iterable<DocumentRow & { body: string | null; comments: string | null }>) {
      const body = row.body ?? (passages.all(row.id) as { text: string }[]).map((p) => p.text).join('\n\n');
      const article: StoredArticle = { ...toDocument(row), body, comments: parseComments(row.comments), passages: (counts.get(row.id) as { n: number }).n };
      if (space) {
        const rows = withVectors.all(space.model, row.id) as Array<{ section: Section; text: string; vector: Buffer | null }>;
        article.passageVectors = { ...space, passages: rows.map((r) => ({ section: r.section, text: r.text, vector: r.vector ? decodeVector(r.vector) : null })) };
      }
      yield article;
    }
  }

  /** Marks runs left "running" by a process that died as interrupted. */
  markInterruptedRuns(currentRunId: number): void {
    this.db.prepare("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running' AND id <> ?").run(currentRunId);
  }

  /** Same content re-fetched with new bytes (a page's ads changed): only the raw hash moves. */
  updateRawHash(documentId: number, rawHash: string): void {
    this.db.prepare('UPDATE documents SET raw_hash = ? WHERE id = ?').run(rawHash, documentId);
  }

  /** Whether a source has articles stored from feed summaries only (to be fetched again). */
  hasSummaryOnly(sourceId: string): boolean {
    return Boolean(this.db.prepare('SELECT 1 FROM documents WHERE source_id = ? AND summary_only = 1 LIMIT 1').get(sourceId));
  }

  /** ETag / Last-Modified of a source URL from its last complete ingest. */
  httpValidators(url: string): { etag?: string | null; lastModified?: string | null } | undefined {
    const value = this.getMeta(`http:${url}`);
    if (!value) return undefined;
    try {
      return JSON.parse(value) as { etag?: string | null; lastModified?: string | null };
    } catch {
      return undefined;
    }
  }

  setHttpValidators(url: string, validators: { etag?: string | null; lastModified?: string | null }): void {
    if (validators.etag || validators.lastModified) this.setMeta(`http:${url}`, JSON.stringify(validators));
  }

  sourceStatus(sourceId: string): SourceStatus | undefined {
    const row = this.db.prepare('SELECT * FROM source_status WHERE source_id = ?').get(sourceId) as SourceStatusRow | undefined;
    return row && sourceStatusFromRow(row);
  }

  sourceStatuses(): SourceStatus[] {
    return (this.db.prepare('SELECT * FROM source_status ORDER BY source_id').all() as SourceStatusRow[]).map(sourceStatusFromRow);
  }

  recordSourceStatus(status: SourceStatus): void {
    this.db
      .prepare(
        `INSERT INTO source_status(source_id, last_success_at, last_error_at, last_error, consecutive_failures, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(source_id) DO UPDATE SET ${SOURCE_STATUS_UPSERT_SET}`,
      )
      .run(...sourceStatusValues(status));
  }

  stats(): StoreStats {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      documents: one('SELECT count(*) AS n FROM documents'),
      passages: one('SELECT count(*) AS n FROM passages'),
      vectors: one('SELECT count(*) AS n FROM passage_vectors'),
      sources: one('SELECT count(DISTINCT source_id) AS n FROM documents'),
    };
  }

  beginRun(startedAt: string): number {
    return Number(this.db.prepare("INSERT INTO ingest_runs(started_at, status) VALUES (?, 'running')").run(startedAt).lastInsertRowid);
  }

  finishRun(id: number, status: 'ok' | 'failed', finishedAt: string, summary: unknown): void {
    this.db.prepare('UPDATE ingest_runs SET status=?, finished_at=?, summary=? WHERE id=?').run(status, finishedAt, JSON.stringify(summary), id);
  }

  lastRun(): IngestRun | undefined {
    const row = this.db.prepare('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1').get() as
      | { started_at: string; finished_at: string | null; status: string; summary: string | null }
      | undefined;
    if (!row) return undefined;
    return { startedAt: row.started_at, finishedAt: row.finished_at, status: row.status, summary: row.summary ? JSON.parse(row.summary) : null };
  }
}
