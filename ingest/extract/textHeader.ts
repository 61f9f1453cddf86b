import { isDateLine, parseProseDate } from './dates.js';
import { hostOnlyLine } from './hostNames.js';
import { isHeadingShaped, isNumberLine, isProse, wordCount } from './lineShape.js';
import type { Line } from './textRuns.js';

/**
 * The top of a plain-text article: an optional site name and section label, the headline, and
 * datelines, bylines and a counter under it. Every rule reads the shape and position of lines
 * relative to the first paragraph of running text, never particular words or sites.
 */

/** Lines under the headline where a dateline or byline is metadata rather than text. */
const HEADER_LINES = 4;
/** A headline is a line of at most this many words; a longer first line is already the text. */
export const MAX_TITLE_WORDS = 25;
/** A section label above a headline ("Sport", "World news") is a few words at most. */
const MAX_KICKER_WORDS = 3;
/** What may follow a byline's name after a separator: a date, or a short role ("Staff reporter"). */
const MAX_BYLINE_TAIL_WORDS = 4;

export interface TextHeader {
  title: string | null;
  author: string | null;
  published: string | null;
  outlet: string | null;
  /** Index of the first line after the headline. */
  afterTitle: number;
  /** Lines under the headline that are metadata, not text. */
  skipped: Set<number>;
}

/**
 * "By Hannah Clarke · 14 August 2026": a byline. Returns the author's name. After the name only
 * a date or a short role may follow, so a sentence that starts alike ("By Tuesday, the river
 * had risen") stays text.
 */
function bylineAuthor(line: string): string | null {
  const match = line
    .trim()
    .match(/^(?:[Bb]y|[Vv]on|[Dd]i|[Pp]ar|[Pp]or|[Dd]oor|[Aa]v)\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})\s*(?:[·|,–—-]\s*(.*))?$/u);
  if (!match) return null;
  const tail = match[2]?.trim() ?? '';
  const shortRole = wordCount(tail) <= MAX_BYLINE_TAIL_WORDS && !/[.!?]$/.test(tail);
  return !tail || shortRole || parseProseDate(tail) !== null ? match[1]! : null;
}

/**
 * A section label (kicker) above the headline: a short heading-shaped line directly before a
 * longer one that is itself a headline, not text, a date or a byline. A short line followed by
 * text is the headline itself ("Eurovision" over its first paragraph).
 */
function isKicker(lines: Line[], i: number, locale: string | null): boolean {
  const label = lines[i]?.text;
  const headline = lines[i + 1]?.text;
  if (!label || !headline || i + 2 >= lines.length) return false;
  return (
    isHeadingShaped(label, MAX_KICKER_WORDS) &&
    isHeadingShaped(headline, MAX_TITLE_WORDS) &&
    wordCount(headline) > wordCount(label) &&
    !isProse(headline) &&
    !bylineAuthor(headline) &&
    !isDateLine(headline, locale)
  );
}

/**
 * A counter printed under the headline (comments, shares): a lone number standing between blank
 * lines, directly under the headline and its metadata, with running text right after it. A
 * number next to other numbers is a table or a list and stays.
 */
function isCounter(lines: Line[], k: number, onlyMetadataAbove: boolean): boolean {
  const line = lines[k]!;
  const next = lines[k + 1];
  return onlyMetadataAbove && isNumberLine(line.text) && line.afterBlank && !!next && next.afterBlank && isProse(next.text);
}

/** Reads the top of the text; `known` holds what front matter or the feed already said. */
export function readTextHeader(lines: Line[], known: Omit<TextHeader, 'afterTitle' | 'skipped'>, locale: string | null): TextHeader {
  let { title, author, published, outlet } = known;
  let i = 0;
  // A site's name standing alone above everything else ("example-news.com").
  const topHost = lines.length > 2 ? hostOnlyLine(lines[0]!.text) : null;
  if (topHost) {
    outlet ??= topHost;
    i++;
  }
  if (!title) {
    if (isKicker(lines, i, locale)) i++;
    const first = lines[i]?.text;
    if (first !== undefined) {
      const words = first.split(/\s+/);
      if (words.length <= MAX_TITLE_WORDS) {
        title = first;
        i++;
      } else {
        title = `${words.slice(0, 12).join(' ')} …`; // no headline: the opening words stand in
      }
    }
  }
  const skipped = new Set<number>();
  for (let k = i; k < Math.min(lines.length, i + HEADER_LINES); k++) {
    const line = lines[k]!.text;
    const byline = bylineAuthor(line);
    if (byline || isDateLine(line, locale)) {
      author ??= byline;
      published ??= parseProseDate(line, locale);
      skipped.add(k);
    } else if (isCounter(lines, k, skipped.size === k - i /* every line since the headline was metadata */)) {
      skipped.add(k);
    }
  }
  return { title, author, published, outlet, afterTitle: i, skipped };
}
