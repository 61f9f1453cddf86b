import type { ExtractedComment } from '../../src/core/types.js';
import { mentionsReaderComments } from '../../src/core/text/terms.js';
import { parseProseDate } from './dates.js';

/**
 * Finds repeated structures at the end of plain text (pages saved as text, pasted articles):
 * reader-comment threads and lists of teasers for other articles. Neither is recognised from
 * one line or one heading, only from a run of units that share a shape and agree on cues:
 *
 * - a comment thread: at least MIN_RUN_UNITS units of "short name line(s), then text", running
 *   to the end of the text, whose headers also carry a second cue (a bullet before the name,
 *   or a date);
 * - a teaser list: at least MIN_RUN_UNITS units of "title, excerpt cut off with an ellipsis".
 *
 * A short heading that speaks of comments ("Comments", "Kommentare", "Commenti") right before
 * the run is a second cue as well, so then two units are enough. A heading alone, or one
 * name before a paragraph, never makes a thread.
 *
 * An article with subheadings has name-like lines followed by text too, but no bullets or
 * dates in them, and its paragraphs are not cut off with ellipses.
 */
const MIN_RUN_UNITS = 3;
/** Candidate starts examined at most: each costs a pass over the rest of the text, so a text of thousands of short lines stays linear-ish. */
const MAX_THREAD_STARTS = 60;
/** Units enough when a comment heading stands right before them. */
const MIN_HEADED_RUN_UNITS = 2;
/** Longest line taken for a commenter's name or a role label. */
const MAX_NAME_WORDS = 4;
const MAX_NAME_CHARS = 40;
const BULLET = /^[•·▪●◦‣*–-]\s+/;
const ELLIPSIS_END = /(…|\.\.\.)\s*$/;

export interface Line {
  text: string;
  /** A blank line came before it. */
  afterBlank: boolean;
}

