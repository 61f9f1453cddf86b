import type { DocumentRecord, Section, StoredPassage } from '../../core/types.js';
import { IngestLockedError } from '../errors.js';
import { ftsPatterns } from '../ftsQuery.js';
import type {
  ArticleWrite, CopyCandidate, DateFilter, Fingerprint, FoundDocument, HttpValidators, IngestRun, KnowledgeStore, PassageVectors, SourceStatus, StoreStats, StoredArticle, StoryInfo, VectorSpace, WriteResult,
} from '../knowledgeStore.js';
import { decodeVector } from '../vectorCodec.js';
import { CALIBRATION_META_KEYS, calibrationRows, PROBE_ORDER_SQL, readCalibration, type ProbePassage, type StoredCalibration } from '../calibrationMeta.js';
import { DOCUMENT_ROW_COLUMNS, parseComments, toDocument, type DocumentRow as StoredDocumentRow } from '../documentRow.js';
import { SOURCE_STATUS_UPSERT_SET, sourceStatusFromRow, sourceStatusValues, type SourceStatusRow } from '../sourceStatusRow.js';
import { PgDatabase, type PgConnection, type PgSession, type Row, type SqlRunner } from './pgDatabase.js';
import { PG_MIGRATIONS } from './pgSchema.js';
import { articlesWithoutFingerprint, copyCandidates, linkToStory, promoteCopy, setFingerprint, stories } from './pgStories.js';
import { PgVectorGraph } from './pgVectorGraph.js';
import { backfillPgVector, enablePgVector, PGVECTOR_INDEX, preparePgVectorIndex, searchPgVector, writeVectors } from './pgVector.js';

/** Advisory lock keys: one ingest at a time across every process; migrations one at a time. */
const INGEST_LOCK = 0x6e657773; // "news"
const MIGRATION_LOCK = 0x6d696772; // "migr"
export const CHANGES_CHANNEL = 'newsbot_changes';

/** BM25 parameters, as SQLite FTS5 uses them, so both backends rank alike. */
const K1 = 1.2;
const B = 0.75;

/**
 * Above this many matching passages (summed over the question's patterns), BM25 reads the
 * postings table rather than the matching passages' tsvectors: on 100,000 passages, per-row
 * tsvector work made such questions take 200-500 ms, postings about a quarter of that.
 */
const FULL_TEXT_MAX_MATCHES = 3000;

/** A prefix pattern counts at most this many of the words it starts (the most frequent). */
const MAX_PREFIX_LEXEMES = 500;

/** How long changes stay in the sequence; a process whose graph is older rebuilds it once. */
const CHANGE_RETENTION = '1 day';

/** How long cached vocabulary figures may be trusted without asking for the change sequence. */
const FRESHNESS_MS = 500;


/** A search pattern with what BM25 needs: its idf, how many passages hold it, the lexemes it stands for. */
export interface ScoredPattern {
  term: string;
  prefix: boolean;
  idf: number;
  frequency: number;
  lexemes: string[];
}

/** Rows come back as plain records; PostgreSQL adds the stored text columns. */
type DocumentRow = StoredDocumentRow & Row & { body: string | null; comments: string | null };

/**
 * A tsvector literal of the stored index terms with their positions, built here rather than
 * by PostgreSQL's parser so the words indexed are exactly the ones SQLite indexes.
 */
export function termsVector(terms: string): { literal: string; count: number; distinct: string[]; frequencies: number[] } {
  const words = terms.split(' ').filter(Boolean);
  const positions = new Map<string, number[]>();
  words.forEach((word, i) => {
    const list = positions.get(word) ?? [];
    // tsvector keeps at most 256 positions per word, each at most 16383.
    if (list.length < 256) list.push(Math.min(i + 1, 16383));
    positions.set(word, list);
  });
  const literal = [...positions].map(([word, list]) => `${quoteLexeme(word)}:${list.join(',')}`).join(' ');
  // Frequencies as the tsvector holds them (positions kept), so both scorings agree.
  return { literal, count: words.length, distinct: [...positions.keys()], frequencies: [...positions.values()].map((list) => list.length) };
}

/** A word as a quoted tsvector/tsquery lexeme (quotes doubled, backslashes escaped). */
function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The PostgreSQL backend (`DATABASE_URL`): every process (bot shards, ingest worker) shares
 * one knowledge base. Each article is written in one transaction; each process searches its
 * own hnswlib graph derived from the stored vectors and kept in step through the change
 * sequence (woken by LISTEN/NOTIFY); one ingest at a time through an advisory lock.
 */
export class PgStore implements KnowledgeStore {
  private readonly graph: PgVectorGraph;
  private listener: PgSession | null = null;
  private listening: Promise<void> | null = null;
  private knownSeq = 0;
  private seqCheckedAt = 0;
  /** Vocabulary figures and prefix expansions, valid until the change sequence moves. */
  private cache = { seq: -1, values: new Map<string, unknown>() };
  private space: { seq: number; value: VectorSpace | null } = { seq: -1, value: null };

