import type { Section } from '../types.js';
import { formMatches, indexTerms, type QueryTerm } from '../text/terms.js';

/** Weight of a match through the cross-lingual lexicon relative to a direct stem match. */
const TRANSLATION_CREDIT = 0.8;

/** FTS5 expression matching any form of any query term (prefix match for long stems). */
export function ftsExpression(terms: QueryTerm[]): string | null {
  const forms = new Set(terms.flatMap((t) => [...t.stems, ...t.translations]));
  if (forms.size === 0) return null;
  const expression = new Set<string>();
  for (const f of forms) {
    expression.add(f.length >= 5 ? `"${f}"*` : `"${f}"`);
    // Also the stem without a leftover inflection ("beginnt" -> "begin*" finds "beginn").
    if (f.length >= 7 && !/\d/.test(f)) expression.add(`"${f.slice(0, -2)}"*`);
  }
  return [...expression].join(' OR ');
}

export function ftsExpressionForTerm(term: QueryTerm): string {
  return ftsExpression([term])!;
}

/** How well a text matches one query term: 1 direct, 0.8 via translation, 0 not at all. */
export function termCredit(term: QueryTerm, textTerms: readonly string[]): number {
  for (const t of textTerms) if (term.stems.some((f) => formMatches(f, t))) return 1;
  for (const t of textTerms) if (term.translations.some((f) => formMatches(f, t))) return TRANSLATION_CREDIT;
  return 0;
}

/**
 * Share of the question's information a text contains: IDF-weighted coverage of its
 * content terms in [0, 1]. Terms absent from the corpus weigh the most, so a question about
 * something the news never mentions cannot reach a high coverage.
 */
export function coverage(terms: QueryTerm[], weights: number[], text: string, language: string, section: Section = 'body'): number {
  if (terms.length === 0) return 0;
  const textTerms = indexTerms(text, language);
  let got = 0;
  let total = 0;
  terms.forEach((term, i) => {
    const w = weights[i] ?? 1;
    total += w;
    got += w * (term.aboutReaders && section === 'comment' ? 1 : termCredit(term, textTerms));
  });
  return total > 0 ? got / total : 0;
}
