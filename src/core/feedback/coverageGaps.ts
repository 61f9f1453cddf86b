import { collapseWhitespace, foldText, wordTokens } from '../text/normalize.js';
import { queryTerms } from '../text/terms.js';

/** A group of similar questions the bot declined: what an operator covers by adding sources. */
export interface CoverageGap {
  /** How many declined questions the group holds (repeats counted). */
  size: number;
  /** The question standing for the group: the one most others resemble, as last asked. */
  representative: string;
  /** The group's distinct questions, representative first. */
  questions: string[];
}

/** A distinct question (repeats folded together) with its content terms as concept ids. */
interface Distinct {
  text: string;
  count: number;
  /** Position of its newest asking (the input is newest first). */
  newest: number;
  concepts: Set<number>;
}

/**
 * How distinctive a content term is, from its stems in every language: the knowledge base's
 * inverse document frequency (see termWeights), so words the news uses everywhere ("latest",
 * "news", "today") weigh little and the words of an uncovered subject, which the news lacks,
 * weigh most. Without it every term weighs the same.
 */
export type TermWeight = (stems: string[]) => number;

/** Each content term of the questions, as its stems in every supported language (what a TermWeight is asked about). */
export function contentTerms(questions: readonly string[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const question of questions) for (const term of queryTerms(question)) seen.set(term.stems.join(' '), term.stems);
  return [...seen.values()];
}

/** A TermWeight from passage frequencies: BM25's inverse document frequency, positive for any frequency. */
export function idfWeights(terms: string[][], frequencies: number[], passages: number): TermWeight {
  const weights = new Map(terms.map((stems, i) => [stems.join(' '), Math.log(1 + (passages - frequencies[i]! + 0.5) / (frequencies[i]! + 0.5))]));
  return (stems) => weights.get(stems.join(' ')) ?? 1;
}

/**
 * Content terms as concepts: a word's stems in every supported language name the same concept,
 * and two words sharing a stem in any language are one concept ("elections"/"election",
 * "Wahl"/"Wahlen"), so variants of a question meet whatever language it was asked in.
 */
class Concepts {
  private readonly parent = new Map<string, string>();

  add(stems: string[]): void {
    for (const stem of stems) this.union(stems[0]!, stem);
  }

  id(stem: string, ids: Map<string, number>): number {
    const root = this.find(stem);
    if (!ids.has(root)) ids.set(root, ids.size);
    return ids.get(root)!;
  }

  private find(stem: string): string {
    let root = stem;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(stem, root);
    return root;
  }

  private union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Folds repeats of a question (case, accents, punctuation, spacing) and gives each distinct one its concepts, and each concept its weight. */
function distinctQuestions(questions: readonly string[], weightOf: TermWeight): { distinct: Distinct[]; weights: number[] } {
  const byKey = new Map<string, { text: string; count: number; newest: number; stems: string[][] }>();
  for (const [index, question] of questions.entries()) {
    const key = wordTokens(foldText(question)).join(' ');
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { text: collapseWhitespace(question), count: 1, newest: index, stems: queryTerms(question).map((t) => t.stems) });
  }
  const concepts = new Concepts();
  for (const entry of byKey.values()) for (const stems of entry.stems) concepts.add(stems);
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const distinct = [...byKey.values()].map((e) => {
    const conceptIds = e.stems.map((stems) => {
      const id = concepts.id(stems[0]!, ids);
      // A concept joining several words weighs as its most common one.
      weights[id] = Math.min(weights[id] ?? Infinity, weightOf(stems));
      return id;
    });
    return { text: e.text, count: e.count, newest: e.newest, concepts: new Set(conceptIds) };
  });
  return { distinct, weights };
}

/**
 * Whether two questions ask about the same thing, by their content terms: the terms they share
 * weigh at least half of the lighter question's terms, and they share at least two terms unless
 * one question has only one (one shared word such as "won" does not make "who won the election"
 * and "who won the cup" one gap; two common ones such as "latest news" weigh too little to make
 * one of "latest news on the election" and "latest news on the cup"). Questions without
 * content terms only meet their own repeats.
 */
export function sameSubject(a: ReadonlySet<number>, b: ReadonlySet<number>, weight: (concept: number) => number = () => 1): boolean {
  if (Math.min(a.size, b.size) === 0) return false;
  let shared = 0;
  let sharedWeight = 0;
  for (const concept of a) {
    if (!b.has(concept)) continue;
    shared++;
    sharedWeight += weight(concept);
  }
  const total = (set: ReadonlySet<number>) => [...set].reduce((sum, concept) => sum + weight(concept), 0);
  return sharedWeight * 2 >= Math.min(total(a), total(b)) && (shared >= 2 || Math.min(a.size, b.size) === 1);
}

/**
 * Groups declined questions (newest first) into coverage gaps, largest first. Star grouping
 * rather than chains of resemblances: the question that the most others resemble (repeats
 * counted) leads a group with every ungrouped question resembling it, then the next, so two
 * unrelated questions never end up together through a third that shares a word with each.
 */
export function coverageGaps(questions: readonly string[], limit: number, weightOf: TermWeight = () => 1): CoverageGap[] {
  const { distinct, weights } = distinctQuestions(questions, weightOf);
  const weight = (concept: number) => weights[concept]!;
  const neighbours = distinct.map((q, i) => distinct.flatMap((other, j) => (i !== j && sameSubject(q.concepts, other.concepts, weight) ? [j] : [])));
  const grouped = new Set<number>();
  const gaps: Array<CoverageGap & { newest: number }> = [];
  const pull = (i: number) => distinct[i]!.count + neighbours[i]!.filter((j) => !grouped.has(j)).reduce((sum, j) => sum + distinct[j]!.count, 0);
  // Most resembled first; on a tie the most repeated, then the most recently asked.
  const leads = (i: number, j: number) => pull(i) - pull(j) || distinct[i]!.count - distinct[j]!.count || distinct[j]!.newest - distinct[i]!.newest;
  while (grouped.size < distinct.length) {
    let leader = -1;
    for (let i = 0; i < distinct.length; i++) {
      if (grouped.has(i)) continue;
      if (leader < 0 || leads(i, leader) > 0) leader = i;
    }
    const members = [leader, ...neighbours[leader]!.filter((j) => !grouped.has(j))];
    for (const m of members) grouped.add(m);
    gaps.push({
      size: members.reduce((sum, m) => sum + distinct[m]!.count, 0),
      representative: distinct[leader]!.text,
      questions: members.map((m) => distinct[m]!.text),
      newest: Math.min(...members.map((m) => distinct[m]!.newest)),
    });
  }
  gaps.sort((a, b) => b.size - a.size || a.newest - b.newest);
  return gaps.slice(0, limit).map(({ newest: _newest, ...gap }) => gap);
}
