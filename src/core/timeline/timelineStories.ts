import { passesGate, type GateThresholds } from '../calibration/operatingPoint.js';
import type { VectorScale } from '../calibration/vectorCalibration.js';
import { passageEvidence } from '../answer/gate.js';
import type { StoryInfo } from '../ports/knowledgeStore.js';
import type { ScoredPassage } from '../retrieval/retrieve.js';
import type { Period } from './period.js';

/** One story on a timeline: the article cited for it, the passage its lead comes from, the story as the store groups it. */
export interface TimelineStory {
  passage: ScoredPassage;
  published: string;
  story: StoryInfo;
}

/** The retrieved passages a timeline may use, and the undated ones it may not. */
export interface RelevantReports {
  /** Article text (not reader comments) that passes the answer gate's evidence, published within the period. */
  dated: ScoredPassage[];
  /** Articles as relevant that state no date: never on a timeline. */
  undatedArticles: number;
}

/** Within the period, by calendar day (as retrieval's --since/--until filter compares). */
export function withinPeriod(published: string, period: Period): boolean {
  const day = published.slice(0, 10);
  return (!period.since || day >= period.since) && (!period.until || day <= period.until);
}

/**
 * The passages relevant enough for the answer gate one by one (its words or, with a model
 * that separates on this store, its meaning: gate.ts), split into dated ones within the period
 * and undated articles, which are counted but never placed as if dated.
 */
export function relevantReports(passages: ScoredPassage[], scale: VectorScale | null | undefined, thresholds: GateThresholds, period: Period): RelevantReports {
  const relevant = passages.filter((p) => {
    if (p.section !== 'body') return false;
    const evidence = passageEvidence(p, scale);
    return passesGate({ bestRelevance: evidence.relevance, bestMargin: evidence.margin }, thresholds);
  });
  const dated = relevant.filter((p) => p.document.published && withinPeriod(p.document.published, period));
  const undated = new Set(relevant.filter((p) => !p.document.published).map((p) => p.documentId));
  return { dated, undatedArticles: undated.size };
}

const time = (published: string) => Date.parse(published) || 0;

/**
 * One entry per story (as `store.stories` groups the articles), newest first, at most `limit`.
 * A story is dated and cited by its first report in the period (the day it broke, or the
 * period's first day of it), preferring an article in the asker's language that day, then the
 * more relevant one; its lead is the cited article's earliest retrieved passage.
 */
export function timelineStories(dated: ScoredPassage[], stories: Map<number, StoryInfo>, language: string, limit: number): TimelineStory[] {
  const rank = new Map(dated.map((p, i) => [p, i]));
  const byStory = new Map<number, ScoredPassage[]>();
  for (const p of dated) {
    const id = stories.get(p.documentId)?.id ?? p.documentId;
    byStory.set(id, [...(byStory.get(id) ?? []), p]);
  }
  const entries = [...byStory.values()].map((passages) => {
    const first = [...passages].sort(
      (a, b) =>
        a.document.published!.slice(0, 10).localeCompare(b.document.published!.slice(0, 10)) ||
        Number(b.document.language === language) - Number(a.document.language === language) ||
        rank.get(a)! - rank.get(b)!,
    )[0]!;
    const lead = passages.filter((p) => p.documentId === first.documentId).sort((a, b) => a.position - b.position)[0]!;
    const story = stories.get(first.documentId) ?? { id: first.documentId, articles: 1, outlets: first.document.outlet ? [first.document.outlet] : [] };
    return { passage: lead, published: first.document.published!, story, rank: rank.get(first)! };
  });
  entries.sort((a, b) => time(b.published) - time(a.published) || a.rank - b.rank);
  return entries.slice(0, limit).map(({ passage, published, story }) => ({ passage, published, story }));
}
