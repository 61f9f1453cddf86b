/**
 * How well a grouping of items (articles into stories) matches labelled groups (events).
 * Two views: pairwise (every pair of items put together, against every pair labelled
 * together), which ignores singletons and so is the stricter measure of grouping; and
 * B-cubed (per item: how much of its predicted group shares its label, and how much of its
 * label's group it was put with), which also credits keeping unrelated items apart.
 */

/** Item -> group id. Both maps must cover the same items (the labelled ones). */
export type Grouping = ReadonlyMap<string, string>;

export interface PairwiseScore {
  /** Pairs put in one group that are labelled one event, over pairs put in one group; null when no pair was grouped. */
  precision: number | null;
  /** Pairs labelled one event that were put in one group, over labelled pairs; null when no pair is labelled together. */
  recall: number | null;
  f1: number | null;
  predictedPairs: number;
  labelledPairs: number;
  correctPairs: number;
}

export interface BCubedScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface GroupingScore {
  pairwise: PairwiseScore;
  bcubed: BCubedScore;
}

/** Members of each group. */
export function groupsOf(grouping: Grouping): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [item, group] of grouping) groups.set(group, [...(groups.get(group) ?? []), item]);
  return groups;
}

const pairsIn = (size: number) => (size * (size - 1)) / 2;

const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores `predicted` against `labelled`; an item missing from `predicted` counts as alone. */
export function scoreGrouping(predicted: Grouping, labelled: Grouping): GroupingScore {
  const items = [...labelled.keys()];
  const predictedOf = (item: string) => predicted.get(item) ?? `\u0000alone:${item}`;
  const complete = new Map(items.map((item) => [item, predictedOf(item)]));
  // Pairs shared by a predicted group and a labelled group: count items per (predicted, label) cell.
  const cells = new Map<string, number>();
  for (const item of items) {
    const cell = `${complete.get(item)}\u0001${labelled.get(item)}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  const predictedGroups = groupsOf(complete);
  const labelledGroups = groupsOf(labelled);
  const correctPairs = [...cells.values()].reduce((sum, n) => sum + pairsIn(n), 0);
  const predictedPairs = [...predictedGroups.values()].reduce((sum, g) => sum + pairsIn(g.length), 0);
  const labelledPairs = [...labelledGroups.values()].reduce((sum, g) => sum + pairsIn(g.length), 0);
  const precision = predictedPairs === 0 ? null : correctPairs / predictedPairs;
  const recall = labelledPairs === 0 ? null : correctPairs / labelledPairs;
  const f1 = precision === null || recall === null ? null : f1Of(precision, recall);
  return {
    pairwise: { precision, recall, f1, predictedPairs, labelledPairs, correctPairs },
    bcubed: bcubed(items, complete, labelled, cells, predictedGroups, labelledGroups),
  };
}

function bcubed(
  items: string[],
  predicted: Grouping,
  labelled: Grouping,
  cells: Map<string, number>,
  predictedGroups: Map<string, string[]>,
  labelledGroups: Map<string, string[]>,
): BCubedScore {
  if (items.length === 0) return { precision: 1, recall: 1, f1: 1 };
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const shared = cells.get(`${predicted.get(item)}\u0001${labelled.get(item)}`)!;
    precision += shared / predictedGroups.get(predicted.get(item)!)!.length;
    recall += shared / labelledGroups.get(labelled.get(item)!)!.length;
  }
  precision /= items.length;
  recall /= items.length;
  return { precision, recall, f1: f1Of(precision, recall) };
}

export interface PairErrors {
  /** Pairs put in one group but labelled different events. */
  merged: Array<[string, string]>;
  /** Pairs labelled one event but put in different groups. */
  missed: Array<[string, string]>;
}

/** Every wrongly merged and every missed pair, each pair in the order the items are labelled. */
export function pairErrors(predicted: Grouping, labelled: Grouping): PairErrors {
  const errors: PairErrors = { merged: [], missed: [] };
  const items = [...labelled.keys()];
  const predictedOf = (item: string) => predicted.get(item) ?? `\u0000alone:${item}`;
  const pairsWithin = (groups: Map<string, string[]>) =>
    [...groups.values()].flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => [a, b] as [string, string])));
  const predictedGroups = groupsOf(new Map(items.map((item) => [item, predictedOf(item)])));
  for (const [a, b] of pairsWithin(predictedGroups)) if (labelled.get(a) !== labelled.get(b)) errors.merged.push([a, b]);
  for (const [a, b] of pairsWithin(groupsOf(labelled))) if (predictedOf(a) !== predictedOf(b)) errors.missed.push([a, b]);
  return errors;
}
