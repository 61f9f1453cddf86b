import type { ParsedResult } from 'chrono-node';
import { addDays, addMonths, endOfMonth, isoDay, startOfMonth, startOfWeek, startOfYear } from './calendar.js';
import { wholeWords } from './cues.js';
import { PERIOD_WORDS, PLURAL_WITHOUT_NUMBER, type PeriodWords, type Unit } from './periodWords.js';

/** A period of calendar days (YYYY-MM-DD, both ends included); an absent end is open. */
export interface Period {
  since?: string;
  until?: string;
}

/** The period a question names, and where its words are (to take them out of the topic). */
export interface PeriodReading {
  period: Period;
  spans: Array<[number, number]>;
}

/** A stretch of days a date expression means: a day ("Monday"), a month ("in March"), a range ("2 to 5 November"). */
interface Stretch {
  first: Date;
  last: Date;
  start: number;
  end: number;
  /** Stated as a range ("from Monday to Wednesday"): its own period whatever stands before it. */
  range?: boolean;
}

type Chrono = typeof import('chrono-node');
let chronoModule: Promise<Chrono> | null = null;
/** Loaded on the first time-shaped question only: plain questions never need the date parser. */
const loadChrono = () => (chronoModule ??= import('chrono-node'));

/**
 * Reads the period of a question in `language` relative to `now`: the relative periods of
 * periodWords.ts first ("this week", "the last three days"), then dates chrono-node finds in
 * the rest ("since Monday", "yesterday", "dal 3 novembre"). A date after a "since" word starts
 * the period, after an "until" word ends it, otherwise it is the period (a day, a month, a
 * range); several are joined ("between Monday and Wednesday"). Weekdays and dates without a
 * year are read in the past: news questions ask about what happened. Null when none is named.
 */
export async function readPeriod(text: string, language: string, now: Date): Promise<PeriodReading | null> {
  const words = PERIOD_WORDS[language];
  if (!words) return null;
  const stretches: Array<{ stretch: Stretch; openEnd: boolean }> = relativePeriods(text, words, now).map((stretch) => ({ stretch, openEnd: true }));
  for (const stretch of pointsInTime(maskSpans(text, spansOf(stretches)), words, now)) stretches.push({ stretch, openEnd: false });
  // chrono reads what the tables did not ("avant-hier" would otherwise also be read as "hier").
  for (const stretch of await chronoDates(maskSpans(text, spansOf(stretches)), language, now)) stretches.push({ stretch, openEnd: false });
  if (stretches.length === 0) return null;
  const periods = stretches.map(({ stretch, openEnd }) => withConnector(text, stretch, words, openEnd));
  const sinces = periods.flatMap((p) => (p.period.since ? [p.period.since] : []));
  const untils = periods.flatMap((p) => (p.period.until ? [p.period.until] : []));
  return {
    period: { ...(sinces.length ? { since: sinces.sort()[0] } : {}), ...(untils.length ? { until: untils.sort().at(-1) } : {}) },
    spans: periods.map((p) => p.span),
  };
}

const spansOf = (found: Array<{ stretch: Stretch }>): Array<[number, number]> => found.map(({ stretch }) => [stretch.start, stretch.end]);

