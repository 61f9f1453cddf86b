import type { CueIndex } from './commentCues.js';
import { isWithin, type Doc, type El } from './dom.js';
import type { FoundThread } from './thread.js';

/**
 * Forum software markup for one post, with where its author and text are: phpBB (prosilver),
 * vBulletin 3 (tables) and 4, XenForo 2, SMF, MyBB 1.8, Invision Community 4, WoltLab Burning Board 5, bbPress 2,
 * Discourse (topic and crawler views) and schema.org
 * DiscussionForumPosting / Comment microdata. The software's own markup, shared by every forum
 * that runs it.
 */
const FORUM_SYSTEMS: Array<{ post: string; text: string; author: string }> = [
  {
    post: 'div.post.has-profile, div.post.bg1, div.post.bg2',
    text: '.postbody .content, .content',
    author: '.postprofile .username, .postprofile .username-coloured, .author .username',
  },
  {
    post: 'li.postcontainer, li.postbitlegacy, li.postbit, div.postbit',
    text: '.postcontent, .postbody, .post_message',
    author: '.username, .popupmenu .username',
  },
  { post: 'article.message--post, article.message', text: '.message-body .bbWrapper, .bbWrapper', author: '.message-name, .username, [data-author]' },
  { post: '.post_wrapper', text: '.post .inner, .inner', author: '.poster h4, .poster a' },
  {
    post: 'table[id^="post"]:has([id^="post_message_"])',
    text: '[id^="post_message_"]',
    author: '[id^="postmenu_"] > a, .bigusername',
  },
  {
    post: 'article.wbbPost',
    text: '.messageText',
    author: '.messageAuthor .username, .username',
  },
  {
    post: '.bbp-replies div.type-topic, .bbp-replies div.type-reply',
    text: '.bbp-reply-content',
    author: '.bbp-reply-author .bbp-author-name, .bbp-reply-author',
  },
  { post: 'div.post.classic, div.post:has(> .post_author)', text: '.post_body', author: '.author_information .largetext a, .author_information strong' },
  { post: 'article.cPost, article.ipsComment', text: '[data-role="commentContent"]', author: '.cAuthorPane_author a, .cAuthorPane_author' },
  {
    post: '.topic-post, div.crawler-post',
    text: '.cooked, .post[itemprop="text"], .post[itemprop="articleBody"], [itemprop="text"]',
    author: '.creator [itemprop="name"], .creator, .username, [itemprop="author"]',
  },
];

/** The element matching the earliest selector of the list that matches (a list query answers in document order instead). */
function firstBySelector(post: El, selectors: string): El | null {
  for (const selector of selectors.split(', ')) {
    const found = post.querySelector(selector) as El | null;
    if (found) return found;
  }
  return null;
}

/** Any forum software's post: left to the forum reader, whose first post is the body, even where it is also marked as a Comment. */
export const FORUM_POSTS = FORUM_SYSTEMS.map((s) => s.post).join(', ');

/**
 * Forum threads: the first post is the opening post (the page's body and left in place), the
 * later posts are comments. Needs at least two posts of one forum software's markup.
 */
export function findForumThreads(document: Doc, taken: El[], cues: CueIndex): FoundThread[] {
  const threads: FoundThread[] = [];
  for (const system of FORUM_SYSTEMS) {
    const posts = ([...document.querySelectorAll(system.post)] as El[])
      .filter((p) => !isWithin(p, taken) && p.querySelector(system.text))
      .filter((p, _, all) => !all.some((other) => other !== p && other.contains(p)));
    if (posts.length < 2) continue;
    const replies = posts.slice(1).map((post) => ({
      element: post,
      author: firstBySelector(post, system.author) ?? cues.author(post, () => false),
      date: cues.date(post, () => false),
      text: firstBySelector(post, system.text),
    }));
    threads.push({ container: posts[1]!.parentElement as El, items: replies, removeContainer: false });
    taken.push(...posts);
  }
  return threads;
}
