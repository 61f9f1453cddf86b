import { hostOnlyLine, hostsIn } from './hostNames.js';
import { isHeadingShaped, isListItem, isProse, wordCount } from './lineShape.js';
import type { Line } from './textRuns.js';

/**
 * Site chrome inside the body of a plain-text article, recognised by position relative to the
 * article's text mass and by repetition, never by its wording: labels the layout repeats
 * between paragraphs, the author box after the article, and the site's name signing off.
 * The numbers below are structural (a label is shorter than any headline in eval/docs; "after
 * the text" means after half of its words; three lines make a run, as in textRuns.ts), not
 * fitted; with them the extraction of eval/docs and of the sample articles is unchanged.
 */

/** Labels (section names, "advertisement" slots) are a few words. */
const MAX_LABEL_WORDS = 3;
/** The bio comes after the article: at least this share of the body's words stands before it. */
const MIN_TEXT_BEFORE_BIO = 0.5;
/** A host name the tail names this often is the site signing off; named once, it is a credit or a mention. */
const MIN_SIGN_OFF_MENTIONS = 2;

/**
 * Short labels that the page repeats verbatim, each standing alone as its own block between
 * blank lines: a section name or an ad slot printed between paragraphs. Lines of a table or a
 * list (short lines without blank lines between them), list items and numbers are content,
 * however often they repeat.
 */
export function repeatedLabels(lines: Line[]): Set<number> {
  const standsAlone = (k: number) => lines[k]!.afterBlank && (lines[k + 1]?.afterBlank ?? true);
  const seen = new Map<string, number[]>();
  lines.forEach(({ text }, k) => {
    if (!isHeadingShaped(text, MAX_LABEL_WORDS) || isListItem(text) || !standsAlone(k)) return;
    const at = seen.get(text) ?? [];
    at.push(k);
    seen.set(text, at);
  });
  return new Set([...seen.values()].filter((ks) => ks.length >= 2).flat());
}

/**
 * The author box: a bare name line, then a paragraph that starts with that name ("Jane Doe" /
 * "Jane Doe, 34, covers ..."), after the article's text with no running text of the article
 * after it. The same pair inside the article (a profile introducing a person) is text.
 * Returns the index of the name line, or -1.
 */
export function authorBoxAt(lines: string[]): number {
  const total = lines.reduce((sum, line) => sum + wordCount(line), 0);
  const lastProse = lines.findLastIndex(isProse);
  let before = 0;
  for (let k = 0; k + 1 < lines.length; k++) {
    const name = lines[k]!;
    const isPair = name.length <= 60 && /^(\p{Lu}[\p{L}'-]+\s){1,3}\p{Lu}[\p{L}'-]+$/u.test(name) && lines[k + 1]!.startsWith(`${name},`);
    if (isPair && lastProse <= k + 1 && before >= MIN_TEXT_BEFORE_BIO * total) return k;
    before += wordCount(name);
  }
  return -1;
}

/** Short lines in a row that end the article's running text: a block of chrome (share bar, author box, footer). */
const MIN_CHROME_RUN = 3;

/**
 * Where the article's text mass ends: the first block of MIN_CHROME_RUN lines that are not
 * running text after half of the words, else the line after the last paragraph of running text.
 */
function tailStart(lines: string[]): number {
  const total = lines.reduce((sum, line) => sum + wordCount(line), 0);
  let before = 0;
  let lastProse = -1;
  for (let k = 0; k < lines.length; k++) {
    const block = lines.slice(k, k + MIN_CHROME_RUN);
    if (before >= total / 2 && block.length === MIN_CHROME_RUN && !block.some(isProse)) return k;
    before += wordCount(lines[k]!);
    if (isProse(lines[k]!)) lastProse = k;
  }
  return lastProse + 1;
}

/**
 * The site's own name where it signs off: a last line that is only a host name, or a host name
 * repeated in the lines after the article's text mass. A host named once, in the text or in a
 * photo credit, is not the outlet; neither is anything without a real public suffix ("St.Moritz").
 */
export function signOffOutlet(lines: string[]): string | null {
  const last = lines[lines.length - 1];
  const standalone = last !== undefined ? hostOnlyLine(last) : null;
  if (standalone) return standalone;
  const counts = new Map<string, number>();
  for (const line of lines.slice(tailStart(lines))) for (const host of hostsIn(line)) counts.set(host, (counts.get(host) ?? 0) + 1);
  const named = [...counts].filter(([, n]) => n >= MIN_SIGN_OFF_MENTIONS).sort((a, b) => b[1] - a[1]);
  return named.length === 1 || (named.length > 1 && named[0]![1] > named[1]![1]) ? named[0]![0] : null;
}
