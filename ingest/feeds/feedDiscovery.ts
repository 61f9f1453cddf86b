import type { parseHTML } from 'linkedom';
import { cleanText, MAX_FIELD_CHARS } from '../extract/cleanValue.js';
import { decodeText, sniffCharset, UnreadableContentError } from '../extract/decode.js';
import { extractMainText } from '../extract/mainText.js';
import { parsePage } from '../extract/parsePage.js';
import { countWords } from '../extract/words.js';
import { looksLikeFeed, type ParsedFeed, parseFeed } from '../sources/feeds.js';
import type { FetchPolicy } from '../sources/fetchPolicy.js';
import { FetchError, type FetchLimits, fetchResource, RefusedFetchError } from '../sources/fetchResource.js';
import { type AnnouncedFeed, announcedFeeds, COMMON_FEED_PATHS, commonFeedUrls, pageTitle, saysArticle } from './pageSignals.js';

/**
 * What an address someone adds to a news desk is: a feed (subscribed to as is), a site whose
 * feed is found by autodiscovery (the feeds its page announces, then the paths feed software
 * commonly uses), or an article (added as a single page). Every request goes through the
 * guarded fetch: the address came from a Discord user, not the operator, so the policy given
 * must not count it among the operator's URLs, and a local address is refused unless the
 * policy admits it (FETCH_ALLOW_PRIVATE_NETWORKS, FETCH_ALLOWED_HOSTS).
 */
export interface DiscoveredSource {
  kind: 'feed' | 'page';
  /** The address after redirects: what is polled (a feed) or read (a page). */
  url: string;
  title: string | null;
}

/** Why nothing could be added; the message is written for the person who gave the address. */
export class DiscoveryError extends Error {
  override name = 'DiscoveryError';
}

export type DiscoveryLimits = FetchLimits & { policy: FetchPolicy };

/** Main text at least this long makes a page without feeds an article: a short news brief is ~150 words, a page of teasers and menus has less prose. */
export const MIN_ARTICLE_WORDS = 150;

type Doc = ReturnType<typeof parseHTML>['document'];

interface FetchedText {
  text: string;
  contentType: string | null;
  url: string;
}

export async function discoverFeed(address: string, limits: DiscoveryLimits): Promise<DiscoveredSource> {
  const fetched = await fetchText(address, limits);
  if (looksLikeFeed(fetched.text, fetched.contentType)) return { kind: 'feed', url: fetched.url, title: feedTitle(readFeed(fetched)) };
  if (isJsonFeed(fetched))
    throw new DiscoveryError(`${fetched.url} is a JSON Feed, which news desks cannot read yet: give the site's RSS or Atom feed, or its home page`);
  const document = parsePage(fetched.text);
  const asPage: DiscoveredSource = { kind: 'page', url: fetched.url, title: pageTitle(document) };
  if (saysArticle(document, fetched.url)) return asPage;
  const announced = announcedFeeds(document, fetched.url);
  const guessed = commonFeedUrls(fetched.url).map((url) => ({ url, title: null }));
  const found = (await firstFeed(announced, limits)) ?? (await firstFeed(guessed, limits));
  if (found) return found;
  if (hasArticleText(fetched.text, document)) return asPage;
  throw new DiscoveryError(nothingFound(address, fetched.url, announced.length));
}

function nothingFound(address: string, pageUrl: string, announcedCount: number): string {
  const announced =
    announcedCount > 0
      ? `the ${announcedCount === 1 ? 'feed' : `${announcedCount} feeds`} the page announces could not be read as RSS or Atom`
      : 'the page announces no feed';
  return `no feed found at ${address}: ${announced}, none of ${COMMON_FEED_PATHS.join(', ')} on ${new URL(pageUrl).origin} is a feed, and the page is not an article`;
}

/** Fetches and decodes one address, turning every failure into a DiscoveryError that says why. */
async function fetchText(address: string, limits: DiscoveryLimits): Promise<FetchedText> {
  try {
    const resource = await fetchResource(address, limits);
    const { text } = decodeText(resource.bytes, sniffCharset(resource.contentType, resource.bytes));
    return { text, contentType: resource.contentType, url: resource.finalUrl };
  } catch (error) {
    throw new DiscoveryError(fetchFailure(address, error));
  }
}

function fetchFailure(address: string, error: unknown): string {
  if (error instanceof RefusedFetchError) {
    return `${address} was not fetched: it ${error.reason}. Addresses added here must be public; only the operator's configuration, or FETCH_ALLOW_PRIVATE_NETWORKS, admits local ones`;
  }
  if (error instanceof UnreadableContentError) return `${address} is not a web page or a feed (${error.message})`;
  if (error instanceof FetchError) return `${address} could not be read: ${error.message}`;
  throw error;
}

function readFeed(fetched: FetchedText): ParsedFeed {
  try {
    return parseFeed(fetched.text);
  } catch (error) {
    throw new DiscoveryError(`${fetched.url} looks like a feed but cannot be read: ${(error as Error).message}`);
  }
}

/** The feed's own title, else the one the announcing page gave its link. */
function feedTitle(feed: ParsedFeed, announcedAs: string | null = null): string | null {
  return cleanText(feed.title, MAX_FIELD_CHARS.title) ?? announcedAs;
}

/** JSON Feed (https://jsonfeed.org): recognised only to say so, since the feed reader reads RSS and Atom. */
function isJsonFeed(fetched: FetchedText): boolean {
  return (
    /^application\/(feed\+)?json/i.test(fetched.contentType ?? '') && /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(fetched.text.slice(0, 2000))
  );
}

/**
 * The first candidate that is an RSS/Atom feed, tried one at a time in order, or null. A
 * candidate that fails (404, refused, not a feed, malformed) is simply not the feed: the
 * next one is tried. When the caller's deadline (limits.signal) passes, discovery stops
 * and says so, rather than reporting every remaining candidate as "not a feed".
 */
async function firstFeed(candidates: readonly AnnouncedFeed[], limits: DiscoveryLimits): Promise<DiscoveredSource | null> {
  for (const candidate of candidates) {
    if (limits.signal?.aborted) throw new DiscoveryError('the time allowed for finding the feed ran out before a feed was found');
    const fetched = await fetchText(candidate.url, limits).catch((error: unknown) => {
      if (error instanceof DiscoveryError) return null;
      throw error;
    });
    if (!fetched || !looksLikeFeed(fetched.text, fetched.contentType)) continue;
    try {
      return { kind: 'feed', url: fetched.url, title: feedTitle(parseFeed(fetched.text), candidate.title) };
    } catch {
      // announced or found, but malformed: not a feed the desk could poll
    }
  }
  return null;
}

/** Whether the page's main text, extracted as for ingestion, is article-length. Parses the page again: extraction mutates the document. */
function hasArticleText(html: string, document: Doc): boolean {
  const language = document.documentElement?.getAttribute('lang') ?? null;
  const words = extractMainText(parsePage(html), language).reduce((sum, paragraph) => sum + countWords(paragraph), 0);
  return words >= MIN_ARTICLE_WORDS;
}
