import { isNamedAsComments, linkShare, threadTitleOf, withMeasuredText, type CueIndex } from './commentCues.js';
import { THREAD_CONTAINERS } from './commentSystems.js';
import { isWithin, nameTokens, squash, type Doc, type El } from './dom.js';
import type { FoundThread, ThreadItem } from './thread.js';

/**
 * Generic comment threads: sibling blocks of one tag after the article, most of them holding a
 * short author name and/or a date beside prose that is not a list of links. Thresholds were
 * set on the comment benchmark (eval/comments) and the article-extraction benchmark in
 * /work/shared/datasets, where they find every thread without turning teaser lists,
 * "recent posts" sidebars or author boxes into comments.
 */
const MIN_ITEMS = 2;
/** Without a thread name ("comments", "réactions") in the markup, a thread needs more items and both cues. */
const MIN_UNNAMED_ITEMS = 3;
/** Share of items that must carry a cue: 0.6 allows a thread heading or an anonymous comment among the siblings. */
const NAMED_CUE_SHARE = 0.6;
const UNNAMED_CUE_SHARE = 0.8;
/** Prose: link text is under 30% of a comment's text (teaser and link lists are mostly links). */
const MAX_LINK_SHARE = 0.3;
/** Share of a group's items that makes it a link list or a teaser list (a majority). */
const LIST_SHARE = 0.5;
/** Blocks with less text are spacers, clearers and counters, not comments. */
const MIN_ITEM_CHARS = 15;
/** A single "comment" longer than this is a page region, not a comment. */
const MAX_ITEM_CHARS = 20_000;

function candidateGroups(parent: El, minItems = MIN_ITEMS): El[][] {
  const byTag = new Map<string, El[]>();
  for (const child of parent.children as unknown as Iterable<El>) {
    const length = squash(child).length;
    if (length < MIN_ITEM_CHARS || length > MAX_ITEM_CHARS) continue;
    const list = byTag.get(child.tagName) ?? [];
    list.push(child);
    byTag.set(child.tagName, list);
  }
  return [...byTag.values()].filter((g) => g.length >= minItems);
}

/**
 * A thread of one comment (the most common count on a blog) repeats nothing, so a lone block
 * is read only inside a container that names a whole thread: class or id words in the plural
 * ("comments", "kommentare"), or a heading with a count ("1 Kommentar", "Comments (1)").
 * "Kommentar" alone also names an opinion column, which has a byline and a date too.
 */
const THREAD_NAME = /comments|kommentare|commentaires|comentarios|coment[aá]rios|commenti|reacties|reactions|reaktionen|responses|replies/;
function minimumItems(parent: El): number {
  const title = threadTitleOf(parent);
  const counted = title !== null && parent.contains(title) && /\d/.test(squash(title));
  return THREAD_NAME.test(nameTokens(parent)) || counted ? 1 : MIN_ITEMS;
}

/** A lone comment needs both a marked name and a date. */
function isLoneComment(items: ThreadItem[], cues: CueIndex): boolean {
  const [only] = items;
  return Boolean(only?.author && cues.isMarkedName(only.author) && only.date);
}

function share(items: El[], test: (el: El) => boolean): number {
  return items.filter(test).length / items.length;
}

/** The items of a group that read as comments, or null when the cues do not agree. */
function asThread(parent: El, group: El[], cues: CueIndex, article: El[]): ThreadItem[] | null {
  // Link lists and teasers are so in most of their items: one reader quoting a link in a thread of three is not.
  if (share(group, (el) => linkShare(el) > MAX_LINK_SHARE) >= LIST_SHARE) return null;
  if (group.some((el) => article.some((a) => el.contains(a)) || cues.holdsManyComments(el))) return null;
  if (share(group, (el) => cues.isReview(el)) >= 0.5 || share(group, (el) => cues.isTeaser(el)) >= LIST_SHARE) return null;
  const none = () => false;
  const items: ThreadItem[] = group.map((el) => ({ element: el, author: cues.author(el, none), date: cues.date(el, none), text: null }));
  const authors = items.filter((i) => i.author).length / items.length;
  const dates = items.filter((i) => i.date).length / items.length;
  const named = isNamedAsComments(parent, 3) || share(group, (el) => isNamedAsComments(el, 0)) >= 0.5;
  // Bold text alone (an app name opening each item of a list in the article) needs a date to agree.
  const markedAuthors = items.filter((i) => i.author && cues.isMarkedName(i.author)).length / items.length;
  const agree = named
    ? markedAuthors >= NAMED_CUE_SHARE || dates >= NAMED_CUE_SHARE
    : group.length >= MIN_UNNAMED_ITEMS && authors >= UNNAMED_CUE_SHARE && dates >= UNNAMED_CUE_SHARE;
  if (!agree || isOneVoice(items)) return null;
  // A cue most of the thread's comments carry is required of each (a header block among them has neither).
  const needsAuthor = authors >= NAMED_CUE_SHARE;
  const needsDate = dates >= NAMED_CUE_SHARE;
  return items.filter((i) => (!needsAuthor || i.author) && (!needsDate || i.date));
}

