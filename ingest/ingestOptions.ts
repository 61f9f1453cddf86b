import type { LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import type { KnowledgeStore } from '../src/core/ports/knowledgeStore.js';
import type { Extractor, SourceResponse } from './sources/sourceEvents.js';
import type { FetchPolicyOptions } from './sources/fetchPolicy.js';
import type { SourceSpec } from './sources/sourceSpecs.js';
import type { IngestProgress } from './summary.js';

export interface IngestOptions {
  dataDir: string;
  sources: SourceSpec[];
  embeddings: LoadedEmbeddings;
  /** Remove stored articles no longer listed by a source that was read successfully. */
  prune?: boolean;
  fetchTimeoutMs: number;
  maxArticleBytes: number;
  /** Time one article's extraction may take before it is skipped (EXTRACTION_TIMEOUT_MS). */
  extractionTimeoutMs?: number;
  /** Overall time for a feed's item pages (FEED_DEADLINE_MS). */
  feedDeadlineMs?: number;
  userAgent?: string;
  /** Extraction function; by default a worker-thread pool with the time limit above. */
  extractor?: Extractor;
  onProgress?: (progress: IngestProgress) => void;
  log?: (message: string) => void;
  /** Opened store to reuse (the bot's); otherwise the pipeline opens and closes its own SQLite store in dataDir. */
  store?: KnowledgeStore;
  /** Stops the run between articles (shutdown); what was written so far stays consistent. */
  signal?: AbortSignal;
  /** FETCH_ALLOW_PRIVATE_NETWORKS / FETCH_ALLOWED_HOSTS (and a resolver for tests); the sources' own URLs are always trusted. */
  fetchGuard?: Omit<FetchPolicyOptions, 'operatorUrls'>;
  /** Clock for source backoff and servers' pauses (tests, the feed poller's tests). */
  now?: () => number;
  /** Told how the server answered for each web source's own URL (the feed poller schedules from it). */
  onSourceResponse?: (sourceId: string, response: SourceResponse) => void;
}
