import { normalizeStatedDate } from '../extract/dates.js';
import { canonicalUrl } from '../feeds/canonicalUrl.js';
import { identityKeys } from '../feeds/feedItemIdentity.js';
import { citedAt } from './citedAt.js';
import type { FetchPolicy } from './fetchPolicy.js';
import { fetchResource, FetchError, RefusedFetchError, type FetchLimits } from './fetchResource.js';
import type { FeedItem, ParsedFeed } from './feeds.js';
import { sha256 } from './sha256.js';
import type { ListOptions, SourceEvent } from './sourceEvents.js';

/** A feed item with at least this many words of content carries the article itself, not a teaser. */
const MIN_FULL_ARTICLE_WORDS = 150;

type ItemLimits = FetchLimits & Pick<ListOptions, 'onRefused' | 'onPageFailed'>;

/**
 * The item's link when it is a web link (a file:, javascript: or data: "link" is neither
 * fetched nor cited), in its canonical form: the same story shared with other tracking
 * parameters (utm_*, fbclid, ...) has one key, whichever feed or run lists it.
 */
function webLinkOf(item: FeedItem, feedUrl: string): string | null {
  return item.link ? canonicalUrl(item.link, feedUrl) : null;
}

function feedItemEvent(item: FeedItem, feedUrl: string, sourceId: string, limits: ItemLimits, outlet: string | null): SourceEvent {
  const link = webLinkOf(item, feedUrl);
  const key = link ?? `${feedUrl}#${item.id ?? item.title ?? ''}`;
  const published = normalizeStatedDate(item.published);
  const summaryWords = item.html
    .replace(/<[^>]+>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
  const hints = { title: item.title ?? undefined, published, outlet: outlet ?? undefined };
  const summaryPage = new TextEncoder().encode(`<!doctype html><html><body><article>${item.html}</article></body></html>`);
  return {
    type: 'article',
    key,
    sourceId,
    location: key,
    rawHash: sha256(`${item.title}\n${item.published}\n${item.html}`),
    extract: async (extractor) => {
      // `citable` is the link the summary is cited under: none for a refused link (no citation may point into a private network).
      const fromSummary = async (summaryOnly: boolean, citable = link) => {
        const article = await extractor(summaryPage, { location: key, url: citable, source: citable ?? feedUrl, hints, contentType: 'text/html' });
        return { article: citable ? citedAt(article, citable) : { ...article, url: null }, summaryOnly };
      };
      if ((item.hasFullContent && summaryWords >= MIN_FULL_ARTICLE_WORDS) || !link) return fromSummary(false);
      // Only a summary: the article itself is at the item's link.
      try {
        const page = await fetchResource(link, limits);
        const article = citedAt(
          await extractor(page.bytes, { location: link, source: link, url: page.finalUrl, contentType: page.contentType, hints }),
          page.finalUrl,
        );
        return { article: { ...article, published: article.published ?? published, title: article.title || item.title || link }, summaryOnly: false };
      } catch (error) {
        if (!(error instanceof RefusedFetchError)) {
          limits.onPageFailed?.(link, (error as Error).message);
          return fromSummary(true);
        }
        limits.onRefused?.(link, error.reason);
        // Kept as "summary only" when the feed gave one; otherwise skipped with the refusal as its reason.
        if (summaryWords === 0) throw new FetchError(`not fetched: the link ${error.reason}`);
        return fromSummary(true, null);
      }
    },
  };
}

/**
 * The items of a feed read from `feedUrl`. Each item's article is its link's page, fetched
 * when extracted, or the feed's own content when that is the full article (or there is no
 * web link); a page that cannot be fetched leaves the item's summary, labelled summary-only.
 */
export function* listFeed(sourceId: string, feed: ParsedFeed, feedUrl: string, options: ListOptions & { policy: FetchPolicy }): Generator<SourceEvent> {
  const outlet = feed.title ?? new URL(sourceId).hostname.replace(/^www\./, '');
  // One deadline for all of the feed's item pages: a host that hangs costs the feed at most this long.
  const deadline = AbortSignal.timeout(options.feedDeadlineMs);
  const itemLimits: ItemLimits = {
    ...options,
    signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline,
    deadlineAt: Date.now() + options.feedDeadlineMs,
  };
  for (const item of distinctItems(feed.items, feedUrl)) yield feedItemEvent(item, feedUrl, sourceId, itemLimits, outlet);
}

/**
 * The feed's items without repeats: an item whose GUID or canonical link an earlier item had
 * is the same story listed twice (a feed that republishes an item with a new tracking link,
 * or under a new GUID). The first listing is kept.
 */
export function* distinctItems(items: readonly FeedItem[], feedUrl: string): Generator<FeedItem> {
  const seen = new Set<string>();
  for (const item of items) {
    const keys = identityKeys({ id: item.id, link: item.link, feedUrl });
    const repeat = keys.some((key) => seen.has(key));
    for (const key of keys) seen.add(key);
    if (!repeat) yield item;
  }
}
