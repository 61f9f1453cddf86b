import type { Section } from '../types.js';
import { formMatches, indexTerms, type QueryTerm } from '../text/terms.js';

/** Weight of a match through a variant (a part of a compound) relative to a direct stem match. */
const VARIANT_CREDIT = 0.8;

/** How well one index term stands for a query term: 1 by a stem, 0.8 by a compound part, 0 not at all. */
export function indexTermCredit(term: QueryTerm, indexTerm: string): number {
  if (term.stems.some((f) => formMatches(f, indexTerm))) return 1;
  return term.variants.some((f) => formMatches(f, indexTerm)) ? VARIANT_CREDIT : 0;
}

/** How well a text matches one query term: its best-matching index term's credit. */
export function termCredit(term: QueryTerm, textTerms: readonly string[]): number {
  for (const t of textTerms) if (term.stems.some((f) => formMatches(f, t))) return 1;
  for (const t of textTerms) if (term.variants.some((f) => formMatches(f, t))) return VARIANT_CREDIT;
  return 0;
}

/**
 * Share of the question's information a text contains: IDF-weighted coverage of its
 * content terms in [0, 1]. Terms absent from the corpus weigh the most, so a question about
 * something the news never mentions cannot reach a high coverage.
 */
export function coverage(terms: QueryTerm[], weights: number[], text: string, language: string, section: Section = 'body'): number {
  return termCoverage(terms, weights, indexTerms(text, language), section);
}

/** coverage() over index terms already computed (the store keeps each passage's terms). */
export function termCoverage(terms: QueryTerm[], weights: number[], textTerms: readonly string[], section: Section = 'body'): number {
  if (terms.length === 0) return 0;
  let got = 0;
  let total = 0;
  terms.forEach((term, i) => {
    const w = weights[i] ?? 1;
    total += w;
    got += w * (term.aboutReaders && section === 'comment' ? 1 : termCredit(term, textTerms));
  });
  return total > 0 ? got / total : 0;
}