  private constructor(
    readonly db: PgConnection,
    /** Whether nearest-neighbour search runs in SQL (pgvector) rather than in this process's graph. */
    readonly pgvector: boolean,
  ) {
    this.graph = new PgVectorGraph(db);
  }

  /** Connects and brings the schema up to date (refusing a schema newer than this program). */
  static async open(url: string, options: { schema?: string } = {}): Promise<PgStore> {
    const db = new PgDatabase(url, options.schema ?? null);
    try {
      return await PgStore.openOn(db, options.schema ?? null);
    } catch (error) {
      await db.close();
      throw new Error(`PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`);
    }
  }

  /** The store on an open connection (any PostgreSQL that speaks SQL: a server pool, or PGlite in tests). */
  static async openOn(db: PgConnection, schema: string | null = null): Promise<PgStore> {
    return new PgStore(db, await migrate(db, schema));
  }

  // ----- change sequence and caches

  /** The newest change sequence number, asked at most every FRESHNESS_MS unless notified. */
  private async latestSeq(): Promise<number> {
    if (Date.now() - this.seqCheckedAt > FRESHNESS_MS) {
      const [row] = await this.db.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM passage_changes');
      this.knownSeq = Number(row!.seq);
      this.seqCheckedAt = Date.now();
    }
    return this.knownSeq;
  }

  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const seq = await this.latestSeq();
    if (this.cache.seq !== seq || this.cache.values.size > 100_000) this.cache = { seq, values: new Map() };
    let value = this.cache.values.get(key) as T | undefined;
    if (value === undefined) this.cache.values.set(key, (value = await compute()));
    return value;
  }

  /** A write of this process: its own later reads look at the sequence again at once. */
  private changed(): void {
    this.seqCheckedAt = 0;
  }

  /** LISTEN for changes committed by other processes, so searches see them without delay. */
  private listen(): Promise<void> {
    this.listening ??= (async () => {
      try {
        const client = await this.db.session();
        client.on('notification', (message) => {
          const seq = Number(message.payload);
          if (Number.isFinite(seq) && seq > this.knownSeq) this.knownSeq = seq;
          this.seqCheckedAt = Date.now();
        });
        client.on('error', () => {
          // Lost connection: fall back to asking for the sequence number (FRESHNESS_MS).
          this.listener = null;
          this.seqCheckedAt = 0;
        });
        await client.query(`LISTEN ${CHANGES_CHANNEL}`);
        this.listener = client;
      } catch {
        this.listener = null;
      }
    })();
    return this.listening;
  }

  // ----- writes

  async writeArticle(article: ArticleWrite): Promise<WriteResult> {
    const now = new Date().toISOString();
    const result = await this.db.transaction(async (tx) => {
      const m = article.metadata;
      const [existing] = await tx.query<{ id: string }>('SELECT id FROM documents WHERE doc_key = $1 FOR UPDATE', [article.key]);
      let removedPassageIds: number[] = [];
      let documentId: number;
      const values = [article.sourceId, article.rawHash, article.contentHash, article.extractorVersion, m.title, m.outlet, m.published,
        m.language, m.url, m.source, m.location, m.author, now, article.body.join('\n\n'), JSON.stringify(article.comments), article.summaryOnly];
      if (existing) {
        documentId = Number(existing.id);
        removedPassageIds = await this.deletePassages(tx, 'document_id = $1', [documentId]);
        await tx.query(
          `UPDATE documents SET source_id=$1, raw_hash=$2, content_hash=$3, extractor_version=$4, title=$5, outlet=$6, published=$7,
           language=$8, url=$9, source=$10, location=$11, author=$12, updated_at=$13, body=$14, comments=$15, summary_only=$16 WHERE id=$17`,
          [...values, documentId],
        );
      } else {
        // A key that used to be an alias becomes a document of its own.
        await tx.query('DELETE FROM document_aliases WHERE alias_key = $1', [article.key]);
        const [row] = await tx.query<{ id: string }>(
          `INSERT INTO documents(source_id, raw_hash, content_hash, extractor_version, title, outlet, published, language, url, source,
           location, author, updated_at, body, comments, summary_only, ingested_at, doc_key)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$13,$17) RETURNING id`,
          [...values, article.key],
        );
        documentId = Number(row!.id);
      }
      const added: WriteResult['added'] = [];
      const vocabulary = new Map<string, number>();
      await linkToStory(tx, documentId, article);
      if (article.passages.length > 0) {
        const vectors = article.passages.map((p) => termsVector(p.terms));
        for (const v of vectors) for (const term of v.distinct) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
        const rows = await tx.query<{ id: string }>(
          `INSERT INTO passages(document_id, position, section, text, terms, term_count, tsv)
           SELECT $1, t.position, t.section, t.text, t.terms, t.term_count, t.tsv
           FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::tsvector[]) WITH ORDINALITY AS t(position, section, text, terms, term_count, tsv, n)
           ORDER BY t.n RETURNING id`,
          [documentId, article.passages.map((p) => p.position), article.passages.map((p) => p.section), article.passages.map((p) => p.text),
            article.passages.map((p) => p.terms), vectors.map((v) => v.count), vectors.map((v) => v.literal)],
        );
        const ids = rows.map((r) => Number(r.id));
        const withVectors = article.vectors && article.model ? ids.map((id, i) => ({ id, vector: article.vectors![i] ?? null })) : [];
        const stored = withVectors.filter((v): v is { id: number; vector: Float32Array } => v.vector !== null);
        if (stored.length > 0) await writeVectors(tx, article.model!, stored, this.pgvector);
        ids.forEach((id, i) => added.push({ id, vector: article.vectors?.[i] ?? null }));
        await tx.query('INSERT INTO passage_changes(passage_id, op) SELECT id, \'a\' FROM unnest($1::bigint[]) AS id', [ids]);
        const postings = vectors.flatMap((v, i) => v.distinct.map((term, j) => ({ term, id: ids[i]!, tf: v.frequencies[j]!, length: v.count })));
        await tx.query(
          'INSERT INTO passage_terms(term, passage_id, tf, term_count) SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[])',
          [postings.map((x) => x.term), postings.map((x) => x.id), postings.map((x) => x.tf), postings.map((x) => x.length)],
        );
        // Rows locked in one order (term, C collation) by every writer, so concurrent writers never deadlock.
        await tx.query(
          `INSERT INTO vocabulary(term, passages) SELECT t.term, t.n FROM unnest($1::text[], $2::int[]) AS t(term, n) ORDER BY t.term COLLATE "C"
           ON CONFLICT (term) DO UPDATE SET passages = vocabulary.passages + excluded.passages`,
          [[...vocabulary.keys()], [...vocabulary.values()]],
        );
      }
      await notifyChanges(tx);
      return { added, removedPassageIds };
    });
    this.changed();
    return result;
  }

  /** Deletes passages (their vectors go by cascade), records the removals and updates the vocabulary. */
  private async deletePassages(tx: SqlRunner, where: string, params: unknown[]): Promise<number[]> {
    const gone = await tx.query<{ id: string; terms: string }>(`DELETE FROM passages WHERE ${where} RETURNING id, terms`, params);
    if (gone.length === 0) return [];
    const counts = new Map<string, number>();
    const postings: Array<{ term: string; id: number }> = [];
    for (const row of gone) {
      for (const term of termsVector(row.terms).distinct) {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        postings.push({ term, id: Number(row.id) });
      }
    }
    await tx.query(
      'DELETE FROM passage_terms pt USING unnest($1::text[], $2::bigint[]) AS d(term, id) WHERE pt.term = d.term COLLATE "C" AND pt.passage_id = d.id',
      [postings.map((x) => x.term), postings.map((x) => x.id)],
    );
    const terms = [...counts.keys()];
    // Locked in the same order as the upsert above takes them (no deadlock between writers).
    await tx.query('SELECT term FROM vocabulary WHERE term = ANY($1::text[]) ORDER BY term COLLATE "C" FOR UPDATE', [terms]);
    await tx.query(
      'UPDATE vocabulary v SET passages = v.passages - d.n FROM unnest($1::text[], $2::int[]) AS d(term, n) WHERE v.term = d.term',
      [terms, [...counts.values()]],
    );
    await tx.query('DELETE FROM vocabulary WHERE term = ANY($1::text[]) AND passages <= 0', [terms]);
    const ids = gone.map((r) => Number(r.id));
    await tx.query('INSERT INTO passage_changes(passage_id, op) SELECT id, \'r\' FROM unnest($1::bigint[]) AS id', [ids]);
    return ids;
  }

  async addAlias(aliasKey: string, documentId: number, sourceId: string, rawHash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO document_aliases(alias_key, document_id, source_id, raw_hash) VALUES ($1,$2,$3,$4)
       ON CONFLICT (alias_key) DO UPDATE SET document_id = excluded.document_id, source_id = excluded.source_id, raw_hash = excluded.raw_hash`,
      [aliasKey, documentId, sourceId, rawHash],
    );
  }

  async updateRawHash(documentId: number, rawHash: string): Promise<void> {
    await this.db.query('UPDATE documents SET raw_hash = $1 WHERE id = $2', [rawHash, documentId]);
  }

  async removeKeys(keys: string[]): Promise<number> {
    const removed = await this.db.transaction(async (tx) => {
      let count = 0;
      for (const key of keys) {
        const aliases = await tx.query('DELETE FROM document_aliases WHERE alias_key = $1 RETURNING alias_key', [key]);
        if (aliases.length > 0) continue;
        const [doc] = await tx.query<{ id: string }>('SELECT id FROM documents WHERE doc_key = $1 FOR UPDATE', [key]);
        if (!doc) continue;
        // An article still reachable through an alias moves to that alias instead of vanishing.
        const [heir] = await tx.query<{ alias_key: string; source_id: string; raw_hash: string }>(
          'DELETE FROM document_aliases WHERE alias_key = (SELECT alias_key FROM document_aliases WHERE document_id = $1 LIMIT 1) RETURNING alias_key, source_id, raw_hash',
          [doc.id],
        );
        if (heir) {
          await tx.query('UPDATE documents SET doc_key = $1, source_id = $2, raw_hash = $3 WHERE id = $4', [heir.alias_key, heir.source_id, heir.raw_hash, doc.id]);
          continue;
        }
        // A story told by other articles too lives on in one of them (its text; this outlet's comments go with it).
        await promoteCopy(tx, Number(doc.id));
        count += (await this.deletePassages(tx, 'document_id = $1', [doc.id])).length;
        await tx.query('DELETE FROM documents WHERE id = $1', [doc.id]);
      }
      await notifyChanges(tx);
      return count;
    });
    this.changed();
    return removed;
  }

  async storeVectors(model: string, vectors: Array<{ id: number; vector: Float32Array }>): Promise<void> {
    if (vectors.length === 0) return;
    await this.db.transaction(async (tx) => {
      await writeVectors(tx, model, vectors, this.pgvector);
      await tx.query('INSERT INTO passage_changes(passage_id, op) SELECT id, \'a\' FROM unnest($1::bigint[]) AS id', [vectors.map((v) => v.id)]);
      await notifyChanges(tx);
    });
    this.changed();
  }

  /**
   * Called after each batch of writes. Nothing to save (every process derives its graph from
   * the stored vectors), but the change sequence is pruned: changes older than
   * CHANGE_RETENTION go (the newest always stays, so the sequence never goes back), and
   * `changes_pruned_through` tells a graph that fell further behind to rebuild.
   */
  async flushVectorIndex(): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ through: string | null }>(
        `WITH gone AS (DELETE FROM passage_changes WHERE at < now() - $1::interval AND seq < (SELECT max(seq) FROM passage_changes) RETURNING seq)
         SELECT max(seq) AS through FROM gone`,
        [CHANGE_RETENTION],
      );
      if (row?.through) {
        await tx.query(
          `INSERT INTO meta(key, value) VALUES ('changes_pruned_through', $1) ON CONFLICT (key)
           DO UPDATE SET value = greatest(meta.value::bigint, excluded.value::bigint)::text`,
          [row.through],
        );
      }
    });
  }

  // ----- finding documents

  async documentByKey(key: string): Promise<FoundDocument | undefined> {
    const [row] = await this.db.query<DocumentRow>('SELECT * FROM documents WHERE doc_key = $1', [key]);
    if (row) return { ...toDocument(row), viaAlias: false };
    const [alias] = await this.db.query<DocumentRow & { alias_raw_hash: string }>(
      'SELECT d.*, a.raw_hash AS alias_raw_hash FROM document_aliases a JOIN documents d ON d.id = a.document_id WHERE a.alias_key = $1',
      [key],
    );
    return alias ? { ...toDocument(alias), viaAlias: true, aliasRawHash: alias.alias_raw_hash } : undefined;
  }

  async documentByContentHash(contentHash: string): Promise<DocumentRecord | undefined> {
    const [row] = await this.db.query<DocumentRow>('SELECT * FROM documents WHERE content_hash = $1 ORDER BY id LIMIT 1', [contentHash]);
    return row ? toDocument(row) : undefined;
  }

  async articlesWithoutFingerprint(limit: number): Promise<Array<{ id: number; body: string[]; comments: string[]; summaryOnly: boolean }>> {
    return articlesWithoutFingerprint(this.db, limit);
  }

  async setFingerprint(documentId: number, fingerprint: Fingerprint | null): Promise<void> {
    await this.db.transaction((tx) => setFingerprint(tx, documentId, fingerprint));
  }

  async copyCandidates(bands: string[]): Promise<CopyCandidate[]> {
    return copyCandidates(this.db, bands);
  }

  async stories(documentIds: number[]): Promise<Map<number, StoryInfo>> {
    return stories(this.db, documentIds);
  }

  async keysForSource(sourceId: string): Promise<string[]> {
    const rows = await this.db.query<{ key: string }>(
      'SELECT doc_key AS key FROM documents WHERE source_id = $1 UNION ALL SELECT alias_key FROM document_aliases WHERE source_id = $1',
      [sourceId],
    );
    return rows.map((r) => r.key);
  }

  async hasSummaryOnly(sourceId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM documents WHERE source_id = $1 AND summary_only LIMIT 1', [sourceId])).length > 0;
  }

  async *exportArticles(options: { withVectors?: boolean } = {}): AsyncIterable<StoredArticle> {
    const space = options.withVectors ? await this.readVectorSpace() : null;
    let after = 0;
    for (;;) {
      const rows = await this.db.query<DocumentRow & { passages: string }>(
        'SELECT d.*, (SELECT count(*) FROM passages p WHERE p.document_id = d.id) AS passages FROM documents d WHERE d.id > $1 ORDER BY d.id LIMIT 200',
        [after],
      );
      const vectors = space ? await this.passageVectorsOf(rows.map((r) => Number(r.id)), space) : null;
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
  private async passageVectorsOf(documentIds: number[], space: VectorSpace): Promise<Map<number, PassageVectors['passages']>> {
    const rows = await this.db.query<{ document_id: string; section: Section; text: string; vector: Buffer | null }>(
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

  // ----- search

  /** BM25 as FTS5 computes it (k1 1.2, b 0.75, the same IDF), over the same word forms. */
  /**
   * BM25 (FTS5's k1 and b) over passages holding any of the forms, best first. Two exact ways
   * to the same ranking: a selective question is answered by full-text search (the GIN index
   * finds the passages, their tsvectors give the term frequencies); a question whose words
   * match many passages reads the postings table instead, whose index entries carry the
   * frequencies, rather than every matching passage.
   */
  async lexicalSearch(forms: string[], limit: number, dates: DateFilter = {}): Promise<Array<{ id: number }>> {
    const patterns = ftsPatterns(forms);
    if (patterns.length === 0 || limit <= 0) return [];
    const [total, averageLength] = await Promise.all([this.passageCount(), this.cached('avgdl', async () => {
      const [row] = await this.db.query<{ avg: string | null }>('SELECT avg(term_count) AS avg FROM passages');
      return Number(row!.avg ?? 1) || 1;
    })]);
    const frequencies = await Promise.all(patterns.map((p) => this.patternFrequency(p.term, p.prefix)));
    // Each pattern as the exact lexemes it stands for (a prefix: the indexed words it starts).
    const expansions = await Promise.all(patterns.map((p) => (p.prefix ? this.prefixLexemes(p.term) : Promise.resolve([p.term]))));
    const scored: ScoredPattern[] = patterns.map((p, i) => ({
      ...p,
      idf: Math.max(1e-6, Math.log((total - frequencies[i]! + 0.5) / (frequencies[i]! + 0.5))),
      frequency: frequencies[i]!,
      lexemes: expansions[i]!,
    }));
    if (scored.every((p) => p.lexemes.length === 0)) return [];
    const matches = scored.reduce((sum, p) => sum + p.frequency, 0);
    const way = matches > FULL_TEXT_MAX_MATCHES ? 'postings' : 'fulltext';
    return (await this.scoreBm25(way, scored, averageLength, limit, dates)).map(({ id }) => ({ id }));
  }

  /** BM25 of the passages holding any pattern, by full-text search or from the postings (same result). */
  async scoreBm25(way: 'fulltext' | 'postings', patterns: ScoredPattern[], averageLength: number, limit: number, dates: DateFilter = {}): Promise<Array<{ id: number; score: number }>> {
    const lexemes = patterns.flatMap((p, i) => p.lexemes.map((lexeme) => ({ lexeme, pattern: i })));
    const params: unknown[] = [lexemes.map((l) => l.lexeme), lexemes.map((l) => l.pattern), patterns.map((p) => p.idf), averageLength, limit];
    const clauses: string[] = [];
    if (dates.since) clauses.push(`d.published >= $${params.push(dates.since)}`);
    if (dates.until) clauses.push(`substr(d.published, 1, 10) <= $${params.push(dates.until)}`);
    const dated = clauses.length > 0;
    let frequencies: string;
    if (way === 'fulltext') {
      // Term frequencies without unpacking whole passages: setweight marks the query's lexemes,
      // ts_filter keeps only them (both in C), and only those few are unnested.
      const query = `$${params.push(patterns.map((p) => `${quoteLexeme(p.term)}${p.prefix ? ':*' : ''}`).join(' | '))}::tsquery`;
      const marked = `$${params.push([...new Set(lexemes.map((l) => l.lexeme))])}::text[]`;
      frequencies = `SELECT c.id, c.term_count, lex.pattern, sum(cardinality(u.positions)) AS n
        FROM passages c ${dated ? 'JOIN documents d ON d.id = c.document_id' : ''}
        CROSS JOIN LATERAL unnest(ts_filter(setweight(c.tsv, 'A', ${marked}), '{a}')) u
        JOIN lex ON lex.lexeme = u.lexeme
        WHERE c.tsv @@ ${query} ${dated ? `AND ${clauses.join(' AND ')}` : ''}
        GROUP BY c.id, c.term_count, lex.pattern`;
    } else {
      frequencies = `SELECT pt.passage_id AS id, pt.term_count, lex.pattern, sum(pt.tf) AS n
        FROM lex JOIN passage_terms pt ON pt.term = lex.lexeme COLLATE "C"
        ${dated ? `JOIN passages c ON c.id = pt.passage_id JOIN documents d ON d.id = c.document_id WHERE ${clauses.join(' AND ')}` : ''}
        GROUP BY pt.passage_id, pt.term_count, lex.pattern`;
    }
    const rows = await this.db.query<{ id: string; score: number }>(
      `WITH lex AS (SELECT * FROM unnest($1::text[], $2::int[]) AS l(lexeme, pattern)),
            pat AS (SELECT (ord - 1)::int AS pattern, idf FROM unnest($3::float8[]) WITH ORDINALITY AS t(idf, ord)),
            tf AS (${frequencies})
       SELECT id, score FROM (
         SELECT tf.id, sum(pat.idf * tf.n * ${K1 + 1} / (tf.n + ${K1} * (${1 - B} + ${B} * tf.term_count / $4::float8)))::float8 AS score
         FROM tf JOIN pat ON pat.pattern = tf.pattern GROUP BY tf.id) ranked
       -- Rounded: sums of the same terms in another order differ in the last bits; ties go by id.
       ORDER BY round(score::numeric, 9) DESC, id LIMIT $5`,
      params,
    );
    return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
  }

  /** The indexed words a prefix pattern stands for (most frequent first, at most MAX_PREFIX_LEXEMES). */
  private prefixLexemes(prefix: string): Promise<string[]> {
    return this.cached(`lexemes:${prefix}`, async () => {
      const rows = await this.db.query<{ term: string }>(
        "SELECT term FROM vocabulary WHERE term LIKE $1 ESCAPE '\\' ORDER BY passages DESC LIMIT $2",
        [`${escapeLike(prefix)}%`, MAX_PREFIX_LEXEMES],
      );
      return rows.map((r) => r.term);
    });
  }


  /** Passages holding a term (or any term with the prefix), from the vocabulary like fts5vocab. */
  private patternFrequency(term: string, prefix: boolean): Promise<number> {
    return this.cached(`${prefix ? '*' : '='}${term}`, async () => {
      const [row] = prefix
        ? await this.db.query<{ n: string | null }>("SELECT sum(passages) AS n FROM vocabulary WHERE term LIKE $1 ESCAPE '\\'", [`${escapeLike(term)}%`])
        : await this.db.query<{ n: string | null }>('SELECT passages AS n FROM vocabulary WHERE term = $1', [term]);
      return Number(row?.n ?? 0);
    });
  }

  async passageFrequencies(formGroups: string[][]): Promise<number[]> {
    const total = await this.passageCount();
    return Promise.all(
      formGroups.map(async (forms) => {
        const counts = await Promise.all(ftsPatterns(forms).map((p) => this.patternFrequency(p.term, p.prefix)));
        return Math.min(total, counts.reduce((a, b) => a + b, 0));
      }),
    );
  }

  async knownTerms(terms: string[]): Promise<Set<string>> {
    if (terms.length === 0) return new Set();
    const rows = await this.db.query<{ term: string }>('SELECT term FROM vocabulary WHERE term = ANY($1::text[])', [terms]);
    return new Set(rows.map((r) => r.term));
  }

  async passageCount(): Promise<number> {
    return this.cached('passages', async () => Number((await this.db.query<{ n: string }>('SELECT count(*) AS n FROM passages'))[0]!.n));
  }

  async vectorSearch(vector: Float32Array, k: number): Promise<Array<{ id: number; similarity: number }>> {
    const space = await this.vectorSpace();
    if (!space) return [];
    if (this.pgvector) return this.db.transaction((tx) => searchPgVector(tx, space, vector, k));
    await this.syncGraph(space);
    return this.graph.search(vector, k);
  }

  async hasSearchableVectors(): Promise<boolean> {
    const space = await this.vectorSpace();
    if (!space) return false;
    if (this.pgvector) {
      return this.cached('searchable-vectors', async () => (await this.db.query('SELECT 1 FROM passage_vectors WHERE embedding IS NOT NULL LIMIT 1')).length > 0);
    }
    await this.syncGraph(space);
    return this.graph.size > 0;
  }

  private async syncGraph(space: VectorSpace): Promise<void> {
    await this.listen();
    if (this.graph.seq === 0 || (await this.latestSeq()) > this.graph.seq || this.graph.size === 0) await this.graph.sync(space);
  }

  async passagesByIds(ids: number[]): Promise<StoredPassage[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<DocumentRow & { p_id: string; document_id: string; position: number; section: Section; text: string; terms: string }>(
      `SELECT p.id AS p_id, p.document_id, p.position, p.section, p.text, p.terms, ${DOCUMENT_ROW_COLUMNS} FROM passages p JOIN documents d ON d.id = p.document_id
       WHERE p.id = ANY($1::bigint[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [Number(row.p_id), row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [{ id, documentId: Number(row.document_id), position: row.position, section: row.section, text: row.text, terms: row.terms, document: toDocument(row) }];
    });
  }

  // ----- vectors

  async vectorSpace(): Promise<VectorSpace | null> {
    // Asked on every question: kept until the change sequence moves (a new space appends 'x').
    const seq = await this.latestSeq();
    if (this.space.seq !== seq) this.space = { seq, value: await this.readVectorSpace() };
    return this.space.value;
  }

  private async readVectorSpace(): Promise<VectorSpace | null> {
    const rows = await this.db.query<{ key: string; value: string }>("SELECT key, value FROM meta WHERE key IN ('vector_model', 'vector_dim')");
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    const model = meta.get('vector_model');
    const dim = Number(meta.get('vector_dim') ?? '0');
    return model && dim > 0 ? { model, dim } : null;
  }

  async useVectorSpace(space: VectorSpace): Promise<boolean> {
    const current = await this.readVectorSpace();
    if (current && current.model === space.model && current.dim === space.dim) return false;
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM passage_vectors WHERE model <> $1', [space.model]);
      if (this.pgvector) await preparePgVectorIndex(tx, space);
      await setMeta(tx, 'vector_model', space.model);
      await setMeta(tx, 'vector_dim', String(space.dim));
      await tx.query("INSERT INTO passage_changes(passage_id, op) VALUES (0, 'x')");
      await notifyChanges(tx);
    });
    this.changed();
    return true;
  }

  async passagesMissingVectors(model: string, limit: number): Promise<Array<{ id: number; text: string }>> {
    const rows = await this.db.query<{ id: string; text: string }>(
      `SELECT p.id, p.text FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = $1
       WHERE v.passage_id IS NULL ORDER BY p.id LIMIT $2`,
      [model, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), text: r.text }));
  }

  // ----- answer calibration

  async probePassages(model: string, limit: number): Promise<ProbePassage[]> {
    const rows = await this.db.query<{ id: string; document_id: string; text: string; language: string; vector: Buffer }>(
      `SELECT p.id, p.document_id, p.text, d.language, v.vector FROM passages p
       JOIN passage_vectors v ON v.passage_id = p.id AND v.model = $1 JOIN documents d ON d.id = p.document_id
       WHERE p.section = 'body' ORDER BY ${PROBE_ORDER_SQL} LIMIT $2`,
      [model, limit],
    );
    return rows.map((r) => ({ id: Number(r.id), documentId: Number(r.document_id), text: r.text, language: r.language, vector: decodeVector(r.vector) }));
  }

  async calibration(): Promise<StoredCalibration> {
    const rows = await this.db.query<{ key: string; value: string }>('SELECT key, value FROM meta WHERE key = ANY($1::text[])', [Object.values(CALIBRATION_META_KEYS)]);
    const values = new Map(rows.map((r) => [r.key, r.value]));
    return readCalibration((key) => values.get(key));
  }

  async saveCalibration(update: Partial<StoredCalibration>): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const [key, value] of calibrationRows(update)) await setMeta(tx, key, value);
    });
  }

  // ----- runs and meta

  /** A session-level advisory lock: held by this connection, freed by PostgreSQL if the process dies. */
  async lockForIngest(): Promise<() => Promise<void>> {
    const session = await this.db.session();
    try {
      const [row] = (await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [INGEST_LOCK])).rows;
      if (!row!.locked) {
        const holder = (
          await session.query<{ name: string; since: string }>(
            `SELECT a.application_name AS name, a.backend_start::text AS since FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted LIMIT 1`,
            [INGEST_LOCK],
          )
        ).rows[0];
        throw new IngestLockedError(holder ? `${holder.name}, connected ${holder.since}` : 'another process');
      }
    } catch (error) {
      session.release();
      throw error;
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      try {
        await session.query('SELECT pg_advisory_unlock($1)', [INGEST_LOCK]);
        session.release();
      } catch (error) {
        session.release(error as Error); // a broken session is closed, which frees the lock
      }
    };
  }

  async beginRun(startedAt: string): Promise<number> {
    const [row] = await this.db.query<{ id: string }>("INSERT INTO ingest_runs(started_at, status) VALUES ($1, 'running') RETURNING id", [startedAt]);
    return Number(row!.id);
  }

  async finishRun(id: number, status: 'ok' | 'failed', finishedAt: string, summary: unknown): Promise<void> {
    await this.db.query('UPDATE ingest_runs SET status = $1, finished_at = $2, summary = $3 WHERE id = $4', [status, finishedAt, JSON.stringify(summary), id]);
  }

  async markInterruptedRuns(currentRunId: number): Promise<void> {
    await this.db.query("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running' AND id <> $1", [currentRunId]);
  }

  async lastRun(): Promise<IngestRun | undefined> {
    const [row] = await this.db.query<{ started_at: string; finished_at: string | null; status: string; summary: string | null }>(
      'SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1',
    );
    if (!row) return undefined;
    return { startedAt: row.started_at, finishedAt: row.finished_at, status: row.status, summary: row.summary ? JSON.parse(row.summary) : null };
  }

  async httpValidators(url: string): Promise<HttpValidators | undefined> {
    const [row] = await this.db.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [`http:${url}`]);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as HttpValidators;
    } catch {
      return undefined;
    }
  }

  async setHttpValidators(url: string, validators: HttpValidators): Promise<void> {
    if (validators.etag || validators.lastModified) await setMeta(this.db, `http:${url}`, JSON.stringify(validators));
  }

  async sourceStatus(sourceId: string): Promise<SourceStatus | undefined> {
    const [row] = await this.db.query<SourceStatusRow>('SELECT * FROM source_status WHERE source_id = $1', [sourceId]);
    return row && sourceStatusFromRow(row);
  }

  async sourceStatuses(): Promise<SourceStatus[]> {
    return (await this.db.query<SourceStatusRow>('SELECT * FROM source_status ORDER BY source_id COLLATE "C"')).map(sourceStatusFromRow);
  }

  async recordSourceStatus(status: SourceStatus): Promise<void> {
    await this.db.query(
      `INSERT INTO source_status(source_id, last_success_at, last_error_at, last_error, consecutive_failures, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (source_id) DO UPDATE SET ${SOURCE_STATUS_UPSERT_SET}`,
      sourceStatusValues(status),
    );
  }

  async stats(): Promise<StoreStats> {
    const [row] = await this.db.query<{ documents: string; passages: string; vectors: string; sources: string }>(
      `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM passages) AS passages,
              (SELECT count(*) FROM passage_vectors) AS vectors, (SELECT count(DISTINCT source_id) FROM documents) AS sources`,
    );
    return { documents: Number(row!.documents), passages: Number(row!.passages), vectors: Number(row!.vectors), sources: Number(row!.sources) };
  }

  async storeBytesOnDisk(): Promise<number> {
    const [row] = await this.db.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
    return Number(row!.n);
  }

  async writeManifest(manifest: unknown): Promise<void> {
    await setMeta(this.db, 'manifest', JSON.stringify(manifest));
  }

  async close(): Promise<void> {
    this.listener?.release(true);
    this.listener = null;
    await this.db.close();
  }
}

