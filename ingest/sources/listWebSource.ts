import { decodeText, sniffCharset } from '../extract/decode.js';
import { looksLikeFeed, parseFeed, type ParsedFeed } from './feeds.js';
import { FetchPolicy } from './fetchPolicy.js';
import { fetchResource, RefusedFetchError, type FetchedResource } from './fetchResource.js';
import { listFeed } from './listFeed.js';
import { pageCandidate } from './listPage.js';
import type { ListOptions, SourceEvent, SourceFailed } from './sourceEvents.js';

type WithPolicy = ListOptions & { policy: FetchPolicy };

const failed = (sourceId: string, error: unknown): SourceFailed => ({ type: 'source-failed', sourceId, reason: (error as Error).message });

/** The source URL fetched (conditionally, with the validators of the last read) and decoded; or why not. */
async function fetchSource(url: string, options: WithPolicy): Promise<{ page: FetchedResource; text: string } | SourceEvent> {
  let page: FetchedResource;
  try {
    const validators = options.forceRefetch?.(url) ? {} : options.validators?.get(url);
    page = await fetchResource(url, options, validators);
  } catch (error) {
    if (error instanceof RefusedFetchError) options.onRefused?.(url, error.message);
    return failed(url, error);
  }
  if (page.notModified) return { type: 'not-modified', sourceId: url };
  try {
    return { page, text: decodeText(page.bytes, sniffCharset(page.contentType, page.bytes)).text };
  } catch (error) {
    return failed(url, error);
  }
}

function parsedFeed(url: string, text: string): ParsedFeed | SourceFailed {
  try {
    return parseFeed(text);
  } catch (error) {
    return failed(url, error);
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
    const feed = parsedFeed(url, text);
    if ('type' in feed) {
      yield feed;
      return;
    }
    yield* listFeed(url, feed, page.finalUrl, withPolicy);
  } else {
    yield pageCandidate(url, page);
  }
  options.validators?.set(url, { etag: page.etag, lastModified: page.lastModified });
}
