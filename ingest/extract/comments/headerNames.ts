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

/** The line's words without its date and without tokens that hold no letter ("|", "#2", "14:33"). */
function words(line: El, date: El | null): string[] {
  const dateText = date && line.contains(date) ? squash(date) : '';
  const text = dateText ? squash(line).replace(dateText, ' ') : squash(line);
  return text.split(/[\s|·•]+/).filter((w) => /\p{L}/u.test(w));
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

/**
 * Gives the thread's items without a name element the name their header line states, and
 * takes the template's words out of names read with them ("Anonym hat gesagt…" → "Anonym").
 */
export function nameFromHeaderLines(items: ThreadItem[], locale: string | null): void {
  const lines = items.map((item) => {
    const line = headerLine(item);
    return line ? { item, line, tokens: words(line, item.date) } : null;
  });
  const present = lines.filter((l): l is NonNullable<typeof l> => l !== null && l.tokens.length > 0);
  if (present.length < MIN_LINES) return;
  const counts = new Map<string, number>();
  for (const { tokens } of present) for (const w of new Set(tokens.map((t) => t.toLowerCase()))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const template = new Set([...counts].filter(([, n]) => n >= TEMPLATE_SHARE * present.length).map(([w]) => w));
  for (const { item, line, tokens } of present) {
    const own = item.author ? squash(item.author) : null;
    if (own && !own.split(/\s+/).some((w) => template.has(w.toLowerCase()))) continue;
    const name = own ? trimmed(own.split(/\s+/), template) : nameIn(tokens, template);
    if (!name || statesDate(name, locale)) continue;
    item.authorName = name;
    if (!item.author) item.author = line;
  }
}
