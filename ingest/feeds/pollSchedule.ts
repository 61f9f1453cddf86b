import { backoffDelayMs } from '../sourceBackoff.js';
import { parseRetryAfter } from '../sources/hostCooldowns.js';

/**
 * When a feed is polled next, decided the way mature feed readers (Miniflux, FreshRSS, Tiny
 * Tiny RSS) decide it: a feed is asked about as often as it publishes, never more often than
 * the operator allows (FEED_MIN_INTERVAL_MINUTES) and never less than once a day; the
 * server's own word (Cache-Control, Expires, Retry-After) pushes a poll later, never earlier;
 * a failing feed backs off exponentially. Pure functions: the caller passes `now`.
 */
export interface PollScheduleOptions {
  /** FEED_MIN_INTERVAL_MINUTES in milliseconds: the operator's politeness floor, never undercut. */
  minIntervalMs: number;
  /** Longest interval between polls of a healthy feed; a quiet feed is still read once a day. */
  maxIntervalMs?: number;
  /** How many of the newest items the publishing rate is measured over. */
  sampleSize?: number;
}

export const DEFAULT_MAX_INTERVAL_MS = 24 * 60 * 60_000;
/** Ten items: enough to average out a burst, recent enough to follow a feed that changes pace. */
export const DEFAULT_SAMPLE_SIZE = 10;
/** A feed that dates none of its items: hourly, what FreshRSS and most readers use by default. */
export const UNDATED_FEED_INTERVAL_MS = 60 * 60_000;

/** The response headers that bear on the schedule, as the server sent them. */
export interface CacheHeaders {
  cacheControl?: string | null;
  expires?: string | null;
  /** The response's Date: Expires is relative to the server's clock, not ours. */
  date?: string | null;
}

export type PollOutcome =
  | { kind: 'fetched'; itemDates: readonly (string | null)[]; headers?: CacheHeaders }
  | { kind: 'not-modified'; headers?: CacheHeaders }
  | { kind: 'failed'; status?: number | null; retryAfter?: string | null };

/** What the previous decision left: the publishing interval (null before the first read) and the failures in a row. */
export interface PreviousSchedule {
  intervalMs: number | null;
  consecutiveFailures: number;
}

export interface PollSchedule {
  /** Epoch milliseconds. */
  nextPollAt: number;
  /** The interval the feed's publishing rate calls for; kept through 304s and failures. */
  intervalMs: number;
  consecutiveFailures: number;
  /** The feed is failing and waits longer than usual: shown as such in the feed's status. */
  backingOff: boolean;
  /** For the feed's status line: why the next poll is when it is. */
  reason: string;
}

export const FIRST_POLL: PreviousSchedule = { intervalMs: null, consecutiveFailures: 0 };

export function nextPoll(outcome: PollOutcome, previous: PreviousSchedule, now: number, options: PollScheduleOptions): PollSchedule {
  const bounds = boundsOf(options);
  if (outcome.kind === 'failed') return afterFailure(outcome, previous, now, bounds);
  const rate =
    outcome.kind === 'fetched' ? publishingInterval(outcome.itemDates, now, bounds, options.sampleSize ?? DEFAULT_SAMPLE_SIZE) : keptInterval(previous, bounds);
  return withCacheLifetime(
    { nextPollAt: now + rate.intervalMs, intervalMs: rate.intervalMs, consecutiveFailures: 0, backingOff: false, reason: rate.reason },
    outcome.headers,
    now,
    bounds,
  );
}

export interface Bounds {
  min: number;
  max: number;
}

/** A minimum above the maximum (a FEED_MIN_INTERVAL_MINUTES over a day) wins: the operator's floor is never undercut. */
function boundsOf(options: PollScheduleOptions): Bounds {
  const min = Math.max(0, options.minIntervalMs);
  return { min, max: Math.max(min, options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS) };
}

export interface Rate {
  intervalMs: number;
  reason: string;
}

function clamped(measured: number, bounds: Bounds, what: string): Rate {
  if (measured < bounds.min)
    return { intervalMs: bounds.min, reason: `${what}; polled at the minimum interval (FEED_MIN_INTERVAL_MINUTES), ${formatDuration(bounds.min)}` };
  if (measured > bounds.max) return { intervalMs: bounds.max, reason: `${what}; polled at the maximum interval, ${formatDuration(bounds.max)}` };
  return { intervalMs: Math.round(measured), reason: what };
}

/**
 * The mean time per item over the newest `sampleSize` items, counted up to now rather than
 * to the newest item: (now - oldest sampled) / count. A feed that publishes hourly gets
 * about an hour; one that went quiet a month ago gets a long interval, even though its last
 * ten items came in a burst. Unreadable dates are ignored, future ones (wrong clocks) count as now.
 */
