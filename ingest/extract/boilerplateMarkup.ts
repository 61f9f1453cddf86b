import type { parseHTML } from 'linkedom';
import { textSize } from './textSize.js';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = Doc['documentElement'];

/**
 * Words that page templates across sites and CMSs use to name the parts around an article
 * (trafilatura discards the same kinds of element before it looks for the text): sharing
 * and social bars, related and popular lists, newsletter and sign-up boxes, breadcrumbs,
 * tag lists, cookie and consent banners, advertising and recommendation widgets, paging,
 * author boxes, toolbars and menus. Matched as whole words of an element's class or id
 * ("share-bar", "post_tags", "author-bio"), never as fragments: "widget" and "sidebar" also
 * name WordPress body classes, and a fragment such as "ad" is inside "header" and "read".
 * Measured one group at a time on the shared benchmark and the comment benchmark's bodies;
 * "teaser" (some sites mark their lead so) and "widget"/"sidebar"/"modal" (mixed) were left out.
 */
const BOILERPLATE_WORDS = new Set([
  'share',
  'sharing',
  'social',
  'related',
  'popular',
  'trending',
  'recommended',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'breadcrumb',
  'breadcrumbs',
  'tags',
  'tagcloud',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'promo',
  'advert',
  'advertisement',
  'ads',
  'sponsor',
  'sponsored',
  'outbrain',
  'taboola',
  'pagination',
  'pager',
  'author',
  'bio',
  'byline',
  'toolbar',
  'print',
  'email',
  'nav',
  'menu',
]);
/**
 * An element so named is removed only while it holds at most this share of the page's text:
 * a template that names the whole article container "post-author-…" or "page-tags-…" keeps it.
 */
const MAX_PAGE_SHARE = 0.2;

/**
 * Class names that carry a taxonomy term rather than a role: WordPress and Drupal mark a post
 * with its categories and tags ("category-social-media", "tag-menu", "topic-sharing-economy"),
 * and a food blog's post tagged "menu" is still the post. Plural names ("tags-list") are widgets.
 */
const TAXONOMY_CLASS = /^(tag|category|topic|term)[-_]/;

function classWords(el: El): string[] {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase().split(/\s+/);
  return names.filter((name) => !TAXONOMY_CLASS.test(name)).flatMap((name) => name.split(/[^a-z0-9]+/));
}

/**
 * The article's own frame is never furniture, whatever its classes say: an `<article>` or
 * `<main>` element, or anything holding the page's main part, headline or marked article
 * body. (A "related" box holding several teaser `<article>`s is still furniture.)
 */
function holdsArticle(el: El): boolean {
  return el.matches('article, main') || el.querySelector('main, h1, [itemprop="articleBody"]') !== null;
}

/** Removes the elements whose class or id names them as page furniture (see BOILERPLATE_WORDS). Mutates `document`. */
export function removeBoilerplateMarkup(document: Doc): void {
  const body = document.body as unknown as El | null;
  if (!body) return;
  const pageSize = textSize(body);
  for (const el of [...document.querySelectorAll('body [class], body [id]')] as El[]) {
    if (!el.isConnected || !classWords(el).some((word) => BOILERPLATE_WORDS.has(word)) || holdsArticle(el)) continue;
    if (textSize(el) <= MAX_PAGE_SHARE * pageSize) el.remove();
  }
}
