import { setTimeout as sleep } from 'node:timers/promises';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import type { DeskSource, FeedSchedule } from '../../src/core/ports/newsDesks.js';
import { IngestLockedError } from '../../src/store/errors.js';
import { ingest } from '../pipeline.js';
import type { IngestSummary } from '../summary.js';
import { deskSourceSpec } from './deskSourceSpecs.js';
import { type FeedPollDeps, pollFeed } from './pollFeed.js';
import { DEFAULT_CLAIM_TTL_MS, pollHolder } from './pollHolder.js';

export interface DeskIngestOptions extends Omit<FeedPollDeps, 'store'> {
  /** How long to wait for another ingest (a poll, /reingest, the worker) to finish before giving up. */
  waitMs?: number;
  /** Between tries while another ingest runs. */
  retryEveryMs?: number;
}

/** What reading a just-added source gave, for the reply to whoever added it. */
export interface DeskIngestResult {
  added: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  /** Why the source, or some of its articles, could not be read, in words for the person who added it (the first few). */
  errors: string[];
  /** A feed's schedule after this first read; null for a page (read once). */
  schedule: FeedSchedule | null;
  summary: IngestSummary;
}

export const DEFAULT_DESK_INGEST_WAIT_MS = 10 * 60_000;
const MAX_ERRORS = 5;

/**
 * Reads a source a server just added, in the background of /feeds add. A feed is read the
 * way the poller reads it (claim, conditional fetch, schedule saved), so its next poll shows
 * in /feeds list at once and no poller reads it at the same time; a page is read once. While
 * another ingest holds the store's lock (or another process polls this feed), it waits and
 * tries again, up to `waitMs`; then it throws the IngestLockedError.
 */
export async function ingestDeskSource(store: KnowledgeStore, source: DeskSource, options: DeskIngestOptions): Promise<DeskIngestResult> {
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_DESK_INGEST_WAIT_MS);
  const holder = pollHolder('feeds-add');
  for (;;) {
    try {
      const read = await readOnce(store, source, holder, options);
      if (read) return read;
    } catch (error) {
      if (!(error instanceof IngestLockedError) || Date.now() >= deadline) throw error;
    }
    if (Date.now() >= deadline) throw new IngestLockedError(`another process polling ${source.url}`);
    await sleep(options.retryEveryMs ?? 2_000, undefined, { signal: options.ingestOptions.signal });
  }
}

/** One try; null when another process holds this feed's poll claim. */
async function readOnce(store: KnowledgeStore, source: DeskSource, holder: string, options: DeskIngestOptions): Promise<DeskIngestResult | null> {
  const spec = deskSourceSpec(source);
  if (source.kind === 'page') {
    const summary = await ingest({ ...options.ingestOptions, sources: [spec], store, prune: false, now: options.now });
    return resultOf(summary, null);
  }
  if (!(await store.claimFeedPoll(source.url, holder, DEFAULT_CLAIM_TTL_MS))) return null;
  try {
    const polled = await pollFeed(spec, { ...options, store });
    return resultOf(polled.summary, polled.schedule);
  } finally {
    await store.releaseFeedPoll(source.url, holder);
  }
}

function resultOf(summary: IngestSummary, schedule: FeedSchedule | null): DeskIngestResult {
  // A refused source URL is both a refusal and the source's failure: said once, as the refusal.
  const refusedReasons = new Set(summary.refused.map((r) => r.reason));
  const errors = [
    ...summary.refused.map((r) => `not fetched: ${r.location} ${r.reason}`),
    ...summary.failedSources.filter((f) => !refusedReasons.has(f.reason)).map((f) => f.reason),
    ...summary.skipped.map((s) => `${s.location}: ${s.reason}`),
  ].slice(0, MAX_ERRORS);
  const { added, updated, unchanged, duplicates } = summary;
  return { added, updated, unchanged, duplicates, errors, schedule, summary };
}
