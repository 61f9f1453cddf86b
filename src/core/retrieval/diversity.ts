import { foldText, wordTokens } from '../text/normalize.js';

/** A text's word 3-grams (its words when shorter): what near-duplicate passages share. */
export function wordShingles(text: string): Set<string> {
  const words = wordTokens(foldText(text));
  const set = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) set.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (set.size === 0) for (const w of words) set.add(w);
  return set;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/**
 * Picks results in score order, skipping near-duplicates (the same wire story in two
 * outlets, overlapping chunks) and capping passages per article, so the answer can draw on
 * several sources instead of five copies of one.
 */
/** Passages sharing more than this share of their word 3-grams are the same text (a republished story, overlapping chunks). */
export const NEAR_DUPLICATE_SIMILARITY = 0.6;

export function diversify<T extends { text: string; documentId: number }>(
  ranked: T[],
  k: number,
  options = { maxPerDocument: 3, maxSimilarity: NEAR_DUPLICATE_SIMILARITY },
): T[] {
  const chosen: Array<{ item: T; shingles: Set<string> }> = [];
  const perDocument = new Map<number, number>();
  const deferred: T[] = [];
  for (const item of ranked) {
    if (chosen.length >= k) break;
    const own = wordShingles(item.text);
    if (chosen.some((c) => jaccard(c.shingles, own) > options.maxSimilarity)) continue;
    if ((perDocument.get(item.documentId) ?? 0) >= options.maxPerDocument) {
      deferred.push(item);
      continue;
    }
    perDocument.set(item.documentId, (perDocument.get(item.documentId) ?? 0) + 1);
    chosen.push({ item, shingles: own });
  }
  // Only when there is nothing else do extra passages of an already cited article fill the list.
  for (const item of deferred) if (chosen.length < k) chosen.push({ item, shingles: new Set() });
  return chosen.map((c) => c.item);
}
