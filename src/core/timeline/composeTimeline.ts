import { DEFAULT_THRESHOLDS } from '../calibration/operatingPoint.js';
import { CitationRegistry, toAnswerPassages } from '../answer/citations.js';
import { decideGate } from '../answer/gate.js';
import { phrasesFor } from '../answer/phrases.js';
import type { Answer } from '../answer/types.js';
import type { RetrievalResult } from '../retrieval/retrieve.js';
import { collapseWhitespace } from '../text/normalize.js';
import { leadSentence } from '../text/leadSentence.js';
import type { Period } from './period.js';
import { timelinePhrases, type TimelinePhrases } from './timelinePhrases.js';
import { withinPeriod, type TimelineStory } from './timelineStories.js';

/** Outlets named on a line before the rest is counted ("A, B, C, +4"). */
const NAMED_OUTLETS = 3;
/** A lead sentence longer than this is cut at a word (a line per story, not a paragraph). */
const MAX_LEAD_CHARS = 240;

export interface TimelineInput {
  retrieval: RetrievalResult;
  stories: TimelineStory[];
  period: Period;
  /** Relevant articles without a stated date, left off the timeline. */
  undatedArticles: number;
  language: string;
}

/**
 * Text from an article on one line of the bot's own: whitespace collapsed (a title cannot add
 * lines) and its bracketed numbers turned into (n), so they never read as this answer's markers.
 */
function oneLine(text: string): string {
  return collapseWhitespace(text).replace(/\[(\d{1,3})\]/g, '($1)');
}

/** "Harbour Herald, Corriere del Porto (2 outlets)", "Harbour Herald", or nothing without outlet names. */
function outletsText(outlets: string[], phrases: TimelinePhrases): string {
  if (outlets.length === 0) return '';
  const named = outlets.slice(0, NAMED_OUTLETS).map(oneLine);
  const rest = outlets.length - named.length;
  const names = [...named, ...(rest > 0 ? [`+${rest}`] : [])].join(', ');
  return outlets.length > 1 ? `${names} (${phrases.outlets(outlets.length)})` : names;
}

/** The timeline's text: a heading, one dated line per story with its [n] marker, and the undated articles left off. */
function timelineText(input: TimelineInput, registry: CitationRegistry, phrases: TimelinePhrases): string {
  const period = phrases.period(input.period) || null;
  const lines = input.stories.map(({ passage, published, story }) => {
    const lead = oneLine(leadSentence(passage.text, passage.document.language, MAX_LEAD_CHARS));
    const n = registry.cite(passage, lead);
    const outlets = outletsText(story.outlets, phrases);
    return `${published.slice(0, 10)} — ${phrases.quoted(oneLine(passage.document.title))}${outlets ? ` — ${outlets}` : ''}: ${lead} [${n}]`;
  });
  const undated = input.undatedArticles > 0 ? [phrases.undated(input.undatedArticles)] : [];
  if (lines.length === 0) return [period ? phrases.noneInPeriod(period) : phrasesFor(input.language).noAnswer, ...undated].join('\n\n');
  return [[phrases.heading(period), ...lines].join('\n'), ...undated].join('\n\n');
}

/**
 * A timeline as an answer: `shape: 'timeline'`, its text, its citations (one per line, in
 * line order, each with its story) and its entries; or the honest no-answer naming the period
 * when no relevant dated report falls within it.
 */
export function composeTimeline(input: TimelineInput): Answer {
  const phrases = timelinePhrases(input.language);
  const registry = new CitationRegistry();
  const answer = timelineText(input, registry, phrases);
  const citations = registry.list().map((c, i) => ({ ...c, story: input.stories[i]!.story }));
  const { retrieval } = input;
  const { thresholds, origin } = retrieval.gate ?? { thresholds: DEFAULT_THRESHOLDS, origin: 'default' as const };
  const inPeriod = retrieval.passages.filter((p) => p.document.published && withinPeriod(p.document.published, input.period));
  const evidence = decideGate(inPeriod, retrieval.vectorScale, thresholds, origin);
  const answered = input.stories.length > 0;
  // The reason is for operators (ask --json), in English like the gate's.
  const where = timelinePhrases('en').period(input.period);
  const weighed = evidence.reason.replace(/^(declined|answered by \w+): /, '');
  const reason = answered
    ? `timeline: ${input.stories.length} stor${input.stories.length === 1 ? 'y' : 'ies'} with relevant dated reports${where ? ` ${where}` : ''}`
    : `declined: no relevant dated report${where ? ` ${where}` : ''} (dated passages: ${weighed})`;
  return {
    answer,
    citations,
    passages: toAnswerPassages(retrieval.passages, retrieval.vectorScale),
    noAnswer: !answered,
    mode: 'extractive',
    retrieval: retrieval.mode,
    language: input.language,
    decision: { ...evidence, answered, reason },
    shape: 'timeline',
    timeline: citations.map((c, i) => ({
      published: input.stories[i]!.published,
      title: c.title,
      outlets: input.stories[i]!.story.outlets,
      source: c.source,
    })),
  };
}
