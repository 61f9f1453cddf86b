import type { ExtractedComment } from '../../src/core/types.js';
import { CueIndex } from './comments/commentCues.js';
import { REPLY_FORMS } from './comments/commentSystems.js';
import { documentOrder, squash, type Doc, type El, type SubtreeIndex } from './comments/dom.js';
import { findForumThreads } from './comments/forumPosts.js';
import { readJsonLdComments } from './comments/jsonLdComments.js';
import { findKnownThreads } from './comments/knownThreads.js';
import { nameFromHeaderLines } from './comments/headerNames.js';
import { groupDefinitionListComments } from './comments/siblingRecords.js';
import { wrapOpeningDateLines } from './comments/openingLines.js';
import { readComment } from './comments/readComment.js';
import { countWords } from '../../src/core/text/sentences.js';
import { findRepeatedThreads } from './comments/repeatedBlocks.js';
import type { FoundThread } from './comments/thread.js';
import { flattenDeepNesting } from './flattenDeepNesting.js';
import { splitIntoBlocks } from './textBlocks.js';

/**
 * Where the article starts: its headline, else the marked article body or element. Comments
 * found by repetition alone must come after it (lists before the headline are navigation).
 */
function articleStart(document: Doc): El | null {
  return (document.querySelector('h1') ?? document.querySelector('[itemprop="articleBody"], article')) as El | null;
}

function comesAfter(start: El | null, order: Map<El, number>): (el: El) => boolean {
  const from = start ? (order.get(start) ?? -1) : -1;
  // After the headline and outside it (an element containing the headline is the article region).
  return (el) => (order.get(el) ?? -1) > from && !(start && el.contains(start));
}

/**
 * A thread found by repetition alone that holds the page's main text (a forum thread, a
 * guestbook): its first item is the opening post, i.e. the body. Measured as prose outside
 * the thread shorter than the first item's text.
 */
function holdsMainText(document: Doc, thread: FoundThread): boolean {
  const items = thread.items.map((i) => i.element);
  const outside = splitIntoBlocks(document.querySelector('body') as El)
    .filter((b) => b.linkChars < b.text.length / 2 && !items.some((i) => i.contains(b.element)))
    .reduce((n, b) => n + b.text.length, 0);
  return outside < squash(items[0]).length;
}

/**
 * Lines that recur in most comments of a thread ("Reply", "Report", "Valorar", "Flag as
 * offensive") are the thread's controls, not anyone's words. Needs 3 comments to tell; 6 words
 * at most, so that a quoted sentence repeated by readers stays.
 */
const MIN_COMMENTS_FOR_CONTROLS = 3;
const CONTROL_SHARE = 0.6;
const MAX_CONTROL_WORDS = 6;

interface FoundComment {
  element: El;
  comment: ExtractedComment;
}

function withoutRepeatedControls(thread: FoundComment[]): FoundComment[] {
  if (thread.length < MIN_COMMENTS_FOR_CONTROLS) return thread;
  const counts = new Map<string, number>();
  for (const { comment } of thread) for (const line of new Set(comment.text.split('\n'))) counts.set(line, (counts.get(line) ?? 0) + 1);
  const isControl = (line: string) => (counts.get(line) ?? 0) >= CONTROL_SHARE * thread.length && line.split(' ').length <= MAX_CONTROL_WORDS;
  return thread
    .map(({ element, comment }) => ({
      element,
      comment: {
        ...comment,
        text: comment.text
          .split('\n')
          .filter((line) => !isControl(line))
          .join('\n'),
      },
    }))
    .filter((found) => found.comment.text.length > 0);
}

/**
 * A "comment" with neither an author nor a date and only a word or two is the thread's own
 * label (a "Comments" heading over a container a script would fill), not something a reader
 * wrote: a reader's one-word reply comes with the name or date of its comment header.
 */
const MAX_LABEL_WORDS = 2;
function isBareLabel(comment: ExtractedComment): boolean {
  return !comment.author && !comment.published && countWords(comment.text) <= MAX_LABEL_WORDS;
}

