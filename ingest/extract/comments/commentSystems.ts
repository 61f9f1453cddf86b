/**
 * The markup of published comment systems and CMSs, shared by every site that runs them (not
 * any one site's wording): thread containers, one comment, and its author, date and text.
 * Sources: WordPress core comment templates (wp_list_comments), wpDiscuz, Disqus, Drupal
 * core, Commento, Isso, Remark42, Hyvor Talk, Coral Talk, Livefyre, the Facebook comments
 * plugin, and schema.org Comment / UserComments microdata and RDFa; WordPress block themes
 * (core/comments, core/comment-template), Joomla JComments, Contao (com_default), TYPO3
 * tx_comments, Serendipity, Blogger (classic dl#comments-block and threaded comment-thread)
 * and the Disqus WordPress plugin's server-rendered list (dsq-comments).
 */
export const THREAD_CONTAINERS = [
  '#comments',
  '#comment-section',
  '.comments-area',
  '.comment-list',
  '.commentlist',
  '.comments',
  '.comment-section',
  '#wpdcom',
  '.wpd-thread-list',
  '#disqus_thread',
  '#isso-thread',
  '#commento',
  '#remark42',
  '#hyvor-talk-view',
  // Not bare colour-like or generic words (".coral", ".fyre"): a "callout coral" box in an article is not a thread.
  '#coral_thread',
  '#coral-thread',
  '[class^="coral-"]',
  '#livefyre',
  '.livefyre',
  '.fyre-widget',
  '.fb-comments',
  '#discourse-comments',
  '.comment-wrapper',
  '.wp-block-comments',
  '#jc',
  '.ce_comments',
  '.mod_comment',
  '.tx-comments-comments',
  '.serendipity_section_comments',
  '#comments-block',
  '#dsq-content',
  '[itemtype*="schema.org/UserComments"]',
  '[typeof~="UserComments"]',
].join(', ');

/** One comment in those systems. `[id^=comment]` items are kept only with an id like "comment-123" (see isCommentId). */
export const COMMENT_ITEMS = [
  '.comment',
  '.comment_default',
  '.comment_default .reply',
  '.tx-comments-comment',
  '.serendipity_comment',
  '.comment-box',
  '.wpd-comment',
  'li.post',
  '.commento-card',
  '.isso-comment',
  '.ht-comment',
  '.coral-comment',
  '.fyre-comment-article',
  '.UFIComment',
  'li[id^="comment"]',
  'article[id^="comment"]',
  'div[id^="comment"]',
  '[itemtype*="schema.org/Comment"]',
  '[typeof~="Comment"]',
  '[itemprop="comment"]',
  '[property="comment"]',
].join(', ');

export const COMMENT_AUTHOR = [
  '[itemprop="author"] [itemprop="name"]',
  '.wp-block-comment-author-name',
  '.tx-comments-comment-author',
  '.comment_source_author',
  'cite.user',
  '[itemprop="author"]',
  '[property="author"]',
  '.comment-author .fn',
  '.comment-author',
  'cite.fn',
  '.fn',
  '.wpd-comment-author',
  '[data-role="username"]',
  '.commento-name',
  '.isso-author',
  '.comment__user-name',
  '.coral-comment-username',
  '.fyre-comment-username',
  '.UFICommentActorName',
  '.username',
  '.author-name',
  '.author',
].join(', ');

export const COMMENT_DATE = [
  'time[datetime]',
  '[itemprop="dateCreated"]',
  '[itemprop="datePublished"]',
  '[property="dateCreated"]',
  '.comment-date',
  '.wp-block-comment-date',
  '.tx-comments-comment-date',
  '.comment_source_date',
  '.comment-timestamp',
  '.datetime',
  '.wpd-comment-date',
  '.commento-timeago',
  '.fyre-comment-date',
  '.coral-timestamp',
  'time',
  'abbr[title]',
].join(', ');

export const COMMENT_TEXT = [
  '[itemprop="text"]',
  '[property="text"]',
  '.comment-content',
  '.wp-block-comment-content',
  '.tx-comments-comment-content',
  '.serendipity_commentBody',
  '.comment_default > .comment',
  '.comment_default .reply > .comment',
  '.comment-text',
  '.wpd-comment-text',
  '.post-message',
  '.commento-body',
  '.isso-text',
  '.comment__text',
  '.ht-comment-content',
  '.coral-comment-content',
  '.fyre-comment',
  '.UFICommentBody',
  '.field--name-comment-body',
  '.comment-body',
].join(', ');

/**
 * Text elements that some systems mark with a class other systems use for a whole comment
 * (Contao's `.comment` is the text inside `.comment_default`): never items themselves.
 */
export const TEXT_NOT_ITEM = '.comment_default .comment';

/** "comment-123", "comment_8f3a…", "comment443778": an item's id, not "comment-form" or "comment-content-…". */
export function isCommentId(id: string): boolean {
  return /^comment[-_]?(\d+|[0-9a-f]{8,})$/i.test(id);
}

/** Reply forms and their headings, which sit inside or beside a thread. */
export const REPLY_FORMS = '#respond, .comment-respond, .comment-form, #comment-form';
