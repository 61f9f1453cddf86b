import { nameWithin, namesCommentThread, type CueIndex } from './commentCues.js';
import { FORUM_POSTS } from './forumPosts.js';
import { COMMENT_AUTHOR, COMMENT_DATE, COMMENT_ITEMS, COMMENT_TEXT, isCommentId, TEXT_NOT_ITEM, THREAD_CONTAINERS } from './commentSystems.js';
import { squash, type Doc, type El, type SubtreeIndex } from './dom.js';
import type { FoundThread, ThreadItem } from './thread.js';

/** The item selectors that do not rest on an id alone. */
const ITEMS_NOT_BY_ID = COMMENT_ITEMS.split(', ')
  .filter((s) => !s.includes('[id^='))
  .join(', ');

/** The comment items in a container (the container too, when it is one); id-only matches need an id like "comment-123". */
function itemsIn(container: El): El[] {
  const candidates = [...(container.matches(COMMENT_ITEMS) ? [container] : []), ...(container.querySelectorAll(COMMENT_ITEMS) as unknown as El[])];
  return candidates.filter((el) => {
    if (el.matches(TEXT_NOT_ITEM)) return false;
    const id = el.getAttribute('id') ?? '';
    return !/^comment/i.test(id) || isCommentId(id) || el.matches(ITEMS_NOT_BY_ID);
  });
}

/** The first of `marked` (in document order) that belongs to this item, not to a reply nested in it. */
function own(item: El, marked: El[], items: El[], subtrees: SubtreeIndex): El | null {
  const candidates = subtrees.inside(item, marked);
  if (candidates.length === 0) return null;
  const replies = subtrees.inside(item, items);
  return candidates.find((el) => !replies.some((reply) => reply.contains(el))) ?? null;
}

/** Each selector's matches in a container, most specific selector first (".comment-author .fn" before ".comment-author"). */
function bySelector(container: El, selectors: string): El[][] {
  return selectors.split(', ').map((selector) => [...container.querySelectorAll(selector)] as El[]);
}

/** The item's own element for the first selector that has one. */
function ownFirst(item: El, lists: El[][], items: El[], subtrees: SubtreeIndex): El | null {
  for (const list of lists) {
    const found = own(item, list, items, subtrees);
    if (found) return found;
  }
  return null;
}

/** Each part's markup, collected once per container. */
function readParts(container: El, items: El[], cues: CueIndex): ThreadItem[] {
  const authors = bySelector(container, COMMENT_AUTHOR);
  const dates = bySelector(container, COMMENT_DATE);
  const texts = bySelector(container, COMMENT_TEXT);
  return items.map((item) => {
    const replies = cues.subtrees.inside(item, items);
    const inReply = (el: El) => replies.some((reply) => reply.contains(el));
    const marked = ownFirst(item, authors, items, cues.subtrees);
    // The marked element stays the author line (its words leave the text); the name inside it is the author.
    const name = marked ? nameWithin(marked, cues.locale) : null;
    return {
      element: item,
      author: marked ?? cues.author(item, inReply),
      ...(name && name !== marked ? { authorName: squash(name) } : {}),
      date: ownFirst(item, dates, items, cues.subtrees) ?? cues.date(item, inReply),
      text: ownFirst(item, texts, items, cues.subtrees),
    };
  });
}

/** Items of comment systems outside any container (schema.org microdata placed anywhere). */
function looseMicrodataItems(document: Doc, containers: El[]): El[] {
  const marked = [...document.querySelectorAll('[itemtype*="schema.org/Comment"], [itemprop="comment"], [typeof~="Comment"], [property="comment"]')] as El[];
  return marked.filter((el) => !containers.some((c) => c.contains(el)));
}

/**
 * Whether an element holds the article: its marked body, or a top heading that is not the
 * thread's own ("<h1>12 Kommentare</h1>" over a thread in a theme that uses h1 for it).
 */
function holdsArticle(el: El, headline: El | null): boolean {
  if (el.querySelector('[itemprop="articleBody"]')) return true;
  return ([...el.querySelectorAll('h1')] as El[]).some((h) => h === headline || !namesCommentThread(squash(h)));
}

/**
 * Threads marked up by a known comment system: each container with its comment items. A
 * container that holds the article itself is never taken; a container with no item (a reply
 * form on an article nobody commented on) yields no comments but is still removed.
 */
export function findKnownThreads(document: Doc, cues: CueIndex): FoundThread[] {
  // The page's first h1 is its headline, whatever it says ("Kommentar: …" is an opinion piece).
  const headline = document.querySelector('h1') as El | null;
  const containers = ([...document.querySelectorAll(THREAD_CONTAINERS)] as El[])
    .filter((c) => !c.matches('body, main, article:not([id^="comment"])') && !holdsArticle(c, headline))
    .filter((c, _, all) => !all.some((other) => other !== c && other.contains(c)));
  const threads: FoundThread[] = [];
  for (const container of containers) {
    const items = itemsIn(container);
    threads.push({ container, items: readParts(container, items, cues), removeContainer: true });
  }
  const loose = looseMicrodataItems(document, containers).filter((el) => !el.querySelector('h1, [itemprop="articleBody"]') && !el.matches(FORUM_POSTS));
  for (const item of loose) threads.push({ container: item, items: readParts(item, [item], cues), removeContainer: true });
  return threads;
}
