import type { parseHTML } from 'linkedom';
import { getDomain } from 'tldts';
import { cleanText, cleanUrl, MAX_FIELD_CHARS } from '../extract/cleanValue.js';

/**
 * What a fetched HTML page says about itself, for feed discovery: the feeds it announces,
 * whether it calls itself an article, and its title. Reads markup only; fetching is
 * feedDiscovery.ts's.
 */
type Doc = ReturnType<typeof parseHTML>['document'];

/** Feed formats a page may announce: RSS, Atom and JSON Feed (https://jsonfeed.org). */
const FEED_TYPE = /^application\/(rss|atom|feed)\+(xml|json)$/i;

/** Paths where feed software puts its feed when the page does not say: WordPress, Ghost, Hugo, Jekyll, Blogger, ... */
export const COMMON_FEED_PATHS = ['/feed', '/rss', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml', '/feeds/posts/default', '/?feed=rss2'] as const;

export interface AnnouncedFeed {
  url: string;
  /** The link's title attribute ("Example News » Feed"). */
  title: string | null;
}

/** The page's <base href> resolved against its address, else the address: what relative links are relative to. */
function baseOf(document: Doc, pageUrl: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (!href) return pageUrl;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return pageUrl;
  }
}

/** The registrable domain (tldts, Public Suffix List), or for an IP address or a bare name the host itself. */
function siteOf(url: string): string {
  const { hostname } = new URL(url);
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
}

/**
 * The feeds announced with <link rel="alternate" type="application/rss+xml|atom+xml|feed+json">,
 * same-site ones first (a page may also announce a partner's or a FeedBurner feed), otherwise
 * in page order: publishers put their main feed first and the comments feed after it.
 */
export function announcedFeeds(document: Doc, pageUrl: string): AnnouncedFeed[] {
  const base = baseOf(document, pageUrl);
  const feeds: AnnouncedFeed[] = [];
  for (const link of document.querySelectorAll('link[rel][href][type]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').split(';')[0]!.trim();
    const url = cleanUrl(link.getAttribute('href'), base);
    if (!rel.includes('alternate') || !FEED_TYPE.test(type) || url === null || feeds.some((f) => f.url === url)) continue;
    feeds.push({ url, title: cleanText(link.getAttribute('title'), MAX_FIELD_CHARS.title) });
  }
  const site = siteOf(pageUrl);
  return [...feeds.filter((f) => siteOf(f.url) === site), ...feeds.filter((f) => siteOf(f.url) !== site)];
}

/** The common feed paths on the page's origin, in COMMON_FEED_PATHS order. */
export function commonFeedUrls(pageUrl: string): string[] {
  const { origin } = new URL(pageUrl);
  return COMMON_FEED_PATHS.map((path) => `${origin}${path}`);
}

/** schema.org types of an article: Article, NewsArticle, ReportageNewsArticle, BlogPosting, ScholarlyArticle, Report, ... */
const ARTICLE_TYPE = /(Article|BlogPosting|Report)$/;

/** The JSON-LD objects at the top level and in @graph: nested ones (an ItemList of teasers on a home page) describe other pages. */
function topLevelJsonLd(document: Doc): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let value: unknown;
    try {
      value = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; the other signals remain
    }
    for (const node of Array.isArray(value) ? value : [value]) {
      if (!node || typeof node !== 'object') continue;
      const graph = (node as Record<string, unknown>)['@graph'];
      objects.push(node as Record<string, unknown>, ...(Array.isArray(graph) ? graph.filter((g) => g && typeof g === 'object') : []));
    }
  }
  return objects;
}

/**
 * Whether the page says it is an article: OpenGraph og:type "article", or a schema.org
 * article in its JSON-LD. A site's home page (path "/" without a query) never is, whatever
 * its markup claims: some sites mark every page og:type=article.
 */
export function saysArticle(document: Doc, pageUrl: string): boolean {
  const url = new URL(pageUrl);
  if (url.pathname === '/' && url.search === '') return false;
  const ogType = document.querySelector('meta[property="og:type"], meta[name="og:type"]')?.getAttribute('content');
  if (ogType?.trim().toLowerCase() === 'article') return true;
  return topLevelJsonLd(document).some((node) => {
    const type = node['@type'];
    return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
  });
}

/** The page's title as a reader would name it: og:title, else <title>, else the first heading. */
export function pageTitle(document: Doc): string | null {
  const og = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return (
    cleanText(og, MAX_FIELD_CHARS.title) ??
    cleanText(document.querySelector('title')?.textContent, MAX_FIELD_CHARS.title) ??
    cleanText(document.querySelector('h1')?.textContent, MAX_FIELD_CHARS.title)
  );
}