/**
 * Three or more signed blocks all signed by one name are one writer's entries (a live blog's
 * updates, a column's parts), not readers answering: a thread has several voices.
 */
const MIN_ITEMS_FOR_VOICES = 3;
function isOneVoice(items: ThreadItem[]): boolean {
  if (items.length < MIN_ITEMS_FOR_VOICES || items.some((i) => !i.author)) return false;
  return new Set(items.map((i) => squash(i.author).toLowerCase())).size === 1;
}

/**
 * Blocks of the group between the thread's first and last comment that were not read as
 * comments (no name or date where the others have one: an anonymous or moderated comment):
 * they are in the thread, so they leave the page with it and never reach the body.
 */
function between(group: El[], items: ThreadItem[]): El[] {
  const read = new Set(items.map((i) => i.element));
  const first = group.findIndex((el) => read.has(el));
  const last = group.findLastIndex((el) => read.has(el));
  return group.slice(first + 1, last).filter((el) => !read.has(el));
}

/** The heading opening the thread's container ("Kommentare", "3 Reacties"), which leaves the page with the thread. */
function threadHeading(parent: El): El[] {
  const title = threadTitleOf(parent);
  return title && parent.contains(title) ? [title] : [];
}

/** Tag and first class of an element: how a reply nested in a comment is marked like its parent. */
function signature(el: El): string {
  return `${el.tagName}.${(el.getAttribute('class') ?? '').trim().split(/\s+/)[0]!.replace(/\d+/g, '')}`;
}

/**
 * Replies nested inside the thread's comments, marked up like them (same tag and first class)
 * and carrying a name or a date of their own; read as comments of their own.
 */
function nestedReplies(items: ThreadItem[], cues: CueIndex): ThreadItem[] {
  const signatures = new Set(items.map((i) => signature(i.element)));
  const replies: ThreadItem[] = [];
  for (const { element } of items) {
    for (const inner of element.querySelectorAll(element.tagName) as unknown as El[]) {
      if (!signatures.has(signature(inner)) || squash(inner).length < MIN_ITEM_CHARS) continue;
      const deeper = ([...inner.querySelectorAll(inner.tagName)] as El[]).filter((r) => signatures.has(signature(r)));
      const inReply = (el: El) => deeper.some((r) => r.contains(el));
      const reply = { element: inner, author: cues.author(inner, inReply), date: cues.date(inner, inReply), text: null };
      if (reply.author || reply.date) replies.push(reply);
    }
  }
  return replies;
}

/**
 * A block holding two or more signed, dated blocks side by side ("indented" reply groups) is
 * a group of replies, not one comment: its blocks are the comments.
 */
function expandReplyGroups(items: ThreadItem[], cues: CueIndex): ThreadItem[] {
  const none = () => false;
  return items.flatMap((item) => {
    for (const group of candidateGroups(item.element)) {
      const replies = group.map((el) => ({ element: el, author: cues.author(el, none), date: cues.date(el, none), text: null }));
      if (replies.every((r) => r.author && r.date)) return replies;
    }
    return [item];
  });
}

/**
 * Finds repeated comment-like blocks after the article (`after`), outside threads found
 * already (`taken`). The outermost repeated blocks are the comments (parts of one comment
 * repeat too: header and text); replies nested in them are found by their markup.
 */
export function findRepeatedThreads(document: Doc, after: (el: El) => boolean, taken: El[], cues: CueIndex): FoundThread[] {
  const body = document.querySelector('body') as El | null;
  if (!body) return [];
  // Reads only: the threads found are removed by the caller afterwards.
  return withMeasuredText(body, () => repeatedThreadsIn(document, body, after, taken, cues));
}

function repeatedThreadsIn(document: Doc, body: El, after: (el: El) => boolean, taken: El[], cues: CueIndex): FoundThread[] {
  const threads: FoundThread[] = [];
  const found: El[] = [];
  const article = [...document.querySelectorAll('h1, [itemprop="articleBody"]')] as El[];
  // Inside the publisher's marked article body, repeated name/date/text blocks are the article's own (a live blog's entries).
  const articleBodies = article.filter((el) => el.getAttribute('itemprop') === 'articleBody');
  for (const parent of [body, ...(body.querySelectorAll('*') as unknown as El[])]) {
    if (isWithin(parent, taken) || isWithin(parent, found) || isWithin(parent, articleBodies)) continue;
    const minItems = minimumItems(parent);
    for (const group of candidateGroups(parent, minItems)
      // A comment system's thread container is a whole thread, never one comment of a group.
      .map((g) => g.filter((el) => !isWithin(el, taken) && !el.matches(THREAD_CONTAINERS)))
      .filter((g) => g.length >= minItems)) {
      if (!after(group[0]!)) continue;
      const items = asThread(parent, group, cues, article);
      if (!items || items.length < minItems || (items.length === 1 && !isLoneComment(items, cues))) continue;
      const expanded = expandReplyGroups(items, cues);
      const all = [...expanded, ...nestedReplies(expanded, cues)];
      threads.push({ container: parent, items: all, removeContainer: false, unread: [...between(group, items), ...threadHeading(parent)] });
      found.push(...expanded.map((i) => i.element));
    }
  }
  return threads;
}
