import type { BCubedScore, Grouping, PairwiseScore } from './groupingScore.js';
import { groupsOf, pairErrors, scoreGrouping } from './groupingScore.js';
import { importStories } from './importStories.js';
import type { LabelledArticle, StoryDataset } from './storyDataset.js';
import type { StoryVectors } from './storyVectors.js';

/** An article of an error pair as the report shows it, with the story the store gave it. */
export interface ArticleView extends LabelledArticle {
  story: string | null;
}

export interface StoryEvalReport {
  vectors: { asked: string; model: string | null; note: string | null };
  articles: number;
  /** Lines the importer skipped (bad records); they count as stories of their own. */
  skipped: Array<{ line: number; reason: string }>;
  labelledEvents: number;
  multiArticleEvents: number;
  predictedStories: number;
  multiArticleStories: number;
  pairwise: PairwiseScore;
  bcubed: BCubedScore;
  /** Examples of pairs put in one story though labelled different events, and of pairs missed. */
  wronglyMerged: Array<[ArticleView, ArticleView]>;
  missed: Array<[ArticleView, ArticleView]>;
  /** Source -> the story (head document id) the store gave it, null when it was not stored. */
  stories: Record<string, string | null>;
  seconds: number;
}

/**
 * Imports a labelled dataset into a fresh store in `workDir` and scores the stories the
 * store forms against the labelled events; `worst` error pairs of each kind are kept.
 */
export async function runStoryEval(dataset: StoryDataset, vectors: StoryVectors, workDir: string, worst: number): Promise<StoryEvalReport> {
  const started = Date.now();
  const { storyOf, summary } = await importStories(dataset.lines, vectors.loaded, workDir);
  const labelled: Grouping = new Map([...dataset.articles].map(([source, a]) => [source, a.event]));
  // Only labelled articles are scored; one the store did not keep stands alone.
  const predicted: Grouping = new Map([...dataset.articles.keys()].map((source) => [source, storyOf.get(source) ?? `lost:${source}`]));
  const { pairwise, bcubed } = scoreGrouping(predicted, labelled);
  const errors = pairErrors(predicted, labelled);
  const view = (source: string): ArticleView => ({ ...dataset.articles.get(source)!, story: storyOf.get(source) ?? null });
  const events = [...groupsOf(labelled).values()];
  const stories = [...groupsOf(predicted).values()];
  return {
    vectors: { asked: vectors.asked, model: vectors.model, note: vectors.note },
    articles: dataset.articles.size,
    skipped: summary.skipped,
    labelledEvents: events.length,
    multiArticleEvents: events.filter((g) => g.length > 1).length,
    predictedStories: stories.length,
    multiArticleStories: stories.filter((g) => g.length > 1).length,
    pairwise,
    bcubed,
    wronglyMerged: spread(errors.merged, (a) => predicted.get(a)!, worst).map(([a, b]) => [view(a), view(b)]),
    missed: spread(errors.missed, (a) => labelled.get(a)!, worst).map(([a, b]) => [view(a), view(b)]),
    stories: Object.fromEntries([...dataset.articles.keys()].map((source) => [source, storyOf.get(source) ?? null])),
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * Up to `count` pairs taken one group at a time (a pair from each group, then a second
 * from each...), so one large wrong merge does not fill the whole list of examples.
 */
export function spread(pairs: Array<[string, string]>, groupOf: (item: string) => string, count: number): Array<[string, string]> {
  const byGroup = new Map<string, Array<[string, string]>>();
  for (const pair of pairs) byGroup.set(groupOf(pair[0]), [...(byGroup.get(groupOf(pair[0])) ?? []), pair]);
  const queues = [...byGroup.values()];
  const picked: Array<[string, string]> = [];
  for (let round = 0; picked.length < count && queues.some((q) => q.length > round); round++)
    for (const queue of queues) if (queue[round] && picked.length < count) picked.push(queue[round]!);
  return picked;
}
