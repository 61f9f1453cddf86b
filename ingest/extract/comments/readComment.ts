import type { ExtractedComment } from '../../../src/core/types.js';
import { cleanParagraph, cleanText, MAX_FIELD_CHARS } from '../cleanValue.js';
import { normalizeStatedDate } from '../dates.js';
import { splitIntoBlocks } from '../textBlocks.js';
import { linkShare, squash, type El } from './dom.js';

/** Parts of a comment that are not its text: reply and report links, vote and share widgets, forms. */
export const COMMENT_CHROME = [
  'form',
  'button',
  'input',
  'textarea',
  'select',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'img',
  '.comment-reply-link',
  '.reply',
  '.comment-reply',
  '.comment-meta',
  '.comment-metadata',
  '.wpd-comment-footer',
  '.wpd-reply-button',
  '.wpd-comment-header',
  '[hidden]',
  '[aria-hidden="true"]',
  '.hidden',
  '.sr-only',
  '.visually-hidden',
  '.screen-reader-text',
  '[style*="display:none"]',
  '[style*="display: none"]',
].join(', ');

/** A line of at most this many words that is all link text is a control ("Reply", "Report", "Permalink"), not comment text. */
const MAX_CONTROL_WORDS = 3;
/** A part holding this share of a comment's text is where the text is (the rest is the header with name, fans, badges). */
const TEXT_HOLDER_SHARE = 0.6;
const CONTAINERS = /^(DIV|SECTION|ARTICLE|BLOCKQUOTE|TD|TR|TBODY|TABLE)$/;

function isControl(block: { text: string; linkChars: number }): boolean {
  return block.linkChars >= 0.9 * block.text.length && block.text.split(' ').length <= MAX_CONTROL_WORDS && !/:\/\/|www\./.test(block.text);
}

const HEADER = 'data-newsdesk-comment-header';

/** Marks the parts of an item that hold its author or date line (its header), up to the item. */
function markHeader(item: El, parts: Array<El | null>): El[] {
  const marked: El[] = [];
  for (const part of parts) {
    for (let node = part?.parentElement as El | null; node && node !== item; node = node.parentElement as El | null) {
      node.setAttribute(HEADER, '');
      marked.push(node);
    }
  }
  return marked;
}

/**
 * Where an item's text is when its markup does not say: descend into the part that holds most
 * of the text outside the header (name, badges, date, counters), never into a paragraph (that
 * would drop the others).
 */
function textHolder(root: El): El {
  let node = root;
  for (;;) {
    const children = [...node.children] as El[];
    const eligible = children.filter((c) => CONTAINERS.test(c.tagName) && !c.hasAttribute(HEADER) && linkShare(c) < 0.5);
    const header = children.filter((c) => c.hasAttribute(HEADER)).reduce((n, c) => n + squash(c).length, 0);
    const biggest = eligible.sort((a, b) => squash(b).length - squash(a).length)[0];
    const outsideHeader = squash(node).length - header;
    if (!biggest || outsideHeader <= 0 || squash(biggest).length < TEXT_HOLDER_SHARE * outsideHeader) return node;
    node = biggest;
  }
}

/** Where a comment's parts are, when the markup says so; otherwise found by the cue index. */
export interface CommentParts {
  author: El | null;
  /** The name in the author element, when it holds more than the name. */
  authorName?: string;
  date: El | null;
  /** The element holding the text; the item itself when null. */
  text: El | null;
}

/** A stated calendar date has a year ("2012", "28.10.12"); "15 seconds ago" would be dated from chrono's reference day. */
const HAS_YEAR = /\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/;

function dateOf(el: El | null, locale: string | null): string | null {
  if (!el) return null;
  // A date wrapper ("<div class=comment-date><time datetime=…>2 March</time></div>") states it machine-readably inside.
  const machine = (el.matches('[datetime], [content]') ? el : el.querySelector('[datetime], [content]')) ?? el;
  const stated = [machine.getAttribute('datetime'), machine.getAttribute('content'), el.getAttribute('title'), squash(el)];
  for (const value of stated.filter((v): v is string => Boolean(v && HAS_YEAR.test(v)))) {
    const date = normalizeStatedDate(value, locale);
    if (date) return date;
  }
  return null;
}

const TEXT_MARK = 'data-newsdesk-comment-text';
const DROP_MARK = 'data-newsdesk-drop';

/**
 * A copy of the item without its nested replies, author and date elements and controls, and
 * the element of the copy holding the text. The page's elements are marked only while copying
 * (a copy cannot be matched back to its original otherwise) and left as they were.
 */
function textOfCopy(item: El, parts: CommentParts, nested: El[]): El {
  const dropped = [...nested, parts.author, parts.date].filter((el): el is El => el !== null);
  const textEl = parts.text ?? item;
  textEl.setAttribute(TEXT_MARK, '');
  for (const el of dropped) el.setAttribute(DROP_MARK, '');
  const header = markHeader(item, [parts.author, parts.date]);
  const copy = item.cloneNode(true) as El;
  textEl.removeAttribute(TEXT_MARK);
  for (const el of dropped) el.removeAttribute(DROP_MARK);
  for (const el of header) el.removeAttribute(HEADER);
  for (const el of [...copy.querySelectorAll(`[${DROP_MARK}], ${COMMENT_CHROME}`)]) el.remove();
  if (!parts.text) return textHolder(copy);
  return copy.hasAttribute(TEXT_MARK) ? copy : ((copy.querySelector(`[${TEXT_MARK}]`) as El | null) ?? copy);
}

/**
 * Reads one comment: its author and date where the page states them, and its text without
 * nested replies (`nested`, read as comments of their own), author line, date line or
 * reply/report controls. Null when nothing but those remains.
 */
export function readComment(item: El, parts: CommentParts, nested: El[], locale: string | null): ExtractedComment | null {
  const lines = splitIntoBlocks(textOfCopy(item, parts, nested))
    .filter((b) => !isControl(b))
    .filter((b) => !/^[\d\s.,:()#|+-]*$/.test(b.text)) // vote counts, "#12", "(3)"
    .map((b) => cleanParagraph(b.text))
    .filter(Boolean);
  const text = lines.join('\n');
  if (!text) return null;
  return {
    author: cleanText(parts.authorName ?? (parts.author ? squash(parts.author) : null), MAX_FIELD_CHARS.author),
    published: dateOf(parts.date, locale),
    text,
  };
}
