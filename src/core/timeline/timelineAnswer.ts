import { DEFAULT_THRESHOLDS } from '../calibration/operatingPoint.js';
import type { Answer } from '../answer/types.js';
import { storiesOf } from '../answer/citations.js';
import type { KnowledgeStore } from '../ports/knowledgeStore.js';
import type { RetrievalOptions, RetrievalResult } from '../retrieval/retrieve.js';
import { composeTimeline } from './composeTimeline.js';
import type { Period } from './period.js';
import { hasSearchTerms, readTimeQuestion, topicWithoutTimeWords, type TimeQuestion } from './timeQuestion.js';
import { relevantReports, timelineStories } from './timelineStories.js';

/** Passages retrieved for a timeline (a question's answer needs 8; a timeline wants every story of the period). */
const TIMELINE_PASSAGES = 40;
/** Candidates taken from each search before the date filter and fusion. */
const TIMELINE_CANDIDATES = 200;
/** Lines of "the latest" (no period): the most recent stories, not everything ever reported. */
const LATEST_STORIES = 5;
/** Lines of a period: enough for a busy week, short enough to read in one or two messages. */
const PERIOD_STORIES = 10;

/** A timeline to compose: the question as read, and what to retrieve. */
export interface TimelineRequest {
  time: TimeQuestion;
  topic: string;
  /** A follow-up's own topic, weighed double within the earlier question's (RetrievalOptions.emphasis). */
  emphasis?: string;
}

/** What a timeline is composed from: retrieval as KnowledgeBase does it, and the store's story grouping. */
export interface TimelineSources {
  retrieve(question: string, options: RetrievalOptions): Promise<RetrievalResult>;
  store: Pick<KnowledgeStore, 'stories'>;
}

/**
 * Whether a question asks for a timeline (timeQuestion.ts), with its topic: the question's own,
 * or for a follow-up the standalone question without its time words ("and since Monday?"
 * after a question about the strike). Null when it is not time-shaped or has no topic to
 * search by ("what's new?"): such questions are answered as any other.
 */
export async function timelineRequest(question: string, options: { now?: Date; retrievalQuestion?: string } = {}): Promise<TimelineRequest | null> {
  const now = options.now ?? new Date();
  const time = await readTimeQuestion(question, now);
  if (!time) return null;
  if (options.retrievalQuestion) {
    const topic = await topicWithoutTimeWords(options.retrievalQuestion, time.language, now);
    if (hasSearchTerms(topic)) return { time, topic, ...(hasSearchTerms(time.topic) ? { emphasis: time.topic } : {}) };
  }
  return hasSearchTerms(time.topic) ? { time, topic: time.topic } : null;
}

/** The period in force: --since/--until (RetrievalOptions) when given, else the question's. */
function periodInForce(time: TimeQuestion, options: RetrievalOptions): Period {
  if (!options.since && !options.until) return time.period;
  return { ...(options.since ? { since: options.since } : {}), ...(options.until ? { until: options.until } : {}) };
}

/**
 * A timeline answer, composed offline in every answer mode (dated lines with citations are
 * what was asked for): the topic retrieved within the period, the passages that pass the
 * answer gate's evidence, undated articles left off, one line per story of the store, newest first.
 */
export async function answerTimeline(request: TimelineRequest, sources: TimelineSources, options: RetrievalOptions = {}): Promise<Answer> {
  const period = periodInForce(request.time, options);
  const retrieval = await sources.retrieve(request.topic, {
    ...options,
    since: period.since,
    until: period.until,
    k: TIMELINE_PASSAGES,
    candidates: TIMELINE_CANDIDATES,
    ...(request.emphasis ? { emphasis: request.emphasis } : {}),
  });
  const thresholds = retrieval.gate?.thresholds ?? DEFAULT_THRESHOLDS;
  const { dated, undatedArticles } = relevantReports(retrieval.passages, retrieval.vectorScale, thresholds, period);
  // In a scope only its articles and outlets are counted and named (as citations' stories are); retrieval has read them already.
  const stories = await storiesOf(
    dated.map((p) => p.documentId),
    sources.store,
    options.scope,
    retrieval.stories,
  );
  const limit = period.since || period.until ? PERIOD_STORIES : LATEST_STORIES;
  const language = request.time.language;
  return composeTimeline({ retrieval, stories: timelineStories(dated, stories, language, limit), period, undatedArticles, language });
}
