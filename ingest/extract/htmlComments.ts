import type { parseHTML } from 'linkedom';
import type { ExtractedComment } from '../../src/core/types.js';
import { cleanParagraph, cleanText, MAX_FIELD_CHARS } from './cleanValue.js';
import { normalizeStatedDate } from './dates.js';
import { splitIntoBlocks } from './textBlocks.js';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = Doc['documentElement'];

/**
 * Comment threads are recognised by structure: the containers and item markup of the
 * common CMSs and comment systems (WordPress core and themes, wpDiscuz, Disqus, Drupal,
 * Commento/Isso-style lists) and schema.org Comment microdata. These names are the comment
 * systems' own markup, shared by every site that runs them, not any one site's wording.
 */
const THREAD_CONTAINERS = [
  '#comments', '#comment-section', '#disqus_thread', '#wpdcom', '#isso-thread', '#commento',
  '.comments-area', '.comment-list', '.commentlist', '.comments', '.wpd-thread-list', '.comment-section',
  '[itemtype*="schema.org/UserComments"]', '[itemprop="comment"]',
].join(', ');

/** One comment: WordPress `li.comment`/`article.comment`, wpDiscuz, Drupal, schema.org Comment. */
const COMMENT_ITEMS = [
  '.comment', 'li[id^="comment-"]', 'article[id^="comment-"]', 'div[id^="comment-"]', '.wpd-comment',
  '[itemtype*="schema.org/Comment"]', '[itemprop="comment"]',
].join(', ');

/** Parts of a thread that are not reader text: reply forms, counters, sort and login widgets, policies. */
const THREAD_CHROME = [
  'form', '#respond', '.comment-respond', '.comment-form', '.comment-reply-link', '.reply', '.comment-reply',
  '.comments-title', '.comment-notes', '.logged-in-as', '.must-log-in', '.wpd-thread-head', '.wpd-form-wrap',
  '.comment-navigation', '.wpd-comment-footer', '.wpd-reply-button', '.wpd-comment-header', '.comment-meta', '.comment-metadata', 'button', 'input', 'textarea', 'select',
].join(', ');

const AUTHOR = '[itemprop="author"] [itemprop="name"], [itemprop="author"], .comment-author .fn, .comment-author, cite.fn, .fn, .wpd-comment-author, .username, .author-name';
const DATE = 'time[datetime], [itemprop="dateCreated"], [itemprop="datePublished"], .comment-date, .wpd-comment-date';
const TEXT = '[itemprop="text"], .comment-content, .comment-text, .wpd-comment-text, .comment-body';

function text(el: { textContent: string | null } | null | undefined): string | null {
  return cleanText(el?.textContent ?? null, 10_000);
}

/** The element's own descendants matching a selector, excluding those of nested replies. */
function own(item: El, selector: string): El[] {
  return [...item.querySelectorAll(selector)].filter((el) => el.closest(COMMENT_ITEMS) === item) as El[];
}

function readComment(item: El, locale: string | null): ExtractedComment | null {
  const authorEl = own(item, AUTHOR)[0];
  // A machine-readable datetime beats the displayed text ("2 days ago").
  const dateEl = own(item, 'time[datetime]')[0] ?? own(item, DATE)[0];
  const published = normalizeStatedDate(dateEl?.getAttribute('datetime') ?? dateEl?.getAttribute('content') ?? text(dateEl), locale);
  // Work on a copy: nested replies, metadata and reply links are read separately or dropped.
  const copy = item.cloneNode(true) as El;
  for (const nested of [...copy.querySelectorAll(COMMENT_ITEMS)]) nested.remove();
  const textEl = [...copy.querySelectorAll(TEXT)][0] as El | undefined;
  const holder = textEl ?? copy;
  for (const el of [...holder.querySelectorAll(`${THREAD_CHROME}, ${AUTHOR}, ${DATE}`)]) el.remove();
  const paragraphs = splitIntoBlocks(holder).map((b) => cleanParagraph(b.text)).filter(Boolean);
  const body = paragraphs.join('\n');
  if (!body) return null;
  return { author: cleanText(authorEl?.textContent, MAX_FIELD_CHARS.author), published, text: body };
}

/**
 * Takes the reader comments out of a page: each comment with its author and date where the
 * page states them, nested replies as comments of their own. Every recognised thread
 * container is removed from the document, so neither comments nor their reply form reach
 * the article body; a container without any comment item (a reply form on an article nobody
 * commented on) yields no comments at all.
 */
export function takeComments(document: Doc, locale: string | null): ExtractedComment[] {
  const comments: ExtractedComment[] = [];
  const seen = new Set<El>();
  for (const container of [...document.querySelectorAll(THREAD_CONTAINERS)] as El[]) {
    if (!container.isConnected) continue;
    // A comment container inside the article text would be an odd page; never delete the article itself.
    if (container.matches('body, main, article:not([id^="comment-"])') || container.querySelector('[itemprop="articleBody"]')) continue;
    const items = (container.matches(COMMENT_ITEMS) ? [container] : []).concat([...container.querySelectorAll(COMMENT_ITEMS)] as El[]);
    for (const item of items) {
      if (seen.has(item)) continue;
      seen.add(item);
      const comment = readComment(item, locale);
      if (comment) comments.push(comment);
    }
    container.remove();
  }
  for (const form of [...document.querySelectorAll('#respond, .comment-respond')]) form.remove();
  return comments;
}