export function publishingInterval(itemDates: readonly (string | null)[], now: number, bounds: Bounds, sampleSize = DEFAULT_SAMPLE_SIZE): Rate {
  const times = itemDates
    .map((date) => (date ? Date.parse(date) : Number.NaN))
    .filter((time) => !Number.isNaN(time))
    .map((time) => Math.min(time, now))
    .sort((a, b) => b - a)
    .slice(0, Math.max(1, sampleSize));
  if (times.length === 0)
    return clamped(UNDATED_FEED_INTERVAL_MS, bounds, `the feed dates none of its items: every ${formatDuration(UNDATED_FEED_INTERVAL_MS)}`);
  const measured = (now - times[times.length - 1]!) / times.length;
  return clamped(measured, bounds, `publishes about every ${formatDuration(measured)} (newest ${times.length === 1 ? 'item' : `${times.length} items`})`);
}

/** 304 Not Modified: nothing new to measure, so the interval measured last stands. */
function keptInterval(previous: PreviousSchedule, bounds: Bounds): Rate {
  if (previous.intervalMs === null)
    return clamped(UNDATED_FEED_INTERVAL_MS, bounds, `not modified, no interval measured yet: every ${formatDuration(UNDATED_FEED_INTERVAL_MS)}`);
  return clamped(previous.intervalMs, bounds, `not modified; interval kept at ${formatDuration(previous.intervalMs)}`);
}

/**
 * How long the server says its response stays fresh: Cache-Control max-age, else Expires
 * minus the response's Date (the server's clock against itself, so a skewed clock does not
 * matter). null when it says nothing usable; no-store/no-cache say nothing about when to come back.
 */
export function cacheLifetimeMs(headers: CacheHeaders | undefined, now: number): number | null {
  const maxAge = headers?.cacheControl?.match(/(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/i)?.[1];
  if (maxAge !== undefined) return Number(maxAge) * 1000;
  if (!headers?.expires) return null;
  const expires = Date.parse(headers.expires);
  if (Number.isNaN(expires)) return null;
  const served = headers.date ? Date.parse(headers.date) : Number.NaN;
  return Math.max(0, expires - (Number.isNaN(served) ? now : served));
}

/** A server asking to be left alone longer than the measured interval gets its wish, up to the maximum interval. */
function withCacheLifetime(schedule: PollSchedule, headers: CacheHeaders | undefined, now: number, bounds: Bounds): PollSchedule {
  const lifetime = cacheLifetimeMs(headers, now);
  if (lifetime === null || lifetime <= schedule.intervalMs) return schedule;
  const wait = Math.min(lifetime, bounds.max);
  const header = headers?.cacheControl && /max-age/i.test(headers.cacheControl) ? 'Cache-Control max-age' : 'Expires';
  return {
    ...schedule,
    nextPollAt: now + wait,
    reason: `${schedule.reason}; the server's ${header} (${formatDuration(lifetime)}) puts the next poll ${formatDuration(wait)} away`,
  };
}

/**
 * A failed poll: a 429/503 with Retry-After waits as long as the server asked (up to the
 * day parseRetryAfter allows); any other failure waits backoffDelayMs(failures in a row),
 * the same exponential backoff as the operator's web sources. Never sooner than the minimum.
 */
function afterFailure(outcome: Extract<PollOutcome, { kind: 'failed' }>, previous: PreviousSchedule, now: number, bounds: Bounds): PollSchedule {
  const consecutiveFailures = previous.consecutiveFailures + 1;
  // Kept for when the feed recovers; within today's bounds, which the operator may have changed.
  const intervalMs = Math.min(bounds.max, Math.max(bounds.min, previous.intervalMs ?? UNDATED_FEED_INTERVAL_MS));
  const askedPause = outcome.status === 429 || outcome.status === 503 ? parseRetryAfter(outcome.retryAfter ?? null, now) : null;
  const wait = Math.max(bounds.min, askedPause ?? backoffDelayMs(consecutiveFailures));
  const nextPollAt = now + wait;
  const why =
    askedPause !== null
      ? `the server asked for a pause (HTTP ${outcome.status}, Retry-After)`
      : `${consecutiveFailures} failed ${consecutiveFailures === 1 ? 'poll' : 'polls in a row'}`;
  return { nextPollAt, intervalMs, consecutiveFailures, backingOff: true, reason: `backing off until ${new Date(nextPollAt).toISOString()} after ${why}` };
}

/** "45 s", "20 min", "2 h 30 min", "3 d 4 h": status lines are read by people. */
export function formatDuration(ms: number): string {
  if (ms < 59_500) return `${Math.max(0, Math.round(ms / 1000))} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
  return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
