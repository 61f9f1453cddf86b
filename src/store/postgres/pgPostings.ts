import type { SqlRunner } from './pgDatabase.js';

/**
 * PostgreSQL's postings: each passage's index terms as a tsvector (full-text search), as
 * rows of `passage_terms` (term frequencies for BM25 over many matches) and as counts in
 * `vocabulary` (passages per term, like FTS5's vocabulary table). Written and removed with
 * the passages, in their transaction.
 */

/** A passage's terms as `termsVector` gives them. */
export type TermsVector = ReturnType<typeof termsVector>;

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
export function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Adds the postings of new passages (ids in the order of their terms) and counts their terms in the vocabulary. */
export async function addPostings(tx: SqlRunner, ids: number[], vectors: TermsVector[]): Promise<void> {
  const vocabulary = new Map<string, number>();
  for (const v of vectors) for (const term of v.distinct) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
  const postings = vectors.flatMap((v, i) => v.distinct.map((term, j) => ({ term, id: ids[i]!, tf: v.frequencies[j]!, length: v.count })));
  await tx.query('INSERT INTO passage_terms(term, passage_id, tf, term_count) SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[])', [
    postings.map((x) => x.term),
    postings.map((x) => x.id),
    postings.map((x) => x.tf),
    postings.map((x) => x.length),
  ]);
  // Rows locked in one order (term, C collation) by every writer, so concurrent writers never deadlock.
  await tx.query(
    `INSERT INTO vocabulary(term, passages) SELECT t.term, t.n FROM unnest($1::text[], $2::int[]) AS t(term, n) ORDER BY t.term COLLATE "C"
     ON CONFLICT (term) DO UPDATE SET passages = vocabulary.passages + excluded.passages`,
    [[...vocabulary.keys()], [...vocabulary.values()]],
  );
}

/** Removes the postings of deleted passages (by id, with their stored terms) and uncounts their terms. */
export async function removePostings(tx: SqlRunner, ids: number[], terms: string[]): Promise<void> {
  const counts = new Map<string, number>();
  const postings: Array<{ term: string; id: number }> = [];
  terms.forEach((passageTerms, i) => {
    for (const term of termsVector(passageTerms).distinct) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
      postings.push({ term, id: ids[i]! });
    }
  });
  await tx.query(
    'DELETE FROM passage_terms pt USING unnest($1::text[], $2::bigint[]) AS d(term, id) WHERE pt.term = d.term COLLATE "C" AND pt.passage_id = d.id',
    [postings.map((x) => x.term), postings.map((x) => x.id)],
  );
  const distinct = [...counts.keys()];
  // Locked in the same order as addPostings's upsert takes them (no deadlock between writers).
  await tx.query('SELECT term FROM vocabulary WHERE term = ANY($1::text[]) ORDER BY term COLLATE "C" FOR UPDATE', [distinct]);
  await tx.query('UPDATE vocabulary v SET passages = v.passages - d.n FROM unnest($1::text[], $2::int[]) AS d(term, n) WHERE v.term = d.term', [
    distinct,
    [...counts.values()],
  ]);
  await tx.query('DELETE FROM vocabulary WHERE term = ANY($1::text[]) AND passages <= 0', [distinct]);
}
