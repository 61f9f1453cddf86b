import { describe, expect, it } from 'vitest';
import { cacheLifetimeMs, FIRST_POLL, formatDuration, nextPoll, type PollOutcome, type PreviousSchedule } from '../../../ingest/feeds/pollSchedule.js';
import { BACKOFF_CAP_MS } from '../../../ingest/sourceBackoff.js';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const options = { minIntervalMs: 15 * MINUTE };

/** ISO dates of items published `ago` milliseconds before NOW. */
const dated = (...ago: number[]) => ago.map((ms) => new Date(NOW - ms).toISOString());
/** `count` items, one every `every` ms, the newest `every` ago. */
const every = (everyMs: number, count = 10) => dated(...Array.from({ length: count }, (_, i) => (i + 1) * everyMs));
const fetched = (itemDates: (string | null)[], headers?: Extract<PollOutcome, { kind: 'fetched' }>['headers']): PollOutcome => ({
  kind: 'fetched',
  itemDates,
  headers,
});

describe('nextPoll after a successful read: the interval follows how often the feed publishes', () => {
  it.each([
    ['an hourly feed', every(HOUR), HOUR, 'publishes about every 1 h (newest 10 items)'],
    ['only the newest 10 items count', [...every(2 * HOUR), ...dated(30 * DAY, 60 * DAY)], 2 * HOUR, 'publishes about every 2 h (newest 10 items)'],
    ['items in any order', every(3 * HOUR).reverse(), 3 * HOUR, 'publishes about every 3 h (newest 10 items)'],
    [
      'a feed publishing every minute is held to the minimum',
      every(MINUTE),
      15 * MINUTE,
      'publishes about every 1 min (newest 10 items); polled at the minimum interval (FEED_MIN_INTERVAL_MINUTES), 15 min',
    ],
    [
      'a feed quiet for a year is read once a day',
      every(DAY / 24).map((d) => new Date(Date.parse(d) - 365 * DAY).toISOString()),
      DAY,
      'publishes about every 36 d 13 h (newest 10 items); polled at the maximum interval, 24 h',
    ],
    ['a single item six hours old', dated(6 * HOUR), 6 * HOUR, 'publishes about every 6 h (newest item)'],
    ['no dates at all: hourly', [null, null, 'not a date'], HOUR, 'the feed dates none of its items: every 1 h'],
    ['no items', [], HOUR, 'the feed dates none of its items: every 1 h'],
    ['unreadable dates are skipped', [...every(HOUR, 4), 'yesterday-ish', null], HOUR, 'publishes about every 1 h (newest 4 items)'],
  ])('%s', (_what, itemDates, intervalMs, reason) => {
    const schedule = nextPoll(fetched(itemDates), FIRST_POLL, NOW, options);
    expect(schedule).toEqual({ nextPollAt: NOW + intervalMs, intervalMs, consecutiveFailures: 0, backingOff: false, reason });
  });

  it('counts future dates as now (a wrong clock does not make a feed look slower)', () => {
    // Two items "now" and one 4 h ago: 4 h / 3 items.
    expect(nextPoll(fetched(dated(-5 * DAY, -DAY, 4 * HOUR)), FIRST_POLL, NOW, options).intervalMs).toBe(80 * MINUTE);
  });

  it('uses the given sample size and maximum', () => {
    const items = [...every(HOUR, 3), ...dated(10 * DAY)];
    expect(nextPoll(fetched(items), FIRST_POLL, NOW, { ...options, sampleSize: 3 }).intervalMs).toBe(HOUR);
    expect(nextPoll(fetched(every(DAY)), FIRST_POLL, NOW, { ...options, maxIntervalMs: 6 * HOUR }).intervalMs).toBe(6 * HOUR);
  });

  it('never undercuts the minimum, even one above the maximum', () => {
    const schedule = nextPoll(fetched(every(MINUTE)), FIRST_POLL, NOW, { minIntervalMs: 2 * DAY });
    expect(schedule.intervalMs).toBe(2 * DAY);
  });

  it('clears the failures of a feed that recovers', () => {
    const schedule = nextPoll(fetched(every(HOUR)), { intervalMs: 2 * HOUR, consecutiveFailures: 4 }, NOW, options);
    expect(schedule).toMatchObject({ consecutiveFailures: 0, backingOff: false, intervalMs: HOUR, nextPollAt: NOW + HOUR });
  });
});