/** The text with the spans blanked out (same length, so positions stay). */
function maskSpans(text: string, spans: Array<[number, number]>): string {
  let out = text;
  for (const [start, end] of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

/** A word pattern with a language's numbers (N) and unit words (U) filled in. */
function filled(source: string, words: PeriodWords): RegExp {
  const alternatives = (list: string[]) => list.sort((a, b) => b.length - a.length).join('|');
  return wholeWords(source.replace('N', `\\d{1,3}|${alternatives(Object.keys(words.numbers))}`).replace('U', alternatives(Object.keys(words.units))));
}

/** "this week", "this month", "the last 3 days", "seit drei Tagen": from a day until now (open end). */
function relativePeriods(text: string, words: PeriodWords, now: Date): Stretch[] {
  const found: Stretch[] = [];
  const add = (match: RegExpMatchArray, first: Date) => found.push({ first, last: now, start: match.index!, end: match.index! + match[0].length });
  for (const match of text.matchAll(wholeWords(words.thisWeek))) add(match, startOfWeek(now));
  for (const match of text.matchAll(wholeWords(words.thisMonth))) add(match, startOfMonth(now));
  for (const match of text.matchAll(wholeWords(words.thisYear))) add(match, startOfYear(now));
  for (const source of words.lastUnits) {
    for (const match of text.matchAll(filled(source, words))) {
      const [unit, plural] = words.units[match.groups!.unit!.toLowerCase()] ?? ['day', false];
      const spoken = match.groups!.n?.toLowerCase();
      const n = spoken === undefined ? (plural ? PLURAL_WITHOUT_NUMBER[unit] : 1) : (words.numbers[spoken] ?? Number(spoken));
      add(match, unitsBefore(now, n, unit));
    }
  }
  return found;
}

function unitsBefore(now: Date, n: number, unit: Unit): Date {
  if (unit === 'hour') return new Date(now.getTime() - n * 3_600_000);
  if (unit === 'month') return addMonths(now, -n);
  return addDays(now, unit === 'week' ? -7 * n : -n);
}

/** Days chrono-node reads wrongly in some languages ("avant-hier" as "hier", "anteayer" not at all). */
function pointsInTime(text: string, words: PeriodWords, now: Date): Stretch[] {
  return [...text.matchAll(wholeWords(words.dayBeforeYesterday))].map((match) => {
    const day = addDays(now, -2);
    return { first: day, last: day, start: match.index!, end: match.index! + match[0].length };
  });
}

/** The dates chrono-node finds (in the language's casual mode), each as the days it means. */
async function chronoDates(text: string, language: string, now: Date): Promise<Stretch[]> {
  const chrono = await loadChrono();
  const parser = (chrono as unknown as Record<string, { casual?: { parse(text: string, ref: Date): ParsedResult[] } }>)[language]?.casual;
  if (!parser) return [];
  return parser.parse(text, now).flatMap((result) => {
    const stretch = daysOf(result, now);
    return stretch ? [stretch] : [];
  });
}

/** The days a chrono result means, read in the past; null for a time of day alone ("at 5 pm"). */
function daysOf(result: ParsedResult, now: Date): Stretch | null {
  const known = (c: 'day' | 'weekday' | 'month' | 'year') => result.start.isCertain(c);
  const relative = result.tags().has('result/relativeDate') || [...result.tags()].some((t) => t.startsWith('casualReference'));
  if (!relative && !known('day') && !known('weekday') && !known('month') && !known('year')) return null;
  const wholeMonth = known('month') && !known('day') && !known('weekday');
  let first = inThePast(result.start.date(), result.start, now);
  let last = result.end ? inThePast(result.end.date(), result.end, now) : first;
  if (wholeMonth) {
    first = startOfMonth(first);
    last = result.end ? last : endOfMonth(first);
  } else if (known('year') && !known('month') && !known('day')) {
    first = startOfYear(first);
    last = new Date(first.getFullYear(), 11, 31, 12);
  }
  return { first, last, start: result.index, end: result.index + result.text.length, range: Boolean(result.end) };
}

/** A weekday or a date without a year that chrono placed after today: the last one before. */
function inThePast(date: Date, component: ParsedResult['start'], now: Date): Date {
  if (isoDay(date) <= isoDay(now) || component.isCertain('year')) return date;
  if (!component.isCertain('day') && !component.isCertain('month') && component.isCertain('weekday')) return addDays(date, -7);
  if (!component.isCertain('month') && component.isCertain('day')) return addMonths(date, -1);
  const lastYear = new Date(date);
  lastYear.setFullYear(date.getFullYear() - 1);
  return lastYear;
}

/** The period a stretch gives, with its words and the connector before it ("since", "fino a"). */
function withConnector(text: string, stretch: Stretch, words: PeriodWords, openEnd: boolean): { period: Period; span: [number, number] } {
  const before = text.slice(0, stretch.start);
  const connector = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?:\\s+(?:${words.articles}))?\\s*$`, 'iu').exec(before);
  const since = connector(words.since);
  const until = since ? null : connector(words.until);
  const span: [number, number] = [(since ?? until)?.index ?? stretch.start, stretch.end];
  const first = isoDay(stretch.first);
  const last = isoDay(stretch.last);
  const range = stretch.range === true;
  if (since && !range) return { period: { since: first }, span };
  if (until && !range) return { period: { until: last }, span };
  return { period: openEnd ? { since: first } : { since: first, until: last }, span };
}