/** Tells listening processes the newest change number; delivered when the transaction commits. */
async function notifyChanges(tx: SqlRunner): Promise<void> {
  await tx.query(`SELECT pg_notify('${CHANGES_CHANNEL}', (SELECT coalesce(max(seq), 0)::text FROM passage_changes))`);
}

async function setMeta(runner: SqlRunner, key: string, value: string): Promise<void> {
  await runner.query('INSERT INTO meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}

/**
 * Runs the migrations this database lacks, one process at a time; refuses a newer schema.
 * Then turns pgvector on when the server offers it (under the same lock, so two processes
 * starting together do not race to create the extension) and returns whether it is in use.
 */
async function migrate(db: PgConnection, schema: string | null): Promise<boolean> {
  const session = await db.session();
  const runner: SqlRunner = { query: async <R extends Row>(sql: string, params: unknown[] = []) => (await session.query(sql, params)).rows as R[] };
  try {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (schema) await session.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await session.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const current = Number((await session.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version')).rows[0]?.v ?? 0);
    if (current > PG_MIGRATIONS.length) {
      throw new Error(`the database has schema version ${current}, newer than this program understands (${PG_MIGRATIONS.length}); update the bot`);
    }
    for (let version = current + 1; version <= PG_MIGRATIONS.length; version++) {
      await session.query('BEGIN');
      try {
        await session.query(PG_MIGRATIONS[version - 1]!);
        await session.query('INSERT INTO schema_version(version) VALUES ($1)', [version]);
        await session.query('COMMIT');
      } catch (error) {
        await session.query('ROLLBACK');
        throw error;
      }
    }
    if (!(await enablePgVector(runner))) return false;
    // A database that had vectors before pgvector was installed: index them now.
    const meta = new Map((await runner.query<{ key: string; value: string }>("SELECT key, value FROM meta WHERE key IN ('vector_model', 'vector_dim')")).map((r) => [r.key, r.value]));
    const model = meta.get('vector_model');
    const dim = Number(meta.get('vector_dim') ?? 0);
    if (model && dim > 0) {
      const [index] = await runner.query<{ name: string | null }>(`SELECT to_regclass('${PGVECTOR_INDEX}')::text AS name`);
      if (!index?.name) await preparePgVectorIndex(runner, { model, dim });
      await backfillPgVector(runner, model);
    }
    return true;
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    session.release();
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