describe("nextPoll and the server's caching headers: later, never earlier", () => {
  it.each([
    [
      'max-age longer than the interval pushes the poll later',
      { cacheControl: 'public, max-age=7200' },
      NOW + 2 * HOUR,
      "publishes about every 1 h (newest 10 items); the server's Cache-Control max-age (2 h) puts the next poll 2 h away",
    ],
    ['max-age shorter than the interval changes nothing', { cacheControl: 'max-age=600' }, NOW + HOUR, 'publishes about every 1 h (newest 10 items)'],
    ['max-age=0 / no-cache change nothing', { cacheControl: 'no-cache, max-age=0' }, NOW + HOUR, 'publishes about every 1 h (newest 10 items)'],
    ['a quoted max-age is read', { cacheControl: 'private, max-age="5400"' }, NOW + 90 * MINUTE, expect.stringContaining('Cache-Control max-age (1 h 30 min)')],
    ['s-maxage is for shared caches, not us', { cacheControl: 's-maxage=99999' }, NOW + HOUR, 'publishes about every 1 h (newest 10 items)'],
    [
      'a year of max-age is cut to the maximum interval',
      { cacheControl: 'max-age=31536000' },
      NOW + DAY,
      expect.stringContaining('(365 d) puts the next poll 24 h away'),
    ],
    [
      'Expires is measured against the response Date',
      { expires: 'Fri, 04 Dec 2026 09:00:00 GMT', date: 'Fri, 04 Dec 2026 06:00:00 GMT' },
      NOW + 3 * HOUR,
      expect.stringContaining("the server's Expires (3 h)"),
    ],
    ['Expires without Date is measured against now', { expires: 'Fri, 04 Dec 2026 15:00:00 GMT' }, NOW + 3 * HOUR, expect.stringContaining('Expires (3 h)')],
    [
      'max-age wins over Expires',
      { cacheControl: 'max-age=60', expires: 'Fri, 04 Dec 2026 18:00:00 GMT' },
      NOW + HOUR,
      'publishes about every 1 h (newest 10 items)',
    ],
    ['an unreadable Expires is ignored', { expires: '0' }, NOW + HOUR, 'publishes about every 1 h (newest 10 items)'],
  ])('%s', (_what, headers, nextPollAt, reason) => {
    expect(nextPoll(fetched(every(HOUR), headers), FIRST_POLL, NOW, options)).toEqual({
      nextPollAt,
      intervalMs: HOUR,
      consecutiveFailures: 0,
      backingOff: false,
      reason,
    });
  });

  it('reads lifetimes', () => {
    expect(cacheLifetimeMs(undefined, NOW)).toBeNull();
    expect(cacheLifetimeMs({ cacheControl: 'no-store' }, NOW)).toBeNull();
    expect(cacheLifetimeMs({ cacheControl: 'max-age=30' }, NOW)).toBe(30_000);
    expect(cacheLifetimeMs({ expires: 'Fri, 04 Dec 2026 11:00:00 GMT' }, NOW)).toBe(0);
  });
});

describe('nextPoll after 304 Not Modified', () => {
  it.each<[string, PreviousSchedule, number, string]>([
    ['keeps the previous interval', { intervalMs: 2 * HOUR, consecutiveFailures: 0 }, 2 * HOUR, 'not modified; interval kept at 2 h'],
    [
      'keeps it within the bounds',
      { intervalMs: MINUTE, consecutiveFailures: 0 },
      15 * MINUTE,
      'not modified; interval kept at 1 min; polled at the minimum interval (FEED_MIN_INTERVAL_MINUTES), 15 min',
    ],
    ['with no interval measured yet: hourly', FIRST_POLL, HOUR, 'not modified, no interval measured yet: every 1 h'],
    ['clears failures', { intervalMs: 3 * HOUR, consecutiveFailures: 2 }, 3 * HOUR, 'not modified; interval kept at 3 h'],
  ])('%s', (_what, previous, intervalMs, reason) => {
    expect(nextPoll({ kind: 'not-modified' }, previous, NOW, options)).toEqual({
      nextPollAt: NOW + intervalMs,
      intervalMs,
      consecutiveFailures: 0,
      backingOff: false,
      reason,
    });
  });

  it('still respects Cache-Control', () => {
    const schedule = nextPoll({ kind: 'not-modified', headers: { cacheControl: 'max-age=14400' } }, { intervalMs: HOUR, consecutiveFailures: 0 }, NOW, options);
    expect(schedule).toMatchObject({ nextPollAt: NOW + 4 * HOUR, intervalMs: HOUR });
  });
});

