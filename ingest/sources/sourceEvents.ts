import type { ExtractedArticle } from '../../src/core/types.js';
import type { BytesOrigin } from '../extract/extractBytes.js';
import type { FetchLimits, ResponseHeaders, Validators } from './fetchResource.js';

/** Turns raw bytes into an article; the pipeline runs it in worker threads with a time limit. */
export type Extractor = (bytes: Uint8Array, origin: BytesOrigin) => Promise<ExtractedArticle>;

export interface Extraction {
  article: ExtractedArticle;
  /** Only the feed's summary could be stored: the article page failed. Retried on later ingests. */
  summaryOnly: boolean;
}

/** An article found in a source, not yet extracted: extraction runs only when the raw hash changed. */
export interface Candidate {
  type: 'article';
  key: string;
  sourceId: string;
  location: string;
  rawHash: string;
  extract: (extractor: Extractor) => Promise<Extraction>;
}

export interface Skipped {
  type: 'skipped';
  location: string;
  reason: string;
}

/** Reported when a whole source failed: its stored articles must not be treated as gone. */
export interface SourceFailed {
  type: 'source-failed';
  sourceId: string;
  reason: string;
}

/** The server said the source has not changed since the last ingest (HTTP 304). */
export interface SourceNotModified {
  type: 'not-modified';
  sourceId: string;
}

export type SourceEvent = Candidate | Skipped | SourceFailed | SourceNotModified;

/** Remembers ETag / Last-Modified per URL between ingests, for conditional requests. */
export interface HttpValidatorCache {
  get(url: string): Validators | undefined;
  set(url: string, validators: Validators): void;
}

/**
 * How the server answered for a web source itself (not its items' pages): what a feed's poll
 * schedule is decided from (its items' dates, 304, status and caching headers).
 */
export type SourceResponse =
  | { kind: 'fetched'; headers: ResponseHeaders /** The feed's items' dates as written; null for a page. */; itemDates: (string | null)[] | null }
  | { kind: 'not-modified'; headers: ResponseHeaders }
  | {
      kind: 'failed' /** The HTTP status when the server answered with an error; null when none came (refused, timeout, bad feed). */;
      status: number | null;
      headers: ResponseHeaders | null;
      reason: string;
    };

export interface ListOptions extends FetchLimits {
  /** Overall time for one feed's item pages; items not fetched by then are stored as summaries. */
  feedDeadlineMs: number;
  validators?: HttpValidatorCache;
  /** Fetch this source in full even if unchanged (it has summary-only articles to retry). */
  forceRefetch?: (sourceId: string) => boolean;
  /** Told of every link the address guard refused (reported in the ingest summary). */
  onRefused?: (location: string, reason: string) => void;
  /** Told why an item page could not be fetched (its item falls back to the feed's summary). */
  onPageFailed?: (location: string, reason: string) => void;
  /** Told how the server answered for the source's own URL (the feed poller schedules from it). */
  onSourceResponse?: (sourceId: string, response: SourceResponse) => void;
}
