import { isShortName, statesDate } from './commentCues.js';
import { squash, type El } from './dom.js';
import type { ThreadItem } from './thread.js';

/**
 * Names a comment system writes into a header line of its own wording instead of marking them:
 * "Posted by: Janet | March 12, 2019" (Typepad), "Kommentar von Familie Brandt | 12.03.2019"
 * (Contao), "Anonym hat gesagt…" (Blogger), "Submitted by Pat on Tue, 03/12/2019". The
 * wording is the system's, so it recurs in the header line of most comments of the thread
 * while the names differ: the words most lines share are the template, the rest is the name.
 * Needs no word list, so it holds in any language.
 */

/** Header lines are short; a longer block is text. */
const MAX_LINE_CHARS = 120;
/** A word in this share of a thread's header lines is the template's. */
const TEMPLATE_SHARE = 0.6;
const MIN_LINES = 2;
const BLOCKS = /^(P|DIV|DT|DD|LI|HEADER|FOOTER|TD|H[2-6]|SECTION)$/;

/** The block around `part` that is its line in the header, or null when that block is no header line. */
function lineAround(item: El, part: El): El | null {
  let node: El = part;
  while (node !== item && !BLOCKS.test(node.tagName) && node.parentElement && node.parentElement !== item) node = node.parentElement as El;
  if (node === item) return part;
  return squash(node).length <= MAX_LINE_CHARS ? node : part;
}

/** An item without a name or date element: its first short block, when it is not the text. */
function firstLine(item: El, text: El | null): El | null {
  const whole = squash(item).length;
  for (const el of item.querySelectorAll('p, div, dt, header, footer, h3, h4, h5, h6') as unknown as El[]) {
    const length = squash(el).length;
    if (length === 0) continue;
    if (length <= MAX_LINE_CHARS && length <= 0.6 * whole && !(text && (el.contains(text) || text.contains(el)))) return el;
    return null;
  }
  return null;
}

function headerLine(item: ThreadItem): El | null {
  const anchor = item.author ?? item.date;
  const line = anchor ? lineAround(item.element, anchor) : firstLine(item.element, item.text);
  if (!line || (item.text && line.contains(item.text))) return null;
  return line;
}

/** A parenthesised label after a name is the system's: "(Link)", "(not verified)", "(Antwort)". */
const PARENTHESISED = /\([^)]{0,30}\)/g;

/** The line's words without its date and without tokens that hold no letter ("|", "#2", "14:33"). */
function words(line: El, date: El | null): string[] {
  const dateText = date && line.contains(date) ? squash(date) : '';
  const text = dateText ? squash(line).replace(dateText, ' ') : squash(line);
  return text
    .replace(PARENTHESISED, ' ')
    .split(/[\s|·•]+/)
    .filter((w) => /\p{L}/u.test(w));
}

/** The name in a line: the run of non-template words after a template word ("von X"), else the first run ("X hat gesagt…"). */
function nameIn(tokens: string[], template: Set<string>): string | null {
  const runs: Array<{ words: string[]; afterTemplate: boolean }> = [];
  tokens.forEach((w, i) => {
    if (template.has(w.toLowerCase())) return;
    if (i > 0 && !template.has(tokens[i - 1]!.toLowerCase()) && runs.length > 0) runs[runs.length - 1]!.words.push(w);
    else runs.push({ words: [w], afterTemplate: i > 0 });
  });
  const run = runs.filter((r) => r.afterTemplate).pop() ?? runs[0];
  const name = run?.words.join(' ').replace(/^[\s,:;(]+|[\s,:;)]+$/g, '');
  return name && isShortName(name) ? name : null;
}

/**
 * A name element holding template words around the name ("Anonym hat gesagt…", "Posted by
 * Janet"): only leading and trailing ones go; a word in the middle is the name's own ("Susan
 * from Toledo").
 */
function trimmed(words: string[], template: Set<string>): string | null {
  let start = 0;
  let end = words.length;
  while (start < end && template.has(words[start]!.toLowerCase())) start++;
  while (end > start && template.has(words[end - 1]!.toLowerCase())) end--;
  const name = words.slice(start, end).join(' ');
  return name && isShortName(name) ? name : null;
}

const BLOCK_SELECTOR = 'p, div, dt, dd, li, header, footer, td, h2, h3, h4, h5, h6, section';
/**
 * Lines of their own that may state a name: not paragraphs (the text before a date at the
 * foot of a comment) nor headings (a comment's title, "USA & IFRS??"), and as short as a
 * label and a name.
 */
const SIDE_LINES = 'div, dt, dd, li, header, footer, td, section';
const MAX_SIDE_LINE_CHARS = 80;
const MAX_SIDE_LINE_WORDS = 8;

/**
 * Short blocks of the item's header before its date that hold nothing but a line ("By: Troll
 * Feeder" beside "12.09.2016 @ 6:00 PM"): where a system states the name on a line of its own.
 */