describe('nextPoll after a failure: backing off', () => {
  const iso = (ms: number) => new Date(NOW + ms).toISOString();
  it.each<[string, PollOutcome, number, number, string]>([
    ['the first failure waits the backoff base', { kind: 'failed', status: 500 }, 0, 15 * MINUTE, `backing off until ${iso(15 * MINUTE)} after 1 failed poll`],
    ['the third in a row waits four times as long', { kind: 'failed', status: null }, 2, HOUR, `backing off until ${iso(HOUR)} after 3 failed polls in a row`],
    ['the backoff is capped', { kind: 'failed' }, 20, BACKOFF_CAP_MS, `backing off until ${iso(BACKOFF_CAP_MS)} after 21 failed polls in a row`],
    [
      '429 with Retry-After seconds waits as asked',
      { kind: 'failed', status: 429, retryAfter: '7200' },
      0,
      2 * HOUR,
      `backing off until ${iso(2 * HOUR)} after the server asked for a pause (HTTP 429, Retry-After)`,
    ],
    [
      '503 with a Retry-After date waits until then',
      { kind: 'failed', status: 503, retryAfter: 'Fri, 04 Dec 2026 15:00:00 GMT' },
      5,
      3 * HOUR,
      `backing off until ${iso(3 * HOUR)} after the server asked for a pause (HTTP 503, Retry-After)`,
    ],
    [
      'a short Retry-After is held to the minimum interval',
      { kind: 'failed', status: 429, retryAfter: '30' },
      0,
      15 * MINUTE,
      `backing off until ${iso(15 * MINUTE)} after the server asked for a pause (HTTP 429, Retry-After)`,
    ],
    [
      'an absurd Retry-After is cut to a day',
      { kind: 'failed', status: 429, retryAfter: '99999999' },
      0,
      DAY,
      expect.stringContaining('HTTP 429, Retry-After') as unknown as string,
    ],
    [
      'Retry-After on another status is not a pause request',
      { kind: 'failed', status: 500, retryAfter: '7200' },
      1,
      30 * MINUTE,
      `backing off until ${iso(30 * MINUTE)} after 2 failed polls in a row`,
    ],
    [
      'an unreadable Retry-After falls back to the backoff',
      { kind: 'failed', status: 503, retryAfter: 'soon' },
      0,
      15 * MINUTE,
      `backing off until ${iso(15 * MINUTE)} after 1 failed poll`,
    ],
  ])('%s', (_what, outcome, failuresBefore, wait, reason) => {
    const schedule = nextPoll(outcome, { intervalMs: 2 * HOUR, consecutiveFailures: failuresBefore }, NOW, options);
    expect(schedule).toEqual({ nextPollAt: NOW + wait, intervalMs: 2 * HOUR, consecutiveFailures: failuresBefore + 1, backingOff: true, reason });
  });

  it('never retries sooner than the minimum interval', () => {
    expect(nextPoll({ kind: 'failed' }, FIRST_POLL, NOW, { minIntervalMs: 45 * MINUTE }).nextPollAt).toBe(NOW + 45 * MINUTE);
  });

  it('keeps the interval within the bounds of the day', () => {
    expect(nextPoll({ kind: 'failed' }, { intervalMs: 5 * MINUTE, consecutiveFailures: 0 }, NOW, options).intervalMs).toBe(15 * MINUTE);
  });

  it('a feed failing on its first read still gets an interval for when it recovers', () => {
    expect(nextPoll({ kind: 'failed' }, FIRST_POLL, NOW, options).intervalMs).toBe(HOUR);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [MINUTE, '1 min'],
    [20 * MINUTE, '20 min'],
    [HOUR, '1 h'],
    [150 * MINUTE, '2 h 30 min'],
    [DAY, '24 h'],
    [2 * DAY, '2 d'],
    [3 * DAY + 4 * HOUR, '3 d 4 h'],
  ])('%i ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
