import type { parseHTML } from 'linkedom';
import { detectLanguage } from '../../src/core/text/language.js';
import type { ExtractedArticle, ExtractedComment } from '../../src/core/types.js';
import { cleanParagraph, cleanText, cleanUrl, MAX_FIELD_CHARS } from './cleanValue.js';
import { normalizeStatedDate } from './dates.js';
import { takeComments, withoutCommentText } from './htmlComments.js';
import { readJsonLd, type JsonLdArticle } from './jsonLd.js';
import { extractMainText } from './mainText.js';
import { parsePage } from './parsePage.js';
import { splitIntoBlocks } from './textBlocks.js';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = Doc['documentElement'];

export interface HtmlOrigin {
  location: string;
  url: string | null;
  source: string;
  /** Metadata already known from elsewhere (the feed item). */
  hints?: Partial<Pick<ExtractedArticle, 'title' | 'published' | 'outlet' | 'author'>>;
}

/** The first non-empty value (content, datetime or href attribute, else the text) among the selectors. */
function meta(document: Doc, ...selectors: string[]): string | null {
  for (const selector of selectors) {
    for (const el of document.querySelectorAll(selector)) {
      for (const value of [el.getAttribute('content'), el.getAttribute('datetime'), el.getAttribute('href'), el.textContent]) {
        if (value?.trim()) return value.trim();
      }
    }
  }
  return null;
}

const PUBLISHED = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="dcterms.created"]',
  '[itemprop="datePublished"]',
  'article time[datetime]',
  'time[pubdate]',
  'main time[datetime]',
];

/**
 * Extracts an article from an HTML page: metadata from meta tags and schema.org JSON-LD
 * (whatever shape it has, validated), reader comments from comment-thread structure, and the
 * main text through Readability (see mainText.ts). Throws nothing for odd markup.
 */
export function extractFromHtml(html: string, origin: HtmlOrigin): ExtractedArticle {
  const document = parsePage(html);
  const jsonLd = readJsonLd(document);
  const htmlLang = cleanText(
    document.documentElement?.getAttribute('lang') ?? meta(document, 'meta[http-equiv="content-language"]', 'meta[property="og:locale"]') ?? jsonLd.inLanguage,
    MAX_FIELD_CHARS.language,
  );
  const { url, headline, published, outlet, author } = pageMetadata(document, jsonLd, htmlLang, origin);
  const comments = takeComments(document, htmlLang);
  const body = bodyText(document, html, htmlLang, comments, headline);
  return {
    title: headline ?? cleanText(body[0], MAX_FIELD_CHARS.title) ?? origin.source,
    published,
    language: articleLanguage(headline, body, htmlLang),
    outlet,
    url,
    source: origin.source,
    location: origin.location,
    author,
    body,
    comments,
  };
}

/** The page's own metadata (meta tags, then JSON-LD, then the page), else what the origin already knew. */
function pageMetadata(document: Doc, jsonLd: JsonLdArticle, htmlLang: string | null, origin: HtmlOrigin) {
  const url = cleanUrl(meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]') ?? jsonLd.url, origin.url) ?? origin.url;
  const headline =
    cleanText(meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]'), MAX_FIELD_CHARS.title) ??
    jsonLd.headline ??
    cleanText(document.querySelector('h1')?.textContent, MAX_FIELD_CHARS.title) ??
    cleanText(document.querySelector('title')?.textContent, MAX_FIELD_CHARS.title) ??
    origin.hints?.title ??
    null;
  const published = normalizeStatedDate(meta(document, ...PUBLISHED) ?? jsonLd.datePublished, htmlLang) ?? origin.hints?.published ?? null;
  const hostname = origin.url ? new URL(origin.url).hostname.replace(/^www\./, '') : null;
  const outlet =
    cleanText(meta(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]'), MAX_FIELD_CHARS.outlet) ??
    jsonLd.publisher ??
    origin.hints?.outlet ??
    hostname;
  const metaAuthor = meta(document, 'meta[name="author"]', 'meta[name="dc.creator"]');
  const author =
    jsonLd.author ?? cleanText(metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null, MAX_FIELD_CHARS.author) ?? origin.hints?.author ?? null;
  return { url, headline, published, outlet, author };
}

/** The main text's paragraphs, cleaned, without the comments' text and without the headline repeated. */
function bodyText(document: Doc, html: string, htmlLang: string | null, comments: ExtractedComment[], headline: string | null): string[] {
  let body = extractMainText(document, htmlLang);
  // No article container found (a bare fragment, a feed summary): the page's own text blocks.
  if (body.length === 0) body = splitIntoBlocks(parsePage(html).body as unknown as El).map((b) => b.text);
  body = withoutCommentText(body.map(cleanParagraph).filter(Boolean), comments);
  // The headline repeated as the first block is the title, not body text.
  if (headline && body[0] && body[0].toLowerCase() === headline.toLowerCase()) body.shift();
  return body;
}

/** The text decides; a page's declared language only fills in when the text is too short to tell. */
function articleLanguage(headline: string | null, body: string[], htmlLang: string | null): string {
  const detected = detectLanguage(`${headline ?? ''}\n${body.join('\n')}`);
  const declared = htmlLang?.slice(0, 2).toLowerCase() ?? null;
  return detected !== 'und' ? detected : declared && /^[a-z]{2}$/.test(declared) ? declared : 'und';
}