function readThreads(threads: FoundThread[], order: Map<El, number>, locale: string | null, subtrees: SubtreeIndex): FoundComment[] {
  const all = subtrees.inOrder(threads.flatMap((t) => t.items.map((i) => i.element)));
  const read: FoundComment[] = [];
  for (const thread of threads) {
    nameFromHeaderLines(thread.items, locale);
    const inThread: FoundComment[] = [];
    for (const item of thread.items) {
      const nested = subtrees.inside(item.element, all);
      const comment = readComment(item.element, item, nested, locale);
      if (comment && !isBareLabel(comment)) inThread.push({ element: item.element, comment });
    }
    read.push(...withoutRepeatedControls(inThread));
  }
  // Page order, whatever mechanism found each comment.
  return read.sort((a, b) => (order.get(a.element) ?? 0) - (order.get(b.element) ?? 0));
}

/** Comments of the page's JSON-LD that the page's markup did not show already. */
function addJsonLd(comments: ExtractedComment[], fromJsonLd: ExtractedComment[]): ExtractedComment[] {
  const seen = new Set(comments.map((c) => squash({ textContent: c.text }).toLowerCase()));
  return comments.concat(fromJsonLd.filter((c) => !seen.has(squash({ textContent: c.text }).toLowerCase())));
}

/**
 * Takes the reader comments out of a page, each with its author and date where the page
 * states them and nested replies as comments of their own. Found, in order of how much the
 * markup says: the markup of comment systems and schema.org Comment (knownThreads), forum
 * software (forumPosts: the opening post stays as the body), sibling blocks that carry names,
 * dates and prose after the article (repeatedBlocks), and schema.org Comment in JSON-LD.
 * Every comment element, its system's container and reply forms are removed from the
 * document, so no comment text reaches the article body.
 */
export function takeComments(document: Doc, locale: string | null): ExtractedComment[] {
  const root = document.querySelector('body') as El | null;
  if (!root) return readJsonLdComments(document, locale);
  // Hostile nesting (tens of thousands deep) would make every walk below quadratic; the body extractor flattens it anyway.
  flattenDeepNesting(document.documentElement as El);
  groupDefinitionListComments(document);
  wrapOpeningDateLines(document, locale);
  const cues = new CueIndex(root, locale);
  const order = documentOrder(document);
  const known = findKnownThreads(document, cues);
  // A system's container without its item markup (a custom template) is searched by repetition below.
  const taken = known.filter((t) => t.items.length > 0).flatMap((t) => [t.container]);
  const forum = findForumThreads(document, taken, cues);
  // A system's empty container around forum posts (Invision's #comments) holds the opening post, which is the body.
  const posts = forum.flatMap((t) => t.items.map((i) => i.element));
  for (const thread of known) if (thread.items.length === 0 && posts.some((p) => thread.container.contains(p))) thread.removeContainer = false;
  const repeated = findRepeatedThreads(document, comesAfter(articleStart(document), order), taken, cues);
  for (const thread of repeated) if (holdsMainText(document, thread)) thread.items.shift();
  const threads = [...known, ...forum, ...repeated];
  const found = readThreads(threads, order, locale, cues.subtrees);
  const comments = addJsonLd(
    found.map((f) => f.comment),
    readJsonLdComments(document, locale),
  );
  for (const thread of threads) {
    for (const item of thread.items) item.element.remove();
    for (const el of thread.unread ?? []) el.remove();
    if (thread.removeContainer) thread.container.remove();
  }
  for (const form of [...document.querySelectorAll(REPLY_FORMS)]) form.remove();
  return comments;
}

/**
 * The body without paragraphs that are comment text (the body extractor may still have kept a
 * comment the markup did not mark): a paragraph of at least a few words that a comment contains.
 */
export function withoutCommentText(body: string[], comments: ExtractedComment[]): string[] {
  if (comments.length === 0) return body;
  const texts = comments.map((c) => c.text.replace(/\s+/g, ' ').toLowerCase());
  return body.filter((p) => {
    const line = p.replace(/\s+/g, ' ').trim().toLowerCase();
    return line.split(' ').length < 4 || !texts.some((t) => t.includes(line));
  });
}