function isNameLine(text: string): boolean {
  const name = text.replace(BULLET, '');
  // A separator ("* * *", "---") has no letters or digits: it is no one's name.
  if (!/[\p{L}\p{N}]/u.test(name) || name.length > MAX_NAME_CHARS || name.split(/\s+/).length > MAX_NAME_WORDS) return false;
  // A sentence ends in punctuation; a name may end in an initial ("Marco B.").
  return !/[!?,;:"”»]$/.test(name) && !/[^\s.]{2,}\.$/.test(name);
}

const dateLineCache = new Map<string, boolean>();

/** A short line holding a complete date (which always has digits: the year at least). Memoised: a thread's lines are asked about many times. */
function isShortDateLine(text: string): boolean {
  // A complete date has a year (19xx/20xx) or a numeric day.month.year: only then is the date parser asked.
  if (!/\b(19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/.test(text) || text.split(/\s+/).length > 8) return false;
  let known = dateLineCache.get(text);
  if (known === undefined) {
    known = parseProseDate(text) !== null;
    if (dateLineCache.size > 100_000) dateLineCache.clear();
    dateLineCache.set(text, known);
  }
  return known;
}

interface CommentUnit {
  header: string[];
  text: string[];
}

/** Parses comment units from `start` to the end; null when the lines do not form such units. */
function commentUnitsFrom(lines: Line[], start: number): CommentUnit[] | null {
  const units: CommentUnit[] = [];
  let i = start;
  while (i < lines.length) {
    const header: string[] = [];
    while (i < lines.length && header.length < 3 && (isNameLine(lines[i]!.text) || isShortDateLine(lines[i]!.text))) {
      header.push(lines[i]!.text);
      i++;
    }
    const text: string[] = [];
    while (i < lines.length && !(lines[i]!.afterBlank && isNameLine(lines[i]!.text) && text.length > 0)) {
      text.push(lines[i]!.text);
      i++;
    }
    // Consecutive bulleted lines are a list, never a commenter's header.
    if (header.filter((h) => BULLET.test(h)).length > 1) return null;
    // A trailing name-only unit is the thread widget's footer, not a comment.
    if (text.length === 0) {
      if (i >= lines.length && units.length > 0) break;
      return null;
    }
    if (header.length === 0) return null;
    units.push({ header, text });
  }
  return units;
}

/**
 * How strongly the units look like a comment thread, 0 when they do not: the share of units
 * whose header carries a second cue must be a majority. The cues are what comment widgets print
 * and articles do not: a bullet before the name, or a date. Repeated header lines (a role such
 * as "member" above each name) are no cue: a line-up or a list of candidates repeats its labels
 * too ("Main stage" / band / text); such a thread is recognised by its heading. Consistent
 * header shapes break ties between candidate starts.
 */
function threadScore(units: CommentUnit[], headed: boolean): number {
  const cued = units.filter((u) => BULLET.test(u.header[0]!) || u.header.some(isShortDateLine)).length;
  if (cued * 2 <= units.length && !headed) return 0;
  const shapes = new Map<number, number>();
  for (const u of units) shapes.set(u.header.length, (shapes.get(u.header.length) ?? 0) + 1);
  return cued / units.length + Math.max(...shapes.values()) / units.length;
}

/** Longest quoted header ("name, date") looked for at the start of a comment. */
const MAX_QUOTE_HEAD_CHARS = 60;

/**
 * End of a quoted parent's header at the start of a comment, or -1: a name-like part, a
 * separator and a complete date, glued to the following text with no space ("2021Prices").
 * Separate widget elements pasted together leave that glue; a reply that merely starts with a
 * name and a date has a space or a line break after it and is left whole.
 */
function quotedHeadEnd(text: string): number {
  for (const glue of text.slice(0, MAX_QUOTE_HEAD_CHARS).matchAll(/\d(?=\p{L})/gu)) {
    const head = text.slice(0, glue.index + 1);
    const separator = head.search(/[,·|–—]/);
    if (separator < 1 || !isNameLine(head.slice(0, separator).trim())) continue;
    if (isShortDateLine(head.slice(separator + 1).trim())) return glue.index + 1;
  }
  return -1;
}

/**
 * Removes the parent comment a reply quotes at its start: comment systems print the parent's
 * header, then its text cut off with an ellipsis and a one-word expand link, glued to the reply
 * ("Ann, 3 Mar 2021Prices will fall... moreWhy would they?" -> "Why would they?"). Without
 * the expand link the quote's end is unknown and only the header goes.
 */
export function stripQuotedReply(text: string): string {
  const headEnd = quotedHeadEnd(text);
  if (headEnd < 0) return text;
  const quoted = text.slice(headEnd);
  const expand = quoted.search(/(\.\.\.|…)\s?\p{Ll}+(?=\p{Lu})/u);
  if (expand >= 0)
    return quoted
      .slice(expand)
      .replace(/^(\.\.\.|…)\s?\p{Ll}+/u, '')
      .trim();
  return quoted.trim();
}

function toComment(unit: CommentUnit): ExtractedComment {
  const names = unit.header.filter((h) => !isShortDateLine(h));
  const dateLine = unit.header.find(isShortDateLine);
  return {
    // The last name-like header line is the name; earlier ones are labels (roles, badges).
    author: names.length ? names[names.length - 1]!.replace(BULLET, '') : null,
    published: dateLine ? parseProseDate(dateLine) : null,
    text: stripQuotedReply(unit.text.join('\n')),
  };
}

export interface CommentThread {
  /** Index of the first line of the thread, section headings before it included. */
  start: number;
  comments: ExtractedComment[];
}

/**
 * The reader-comment thread at the end of the text, if there is one. `bodyStart` is the index
 * of the first line that may belong to a thread (after the article's first paragraph).
 */
export function findCommentThread(lines: Line[], bodyStart: number): CommentThread | null {
  let best: { start: number; units: CommentUnit[]; score: number } | null = null;
  let tried = 0;
  for (let start = bodyStart; start < lines.length && tried < MAX_THREAD_STARTS; start++) {
    if (!lines[start]!.afterBlank || !isNameLine(lines[start]!.text)) continue;
    tried++;
    const units = commentUnitsFrom(lines, start);
    const headed = lines.slice(Math.max(bodyStart, start - 3), start).some((l) => isNameLine(l.text) && mentionsReaderComments(l.text));
    if (!units || units.length < (headed ? MIN_HEADED_RUN_UNITS : MIN_RUN_UNITS)) continue;
    const score = threadScore(units, headed);
    if (score > (best?.score ?? 0)) best = { start, units, score };
  }
  if (!best) return null;
  // Short heading lines right before the thread ("12 comments", "Leave a reply") belong to it.
  let first = best.start;
  while (first - 1 >= bodyStart && first > best.start - 3 && isNameLine(lines[first - 1]!.text)) first--;
  return { start: first, comments: best.units.map(toComment) };
}

/**
 * Line indexes belonging to lists of teasers (title, excerpt ending in an ellipsis, maybe a
 * date or "2 days ago" line), with the list's heading line. Only runs of MIN_RUN_UNITS or more.
 */
export function findTeaserLists(lines: Line[], from: number): Set<number> {
  const drop = new Set<number>();
  let i = from;
  while (i < lines.length) {
    const unitStarts: number[] = [];
    let j = i;
    while (j + 1 < lines.length && ELLIPSIS_END.test(lines[j + 1]!.text) && !ELLIPSIS_END.test(lines[j]!.text)) {
      unitStarts.push(j);
      j += 2;
      // An optional short date or time line closes each teaser.
      if (j < lines.length && lines[j]!.text.split(/\s+/).length <= 4 && !ELLIPSIS_END.test(lines[j + 1]?.text ?? '')) j++;
    }
    if (unitStarts.length >= MIN_RUN_UNITS) {
      const heading = i - 1;
      if (heading >= from && isNameLine(lines[heading]!.text)) drop.add(heading);
      for (let k = i; k < j; k++) drop.add(k);
      i = j;
    } else {
      i++;
    }
  }
  return drop;
}
