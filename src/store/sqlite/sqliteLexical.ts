import { ftsExpression, ftsPatterns } from '../ftsQuery.js';
import type { DateFilter } from '../../core/ports/knowledgeStore.js';
import { ChangeStampedCache } from '../rules/changeStampedCache.js';
import { buildLexiconInThread } from './lexiconBuild.js';
import { LexiconKeeper } from './lexiconKeeper.js';
import type { SqliteDatabase } from './sqliteDatabase.js';
import { SCOPED_PASSAGE_FILTER, SCOPED_WITH } from './sqliteMemberships.js';

/** A search scope as the lexical index takes it: its source ids (for FTS5) and its passage ids (for the in-memory index). */
export interface LexicalScope {
  sourceIds: string[];
  passageIds: () => Set<number>;
}

/**
 * SQLite's lexical index: FTS5 (always current), and in a long-running process an in-memory
 * copy of it (memoryLexicon.ts) used whenever it matches the store. Vocabulary figures are
 * cached until the store's generation moves (another process's ingest included).
 */
export class SqliteLexicalIndex {
  /** Set by keepInMemory(): long-running processes search an in-memory copy of the index. */
  private keeper: LexiconKeeper | null = null;
  /** Vocabulary look-ups and the passage count, by generation. */
  private readonly vocabulary = new ChangeStampedCache<string, number>(100_000);

  constructor(private readonly sqlite: SqliteDatabase) {}

  /**
   * From now on, searches without a date filter, term frequencies and vocabulary look-ups
   * use an in-memory inverted index whenever it matches the store; built now, rebuilt in the
   * background after the store changes. Resolves when the first build ends.
   */
  keepInMemory(log?: (message: string) => void): Promise<boolean> {
    this.keeper ??= new LexiconKeeper({ generation: () => this.sqlite.generation(), build: () => buildLexiconInThread(this.sqlite.path) }, log);
    return this.keeper.rebuild();
  }

  close(): void {
    this.keeper?.close();
  }

  /**
   * BM25 search for passages holding any of the word forms (stems; long ones also as
   * prefixes): passage ids best first with FTS5's bm25 (lower is better). With a scope only
   * its passages are candidates (inside the search: a small scope still gets `limit` hits);
   * term statistics stay the whole store's, as FTS5 keeps them.
   */
  search(forms: Iterable<string>, limit: number, dates: DateFilter = {}, scope?: LexicalScope): Array<{ id: number; bm25: number }> {
    const lexicon = dates.since || dates.until ? null : this.keeper?.current();
    if (lexicon) return lexicon.search(ftsPatterns(forms), limit, scope?.passageIds());
    const matchExpression = ftsExpression(forms);
    if (!matchExpression) return [];
    const clauses: string[] = [];
    const params: unknown[] = scope ? [JSON.stringify(scope.sourceIds), matchExpression] : [matchExpression];
    if (scope) clauses.push(SCOPED_PASSAGE_FILTER);
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
    return this.sqlite
      .statement(
        `${scope ? SCOPED_WITH : ''} SELECT passages_fts.rowid AS id, rank AS bm25 FROM passages_fts ${join}
       WHERE passages_fts MATCH ? ${where} ORDER BY rank LIMIT ?`,
      )
      .all(...params) as Array<{ id: number; bm25: number }>;
  }

  /**
   * For each group of forms, about how many passages contain any of its patterns (for IDF
   * weighting), read from the FTS vocabulary (or the in-memory index) instead of running the
   * query: a passage holding two matching forms is counted twice, which is harmless for a
   * weight and much faster. One staleness check for the whole question.
   */
  passageFrequencies(formGroups: Iterable<string>[]): number[] {
    const lexicon = this.keeper?.current();
    if (lexicon) {
      return formGroups.map((forms) =>
        Math.min(
          ftsPatterns(forms).reduce((sum, p) => sum + lexicon.documentFrequency(p), 0),
          lexicon.passageCount,
        ),
      );
    }
    const cache = this.vocabulary.at(this.sqlite.generation());
    const count = this.countedPassages(cache);
    return formGroups.map((forms) =>
      Math.min(
        ftsPatterns(forms).reduce((sum, p) => sum + this.patternFrequency(cache, p.term, p.prefix), 0),
        count,
      ),
    );
  }

  /** Passages holding a term (or any term with the prefix), from the FTS vocabulary. */
  private patternFrequency(cache: Map<string, number>, term: string, prefix: boolean): number {
    const key = `${prefix ? '*' : '='}${term}`;
    let n = cache.get(key);
    if (n === undefined) {
      const row = (
        prefix
          ? this.sqlite.statement('SELECT sum(doc) AS n FROM passages_vocab WHERE term >= ? AND term < ?').get(term, `${term}\uffff`)
          : this.sqlite.statement('SELECT sum(doc) AS n FROM passages_vocab WHERE term = ?').get(term)
      ) as { n: number | null };
      n = row.n ?? 0;
      cache.set(key, n);
    }
    return n;
  }

  /** The terms the index holds, of those asked (used to split compound words in questions; one staleness check for all). */
  knownTerms(terms: string[]): Set<string> {
    const lexicon = this.keeper?.current();
    if (lexicon) return new Set(terms.filter((term) => lexicon.has(term)));
    const cache = this.vocabulary.at(this.sqlite.generation());
    return new Set(
      terms.filter((term) => {
        const key = `?${term}`;
        let found = cache.get(key);
        if (found === undefined) {
          found = this.sqlite.statement('SELECT 1 FROM passages_vocab WHERE term = ?').get(term) !== undefined ? 1 : 0;
          cache.set(key, found);
        }
        return found === 1;
      }),
    );
  }

  passageCount(): number {
    const lexicon = this.keeper?.current();
    if (lexicon) return lexicon.passageCount;
    return this.countedPassages(this.vocabulary.at(this.sqlite.generation()));
  }

  /** The passage count, kept in the vocabulary cache: counting scans an index (1 ms at 100,000 passages) and every question asks. */
  private countedPassages(cache: Map<string, number>): number {
    let count = cache.get('#passages');
    if (count === undefined) {
      count = (this.sqlite.statement('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
      cache.set('#passages', count);
    }
    return count;
  }
}
