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
 * How strongly another article's terms say it reports the same event as this one, as a share
 * of what is needed (1 or more: the same event). Two measures, each with its own threshold:
 * the weighted cosine of all their terms (same language only: other words of two languages
 * cannot meet), and the weighted cosine of their names and numbers alone (a report written
 * differently still names the same people, places and figures; the only measure across
 * languages). The article's own side is prepared once and compared with every candidate.
 */
export class EventComparison {
  private readonly own: Set<string>;
  private readonly ownAll: number;
  private readonly ownNames: number;

  constructor(
    terms: readonly string[],
    private readonly weights: Map<string, number>,
  ) {
    this.own = new Set(terms);
    let all = 0;
    let names = 0;
    for (const term of this.own) {
      const w = (weights.get(term) ?? 0) ** 2;
      all += w;
      if (crossesLanguages(term)) names += w;
    }
    this.ownAll = all;
    this.ownNames = names;
  }

  /** How many names and numbers the two share, and the evidence (eventEvidence's scale). */
  compare(theirs: Iterable<string>, sameLanguage: boolean): { sharedNames: number; evidence: number } {
    let all = 0;
    let names = 0;
    let sharedAll = 0;
    let sharedNames = 0;
    let sharedNameCount = 0;
    for (const term of theirs) {
      const w = (this.weights.get(term) ?? 0) ** 2;
      const mine = this.own.has(term);
      all += w;
      if (mine) sharedAll += w;
      if (!crossesLanguages(term)) continue;
      names += w;
      if (mine) {
        sharedNames += w;
        sharedNameCount++;
      }
    }
    const namesCosine = cosineOfNorms(sharedNames, this.ownNames, names);
    if (!sameLanguage) return { sharedNames: sharedNameCount, evidence: namesCosine / CROSS_LANGUAGE_NAMES_SIMILARITY };
    const evidence = Math.max(namesCosine / NAMES_SIMILARITY, cosineOfNorms(sharedAll, this.ownAll, all) / WORDS_SIMILARITY);
    return { sharedNames: sharedNameCount, evidence };
  }
}

/** A cosine from the weight shared and each side's squared norm. */
function cosineOfNorms(shared: number, left: number, right: number): number {
  return left > 0 && right > 0 ? shared / Math.sqrt(left * right) : 0;
}
