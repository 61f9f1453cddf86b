import { CROSS_LANGUAGE_NAMES_SIMILARITY, MIN_IDF_ARTICLES, NAMES_SIMILARITY, WORDS_SIMILARITY } from './storyParameters.js';

/** Names and numbers (eventTerms.ts): the terms spelled alike in every language. */
export function crossesLanguages(term: string): boolean {
  return term.startsWith('n:') || term.startsWith('#:');
}

/**
 * Each term's weight over a set of articles (the new one and those of its week): smoothed IDF,
 * log(1 + N / df), N at least MIN_IDF_ARTICLES. Counted over the articles of the week, so what
 * these days' news all say weighs little and what one event's reports share much.
 */
export function termWeights(articles: ReadonlyArray<readonly string[]>): Map<string, number> {
  const df = new Map<string, number>();
  for (const terms of articles) for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = Math.max(articles.length, MIN_IDF_ARTICLES);
  return new Map([...df].map(([term, count]) => [term, Math.log(1 + n / count)]));
}

/**
 * How strongly two articles' terms say they report one event, as a share of what is needed
 * (1 or more: the same event). Two measures, each with its own threshold: the weighted cosine
 * of all their terms (same language only: other words of two languages cannot meet), and the
 * weighted cosine of their names and numbers alone (a report written differently still names
 * the same people, places and figures; the only measure across languages).
 */
export function eventEvidence(a: readonly string[], b: readonly string[], weights: Map<string, number>, sameLanguage: boolean): number {
  const names = weightedCosine(a.filter(crossesLanguages), b.filter(crossesLanguages), weights);
  if (!sameLanguage) return names / CROSS_LANGUAGE_NAMES_SIMILARITY;
  return Math.max(names / NAMES_SIMILARITY, weightedCosine(a, b, weights) / WORDS_SIMILARITY);
}

/** The cosine of two term sets, each term weighted. */
function weightedCosine(a: readonly string[], b: readonly string[], weights: Map<string, number>): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  let normLeft = 0;
  let normRight = 0;
  for (const term of left) {
    const w = (weights.get(term) ?? 0) ** 2;
    normLeft += w;
    if (right.has(term)) shared += w;
  }
  for (const term of right) normRight += (weights.get(term) ?? 0) ** 2;
  return normLeft > 0 && normRight > 0 ? shared / Math.sqrt(normLeft * normRight) : 0;
}

/** Cosine of two vectors (0 when either is all zeros or their lengths differ). */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