function linesBeforeDate(item: ThreadItem): El[] {
  if (!item.date) return [];
  const lines: El[] = [];
  for (const el of item.element.querySelectorAll('*') as unknown as El[]) {
    if (el === item.date || el.contains(item.date)) {
      if (el === item.date) break;
      continue;
    }
    const length = squash(el).length;
    if (
      el.matches(SIDE_LINES) &&
      !el.querySelector(BLOCK_SELECTOR) &&
      length > 0 &&
      length <= MAX_SIDE_LINE_CHARS &&
      squash(el).split(' ').length <= MAX_SIDE_LINE_WORDS
    )
      lines.push(el);
  }
  return lines.filter((el) => !(item.text && (el.contains(item.text) || item.text === el)));
}

interface Candidate {
  line: El;
  tokens: string[];
  /** Holds the date: its leftover words are the name even when no template word stands beside them. */
  dated: boolean;
}

function candidatesOf(item: ThreadItem): Candidate[] {
  const primary = headerLine(item);
  const candidates = primary ? [{ line: primary, tokens: words(primary, item.date), dated: Boolean(item.date && primary.contains(item.date)) }] : [];
  if (!item.author) for (const line of linesBeforeDate(item)) if (line !== primary) candidates.push({ line, tokens: words(line, null), dated: false });
  return candidates.filter((c) => c.tokens.length > 0);
}

/** Words in the header lines of most items: the system's wording. */
function templateOf(candidates: Candidate[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of candidates) {
    for (const w of new Set(lines.flatMap((c) => c.tokens.map((t) => t.toLowerCase())))) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= TEMPLATE_SHARE * candidates.length).map(([w]) => w));
}

/** Tag and class of a header line: the same place in every comment of a template. */
function place(el: El): string {
  return `${el.tagName}.${el.getAttribute('class') ?? ''}`;
}

/**
 * Places of the header (before the date) that hold a short, differing text in most comments:
 * a column of names the template sets on a line of their own, without any wording beside
 * them ("<div class=x>Giulia Bernardi</div><div class=y><time>…").
 */
function nameColumns(candidates: Candidate[][], locale: string | null): Set<string> {
  const texts = new Map<string, string[]>();
  for (const lines of candidates) {
    for (const [key, line] of new Map(lines.filter((c) => !c.dated).map((c) => [place(c.line), c.line]))) {
      texts.set(key, [...(texts.get(key) ?? []), squash(line)]);
    }
  }
  const columns = [...texts].filter(
    ([, list]) =>
      list.length >= TEMPLATE_SHARE * candidates.length && new Set(list).size >= MIN_LINES && list.every((t) => isShortName(t) && !statesDate(t, locale)),
  );
  return new Set(columns.map(([key]) => key));
}

/** The name an author-less item's header states: on its date line, on a line of the system's wording, or in a column of names. */
function statedName(candidates: Candidate[], template: Set<string>, columns: Set<string>, locale: string | null): { line: El; name: string } | null {
  for (const { line, tokens, dated } of candidates) {
    const worded = tokens.some((t) => template.has(t.toLowerCase()));
    const inColumn = !dated && columns.has(place(line));
    if (!dated && !inColumn && !worded) continue;
    const name = inColumn && !worded ? squash(line) : nameIn(tokens, template);
    if (name && !statesDate(name, locale)) return { line, name };
  }
  return null;
}

/**
 * Gives the thread's items without a name element the name their header lines state, and
 * takes the template's words out of names read with them ("Anonym hat gesagt…" → "Anonym").
 */
export function nameFromHeaderLines(items: ThreadItem[], locale: string | null): void {
  const present = items.map((item) => ({ item, candidates: candidatesOf(item) })).filter((p) => p.candidates.length > 0);
  if (present.length < MIN_LINES) return;
  const template = templateOf(present.map((p) => p.candidates));
  const columns = nameColumns(
    present.filter((p) => !p.item.author).map((p) => p.candidates),
    locale,
  );
  const named: Array<{ item: ThreadItem; line: El; name: string }> = [];
  for (const { item, candidates } of present) {
    if (item.authorName) continue; // the system's markup already named the author inside its line
    if (item.author) {
      const whole = squash(item.author);
      const own = whole.replace(PARENTHESISED, ' ').split(/\s+/).filter(Boolean);
      if (own.join(' ') === whole && !own.some((w) => template.has(w.toLowerCase()))) continue;
      const name = trimmed(own, template);
      if (name && !statesDate(name, locale)) item.authorName = name;
      continue;
    }
    const stated = statedName(candidates, template, columns, locale);
    if (stated) named.push({ item, ...stated });
  }
  for (const { item, line, name } of named.filter((n) => differs(named, n))) {
    item.authorName = name;
    item.author = line;
  }
}

/**
 * Names read from one place of the template differ from comment to comment; values that
 * repeat ("Party: Republican", "Party: NA", "Party: Republican") are a field of the profile.
 */
const MIN_DISTINCT_SHARE = 0.75;
function differs(named: Array<{ line: El; name: string }>, one: { line: El }): boolean {
  const same = named.filter((n) => place(n.line) === place(one.line)).map((n) => n.name.toLowerCase());
  return same.length < MIN_LINES || new Set(same).size >= MIN_DISTINCT_SHARE * same.length;
}
