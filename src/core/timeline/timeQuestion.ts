import { detectLanguage, SUPPORTED_LANGUAGES } from '../text/language.js';
import { collapseWhitespace } from '../text/normalize.js';
import { queryTerms } from '../text/terms.js';
import { CUES, lowerCaseWholeWords, wholeWords } from './cues.js';
import { readPeriod, type Period } from './period.js';

/** A question asking for news over a period (or the latest news), read in one language. */
export interface TimeQuestion {
  /** The language its words were read in (the dates' parser and the fixed phrases). */
  language: string;
  /** The question without its time words: what to retrieve. */
  topic: string;
  /** The period it names; empty for "the latest", which has no lower bound. */
  period: Period;
  /** No period named: the most recent stories. */
  latest: boolean;
}

/** Quotes and apostrophes unified (’ ‘ ʼ ´ `), one character each, so positions stay. */
function unifyApostrophes(text: string): string {
  return text.replace(/[’‘ʼ´`]/g, "'");
}

/**
 * Whether any cue is in the text. Every question is read against every language's cues, so
 * this is on the path of every answer: one alternation per list, matched case-sensitively on
 * the lower-cased text (cues are written in lower case), because compiling a case-insensitive
 * Unicode expression costs several milliseconds each (about 40 ms of a cold `npm run ask`).
 */
function matchesAny(text: string, sources: string[]): boolean {
  return lowerCaseWholeWords(sources.join('|')).test(text.toLowerCase());
}

function removeAll(text: string, sources: string[]): string {
  return sources.reduce((rest, source) => rest.replace(wholeWords(source), ' '), text);
}

/** Positions blanked out, so cue words found later cannot run across a removed period. */
function blank(text: string, spans: Array<[number, number]>): string {
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/** What stays of a text without its period and cue words: the topic, punctuation at its ends dropped. */
function topicOf(rest: string, language: string): string {
  const cues = CUES[language]!;
  return collapseWhitespace(removeAll(removeAll(rest, [...cues.news, ...cues.events]), cues.residue))
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .trim();
}

/**
 * The question read in one language: time-shaped when it asks for news (a news cue), or asks
 * what happened (an events cue) over a period it names; null otherwise (cues.ts).
 */
async function readIn(question: string, language: string, now: Date): Promise<TimeQuestion | null> {
  const cues = CUES[language];
  if (!cues || !matchesAny(question, [...cues.news, ...cues.events])) return null;
  const reading = await readPeriod(question, language, now);
  const rest = reading ? blank(question, reading.spans) : question;
  const news = matchesAny(rest, cues.news);
  if (!news && !(reading && matchesAny(rest, cues.events))) return null;
  return { language, topic: topicOf(rest, language), period: reading?.period ?? {}, latest: reading === null };
}

/**
 * Whether a question asks for a timeline, read in its detected language first, then in the
 * other answer languages (a short question is often detected as no language, or a wrong one);
 * the first language whose words make it time-shaped reads its period. `now` is the day
 * relative periods count from ("since Monday").
 */
export async function readTimeQuestion(rawQuestion: string, now: Date = new Date()): Promise<TimeQuestion | null> {
  const question = unifyApostrophes(rawQuestion);
  const detected = detectLanguage(question);
  const order = [...SUPPORTED_LANGUAGES].sort((a, b) => Number(b === detected) - Number(a === detected));
  for (const language of order) {
    const found = await readIn(question, language, now);
    if (found) return found;
  }
  return null;
}

/** A text's topic without the time words of `language` (a follow-up's standalone question). */
export async function topicWithoutTimeWords(text: string, language: string, now: Date): Promise<string> {
  const unified = unifyApostrophes(text);
  const reading = await readPeriod(unified, language, now);
  return topicOf(reading ? blank(unified, reading.spans) : unified, language);
}

/** Whether a topic has anything to search by (not only function words: "what's new today?" has none). */
export function hasSearchTerms(topic: string): boolean {
  return queryTerms(topic).length > 0;
}
