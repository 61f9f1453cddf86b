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

/** Folds repeats of a question (case, accents, punctuation, spacing) and gives each distinct one its concepts. */
function distinctQuestions(questions: readonly string[]): Distinct[] {
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
  return [...byKey.values()].map((e) => ({ ...e, concepts: new Set(e.stems.map((stems) => concepts.id(stems[0]!, ids))) }));
}

/**
 * Whether two questions ask about the same thing, by their content terms: they share at least
 * half of the shorter one's terms, and at least two of them unless the shorter has only one
 * (one shared word such as "won" or "price" does not make "who won the election" and "who won
 * the cup" one gap). Questions without content terms only meet their own repeats.
 */
export function sameSubject(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return false;
  let shared = 0;
  for (const concept of a) if (b.has(concept)) shared++;
  return shared * 2 >= smaller && (shared >= 2 || smaller === 1);
}

/**
 * Groups declined questions (newest first) into coverage gaps, largest first. Star grouping
 * rather than chains of resemblances: the question that the most others resemble (repeats
 * counted) leads a group with every ungrouped question resembling it, then the next, so two
 * unrelated questions never end up together through a third that shares a word with each.
 */
export function coverageGaps(questions: readonly string[], limit: number): CoverageGap[] {
  const distinct = distinctQuestions(questions);
  const neighbours = distinct.map((q, i) => distinct.flatMap((other, j) => (i !== j && sameSubject(q.concepts, other.concepts) ? [j] : [])));
  const grouped = new Set<number>();
  const gaps: Array<CoverageGap & { newest: number }> = [];
  const weight = (i: number) => distinct[i]!.count + neighbours[i]!.filter((j) => !grouped.has(j)).reduce((sum, j) => sum + distinct[j]!.count, 0);
  // Most resembled first; on a tie the most repeated, then the most recently asked.
  const leads = (i: number, j: number) => weight(i) - weight(j) || distinct[i]!.count - distinct[j]!.count || distinct[j]!.newest - distinct[i]!.newest;
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
