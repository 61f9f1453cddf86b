import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import type { FeedSchedule } from '../../src/core/ports/newsDesks.js';
import { IngestLockedError } from '../../src/store/errors.js';
import type { IngestOptions } from '../ingestOptions.js';
import { ingest } from '../pipeline.js';
import { IngestAbortedError } from '../stages/ingestAborted.js';
import type { SourceResponse } from '../sources/sourceEvents.js';
import type { SourceSpec } from '../sources/sourceSpecs.js';
import type { IngestSummary } from '../summary.js';
import {
  DEFAULT_MAX_INTERVAL_MS,
  FIRST_POLL,
  formatDuration,
  nextPoll,
  type PollOutcome,
  type PollScheduleOptions,
  type PreviousSchedule,
} from './pollSchedule.js';

/** What every feed's ingest shares (limits, model, fetch guard, log); the feed, the store and the clock are the poll's. */
export type FeedIngestOptions = Omit<IngestOptions, 'sources' | 'store' | 'prune' | 'now' | 'onSourceResponse'>;

export interface FeedPollDeps {
  store: KnowledgeStore;
  ingestOptions: FeedIngestOptions;
  /** FEED_MIN_INTERVAL_MINUTES (and the maximum interval) in milliseconds. */
  schedule: PollScheduleOptions;
  /** The clock the schedule is decided by (tests move it instead of sleeping). */
  now?: () => number;
}

export interface FeedPollResult {
  summary: IngestSummary;
  /** How the server answered for the feed itself; null when it was not fetched at all. */
  response: SourceResponse | null;
  schedule: FeedSchedule;
}

/**
 * Reads one feed now, as a feed reader does: one ingest of that source alone (conditional
 * request with the validators stored for its URL; nothing pruned, a reader keeps what a feed
 * brought), then its next poll decided from how the server answered and saved. The ingest
 * lock held by another run (IngestLockedError) is thrown and the schedule left as it was:
 * the feed is simply tried again at the next tick. Any other failed run counts as a failed poll.
 */
export async function pollFeed(spec: SourceSpec, deps: FeedPollDeps): Promise<FeedPollResult> {
  const now = deps.now ?? Date.now;
  let response: SourceResponse | null = null;
  const onSourceResponse = (sourceId: string, answer: SourceResponse) => {
    if (sourceId === spec.id) response = answer;
  };
  const options: IngestOptions = { ...deps.ingestOptions, sources: [spec], store: deps.store, prune: false, now, onSourceResponse };
  let summary: IngestSummary;
  try {
    summary = await ingest(options);
  } catch (error) {
    if (error instanceof IngestLockedError || error instanceof IngestAbortedError) throw error;
    await saveSchedule(spec.id, { kind: 'failed', status: null, headers: null, reason: (error as Error).message }, deps);
    throw error;
  }
  const answer = response ?? notRead(spec, summary);
  return { summary, response, schedule: await saveSchedule(spec.id, answer, deps) };
}

/** A feed the run never fetched (the fetch was refused before any request, or the listing never began). */
function notRead(spec: SourceSpec, summary: IngestSummary): SourceResponse {
  const failure = summary.failedSources.find((f) => f.source === spec.id);
  return { kind: 'failed', status: null, headers: null, reason: failure?.reason ?? 'the feed was not read' };
}

async function saveSchedule(sourceId: string, response: SourceResponse, deps: FeedPollDeps): Promise<FeedSchedule> {
  const at = (deps.now ?? Date.now)();
  const previous = await deps.store.feedSchedule(sourceId);
  const decided = decide(
    response,
    previous ? { intervalMs: previous.intervalMs, consecutiveFailures: previous.consecutiveFailures } : FIRST_POLL,
    at,
    deps.schedule,
  );
  const schedule: FeedSchedule = {
    sourceId,
    nextPollAt: new Date(decided.nextPollAt).toISOString(),
    intervalMs: decided.intervalMs,
    consecutiveFailures: decided.consecutiveFailures,
    backingOff: decided.backingOff,
    reason: decided.reason,
    lastPolledAt: new Date(at).toISOString(),
  };
  await deps.store.saveFeedSchedule(schedule);
  return schedule;
}

/** The schedule after this answer; a page (not a feed) has no publishing rate and is read again at the maximum interval. */
function decide(response: SourceResponse, previous: PreviousSchedule, at: number, options: PollScheduleOptions) {
  if (response.kind === 'fetched' && response.itemDates === null) {
    const max = nextPoll({ kind: 'fetched', itemDates: [] }, previous, at, { ...options, minIntervalMs: options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS });
    return { ...max, reason: `a page, not a feed: read again every ${formatDuration(max.intervalMs)}` };
  }
  return nextPoll(pollOutcomeOf(response), previous, at, options);
}

export function pollOutcomeOf(response: SourceResponse): PollOutcome {
  if (response.kind === 'fetched') return { kind: 'fetched', itemDates: response.itemDates ?? [], headers: response.headers };
  if (response.kind === 'not-modified') return { kind: 'not-modified', headers: response.headers };
  return { kind: 'failed', status: response.status, retryAfter: response.headers?.retryAfter ?? null };
}
