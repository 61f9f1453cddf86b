import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ExtractedArticle, ExtractedComment } from '../../src/core/types.js';
import { stripQuotedReply } from './chrome.js';
import { normalizeStatedDate } from './dates.js';
import { extractFromText } from './plainText.js';

/** Containers of reader comments across common CMSs (WordPress, wpDiscuz, Disqus, custom). */
const COMMENT_CONTAINERS =
  '#comments, #respond, .comments, .comment-list, .commentlist, .comments-area, #disqus_thread, .wpd-thread-list, #wpdcom, [itemprop="comment"], section[class*="comment"], div[id*="comments"], ol[class*="comment"], ul[class*="comment"]';
const COMMENT_ITEMS = '.comment, li[id^="comment-"], article[id^="comment-"], [itemtype*="Comment"], .wpd-comment, .user-comment';
const COMMENT_AUTHOR = '.comment-author, .fn, [itemprop="author"], .wpd-comment-author, .author, .username';
const COMMENT_TEXT = '.comment-content, .comment-body, .comment-text, [itemprop="text"], .wpd-comment-text, p';

/** Site chrome removed before the main-article extraction sees the page. */
const CHROME_SELECTORS =
  'script, style, noscript, iframe, svg, form, nav, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [class*="share"], [class*="social"], [class*="newsletter"], [class*="related"], [class*="recent-posts"], [class*="sidebar"], [class*="widget"], [class*="cookie"], [class*="advert"], [class*="author-bio"], [class*="author-box"], [class*="about-author"], [class*="breadcrumb"]';

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(document: Doc, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    const value = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href');
    if (value && value.trim()) return value.trim();
  }
  return null;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  inLanguage?: string;
  author?: { name?: string } | Array<{ name?: string }> | string;
  publisher?: { name?: string };
  url?: string;
}

/** Finds the first Article-like object in the page's JSON-LD blocks (including @graph arrays). */
function readJsonLd(document: Doc): JsonLdArticle {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const candidates = ([] as unknown[]).concat(data, (data as { '@graph'?: unknown[] })?.['@graph'] ?? []);
      const article = candidates.find(
        (c): c is JsonLdArticle => typeof c === 'object' && c !== null && ('datePublished' in c || 'headline' in c),
      );
      if (article) return article;
    } catch {
      // Broken JSON-LD is common; the meta tags remain.
    }
  }
  return {};
}

function authorName(author: JsonLdArticle['author']): string | null {
  if (!author) return null;
  if (typeof author === 'string') return author;
  if (Array.isArray(author)) return author.map((a) => a.name).filter(Boolean).join(', ') || null;
  return author.name ?? null;
}

function blockText(root: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> & Iterable<{ textContent: string | null }> }): string[] {
  const blocks = [...root.querySelectorAll(BLOCKS)].map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return blocks;
}

/** Pulls reader comments out of the page (and out of the DOM, so they never reach the body). */
function takeComments(document: Doc): ExtractedComment[] {
  const comments: ExtractedComment[] = [];
  for (const container of [...document.querySelectorAll(COMMENT_CONTAINERS)]) {
    if (!container.isConnected) continue;
    const items = [...container.querySelectorAll(COMMENT_ITEMS)];
    if (items.length > 0) {
      for (const item of items) {
        const author = item.querySelector(COMMENT_AUTHOR)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
        // Nested replies are items of their own: read only this item's own text blocks.
        const texts = [...item.querySelectorAll(COMMENT_TEXT)]
          .filter((el) => el.closest(COMMENT_ITEMS) === item)
          .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
          .filter(Boolean);
        const text = [...new Set(texts)].join('\n');
        if (text) comments.push({ author, text: stripQuotedReply(text) });
      }
    } else {
      for (const text of blockText(container)) comments.push({ author: null, text });
    }
    container.remove();
  }
  return comments;
}

/**
 * Extracts an article from an HTML page: metadata from meta tags and JSON-LD, reader
 * comments from comment containers, and the main text through Mozilla Readability, with
 * the plain-text cleaner applied afterwards for chrome that survives in the text.
 */
export function extractFromHtml(html: string, origin: { location: string; url: string | null; source: string; hints?: Partial<ExtractedArticle> }): ExtractedArticle {
  const { document } = parseHTML(html);
  const jsonLd = readJsonLd(document);
  const pageUrl = origin.url ? new URL(origin.url) : null;

  const canonicalRaw = meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]') ?? jsonLd.url ?? null;
  let canonical = origin.url;
  if (canonicalRaw) {
    try {
      canonical = new URL(canonicalRaw, origin.url ?? undefined).toString();
    } catch {
      // Keep the fetched URL.
    }
  }
  const title =
    meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ??
    jsonLd.headline ??
    document.querySelector('h1')?.textContent?.trim() ??
    document.querySelector('title')?.textContent?.trim() ??
    origin.hints?.title ??
    null;
  const published =
    normalizeStatedDate(
      meta(
        document,
        'meta[property="article:published_time"]',
        'meta[name="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="publishdate"]',
        'meta[name="date"]',
        'meta[name="DC.date.issued"]',
        'meta[name="dc.date"]',
        '[itemprop="datePublished"]',
        'article time[datetime]',
        'time[pubdate]',
      ) ?? jsonLd.datePublished,
    ) ?? origin.hints?.published ?? null;
  const outlet = meta(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]') ?? jsonLd.publisher?.name ?? origin.hints?.outlet ?? (pageUrl ? pageUrl.hostname.replace(/^www\./, '') : null);
  const author = meta(document, 'meta[name="author"]', 'meta[property="article:author"]') ?? authorName(jsonLd.author);
  const htmlLang = document.documentElement?.getAttribute('lang')?.slice(0, 2).toLowerCase() ?? jsonLd.inLanguage?.slice(0, 2) ?? null;

  const comments = takeComments(document);
  for (const el of [...document.querySelectorAll(CHROME_SELECTORS)]) el.remove();

  // Readability mutates the document; its content is clean article HTML.
  let paragraphs: string[] = [];
  try {
    const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
    if (parsed?.content) paragraphs = blockText(parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document);
    if (paragraphs.length === 0 && parsed?.textContent) paragraphs = parsed.textContent.split(/\n\s*\n/);
  } catch {
    // Malformed markup: fall back to all block text below.
  }
  if (paragraphs.length === 0) paragraphs = blockText(parseHTML(html).document);

  const cleaned = extractFromText(paragraphs.join('\n\n'), {
    location: origin.location,
    source: origin.source,
    url: canonical,
    // A page without any title keeps its first paragraph as text; its name stands in as title.
    hints: { title: title ?? origin.source, published, outlet, author, language: undefined },
  });
  const language = cleaned.language !== 'und' ? cleaned.language : htmlLang ?? 'und';
  return { ...cleaned, language, comments: [...comments, ...cleaned.comments] };
}
