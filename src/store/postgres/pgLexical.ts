import { ftsPatterns } from '../ftsQuery.js';
import type { DateFilter } from '../../core/ports/knowledgeStore.js';
import type { PgChangeFeed } from './pgChanges.js';
import type { PgConnection } from './pgDatabase.js';
import { scopedDocumentsSql } from './pgMemberships.js';
import { quoteLexeme } from './pgPostings.js';

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

/** A search pattern with what BM25 needs: its idf, how many passages hold it, the lexemes it stands for. */
export interface ScoredPattern {
  term: string;
  prefix: boolean;
  idf: number;
  frequency: number;
  lexemes: string[];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * PostgreSQL's lexical index (pgPostings.ts): BM25 as FTS5 computes it (k1 1.2, b 0.75, the
 * same IDF) over the same word forms, and the vocabulary figures questions need, cached
 * until the change sequence moves.
 */
export class PgLexicalIndex {
  constructor(
    private readonly db: PgConnection,
    private readonly changes: PgChangeFeed,
  ) {}

  /**
   * BM25 (FTS5's k1 and b) over passages holding any of the forms, best first. Two exact ways
   * to the same ranking: a selective question is answered by full-text search (the GIN index
   * finds the passages, their tsvectors give the term frequencies); a question whose words
   * match many passages reads the postings table instead, whose index entries carry the
   * frequencies, rather than every matching passage. With scope source ids only passages of
   * the scope are ranked (inside the query: a small scope still gets `limit` hits).
   */
  async search(forms: string[], limit: number, dates: DateFilter = {}, scopeSourceIds?: string[]): Promise<Array<{ id: number }>> {
    const patterns = ftsPatterns(forms);
    if (patterns.length === 0 || limit <= 0) return [];
    const [total, averageLength] = await Promise.all([
      this.passageCount(),
      this.changes.cached('avgdl', async () => {
        const [row] = await this.db.query<{ avg: string | null }>('SELECT avg(term_count) AS avg FROM passages');
        return Number(row!.avg ?? 1) || 1;
      }),
    ]);
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
    return (await this.scoreBm25(way, scored, averageLength, limit, dates, scopeSourceIds)).map(({ id }) => ({ id }));
  }

  /** BM25 of the passages holding any pattern, by full-text search or from the postings (same result). */
  async scoreBm25(
    way: 'fulltext' | 'postings',
    patterns: ScoredPattern[],
    averageLength: number,
    limit: number,
    dates: DateFilter = {},
    scopeSourceIds?: string[],
  ): Promise<Array<{ id: number; score: number }>> {
    const lexemes = patterns.flatMap((p, i) => p.lexemes.map((lexeme) => ({ lexeme, pattern: i })));
    const params: unknown[] = [lexemes.map((l) => l.lexeme), lexemes.map((l) => l.pattern), patterns.map((p) => p.idf), averageLength, limit];
    const clauses: string[] = [];
    if (dates.since) clauses.push(`d.published >= $${params.push(dates.since)}`);
    if (dates.until) clauses.push(`substr(d.published, 1, 10) <= $${params.push(dates.until)}`);
    const dated = clauses.length > 0;
    if (scopeSourceIds) clauses.push(`c.document_id IN ${scopedDocumentsSql(`$${params.push(scopeSourceIds)}`)}`);
    const filtered = clauses.length > 0;
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
        WHERE c.tsv @@ ${query} ${filtered ? `AND ${clauses.join(' AND ')}` : ''}
        GROUP BY c.id, c.term_count, lex.pattern`;
    } else {
      frequencies = `SELECT pt.passage_id AS id, pt.term_count, lex.pattern, sum(pt.tf) AS n
        FROM lex JOIN passage_terms pt ON pt.term = lex.lexeme COLLATE "C"
        ${filtered ? `JOIN passages c ON c.id = pt.passage_id ${dated ? 'JOIN documents d ON d.id = c.document_id' : ''} WHERE ${clauses.join(' AND ')}` : ''}
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
    return this.changes.cached(`lexemes:${prefix}`, async () => {
      const rows = await this.db.query<{ term: string }>("SELECT term FROM vocabulary WHERE term LIKE $1 ESCAPE '\\' ORDER BY passages DESC LIMIT $2", [
        `${escapeLike(prefix)}%`,
        MAX_PREFIX_LEXEMES,
      ]);
      return rows.map((r) => r.term);
    });
  }

  /** Passages holding a term (or any term with the prefix), from the vocabulary like fts5vocab. */
  private patternFrequency(term: string, prefix: boolean): Promise<number> {
    return this.changes.cached(`${prefix ? '*' : '='}${term}`, async () => {
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
        return Math.min(
          total,
          counts.reduce((a, b) => a + b, 0),
        );
      }),
    );
  }

  async knownTerms(terms: string[]): Promise<Set<string>> {
    if (terms.length === 0) return new Set();
    const rows = await this.db.query<{ term: string }>('SELECT term FROM vocabulary WHERE term = ANY($1::text[])', [terms]);
    return new Set(rows.map((r) => r.term));
  }

  async passageCount(): Promise<number> {
    return this.changes.cached('passages', async () => Number((await this.db.query<{ n: string }>('SELECT count(*) AS n FROM passages'))[0]!.n));
  }
}
