import { decodeText, sniffCharset } from '../extract/decode.js';
import { looksLikeFeed, parseFeed, type ParsedFeed } from './feeds.js';
import { FetchPolicy } from './fetchPolicy.js';
import { fetchResource, HttpStatusError, RefusedFetchError, type FetchedResource } from './fetchResource.js';
import { listFeed } from './listFeed.js';
import { pageCandidate } from './listPage.js';
import type { ListOptions, SourceEvent, SourceFailed } from './sourceEvents.js';

type WithPolicy = ListOptions & { policy: FetchPolicy };

/** The source could not be read: reported to the poller (with the status the server gave, if any) and to the run. */
function failed(sourceId: string, error: unknown, options: ListOptions): SourceFailed {
  const reason = (error as Error).message;
  const status = error instanceof HttpStatusError ? error.status : null;
  options.onSourceResponse?.(sourceId, { kind: 'failed', status, headers: error instanceof HttpStatusError ? error.headers : null, reason });
  return { type: 'source-failed', sourceId, reason };
}

/** The source URL fetched (conditionally, with the validators of the last read) and decoded; or why not. */
async function fetchSource(url: string, options: WithPolicy): Promise<{ page: FetchedResource; text: string } | SourceEvent> {
  let page: FetchedResource;
  try {
    const validators = options.forceRefetch?.(url) ? {} : options.validators?.get(url);
    page = await fetchResource(url, options, validators);
  } catch (error) {
    if (error instanceof RefusedFetchError) options.onRefused?.(url, error.message);
    return failed(url, error, options);
  }
  if (page.notModified) {
    options.onSourceResponse?.(url, { kind: 'not-modified', headers: page.headers });
    return { type: 'not-modified', sourceId: url };
  }
  try {
    return { page, text: decodeText(page.bytes, sniffCharset(page.contentType, page.bytes)).text };
  } catch (error) {
    return failed(url, error, options);
  }
}

function parsedFeed(url: string, text: string, options: ListOptions): ParsedFeed | SourceFailed {
  try {
    return parseFeed(text);
  } catch (error) {
    return failed(url, error, options);
  }
}

/**
 * Lists a web source: a feed's items, or the page itself. The validators for the next
 * conditional request are remembered only once everything was listed.
 */
export async function* listWebSource(url: string, options: ListOptions): AsyncGenerator<SourceEvent> {
  // Without a policy from the caller, the operator's URL (this source) is the one trusted origin.
  const withPolicy: WithPolicy = { ...options, policy: options.policy ?? new FetchPolicy({ operatorUrls: [url] }) };
  const fetched = await fetchSource(url, withPolicy);
  if ('type' in fetched) {
    yield fetched;
    return;
  }
  const { page, text } = fetched;
  if (looksLikeFeed(text, page.contentType)) {
    const feed = parsedFeed(url, text, options);
    if ('type' in feed) {
      yield feed;
      return;
    }
    options.onSourceResponse?.(url, { kind: 'fetched', headers: page.headers, itemDates: feed.items.map((item) => item.published) });
    yield* listFeed(url, feed, page.finalUrl, withPolicy);
  } else {
    options.onSourceResponse?.(url, { kind: 'fetched', headers: page.headers, itemDates: null });
    yield pageCandidate(url, page);
  }
  options.validators?.set(url, { etag: page.etag, lastModified: page.lastModified });
}
