import type { FeedSchedule } from '../core/ports/newsDesks.js';

/** A `feed_schedules` row as both SQL backends store it (times as ISO text, like source_status). */
export type FeedScheduleRow = {
  source_id: string;
  next_poll_at: string;
  interval_ms: number | string;
  consecutive_failures: number | string;
  backing_off: number | boolean;
  reason: string;
  last_polled_at: string | null;
};

export const FEED_SCHEDULE_COLUMNS = 'source_id, next_poll_at, interval_ms, consecutive_failures, backing_off, reason, last_polled_at';

export const FEED_SCHEDULE_UPSERT_SET =
  'next_poll_at = excluded.next_poll_at, interval_ms = excluded.interval_ms, consecutive_failures = excluded.consecutive_failures, ' +
  'backing_off = excluded.backing_off, reason = excluded.reason, last_polled_at = excluded.last_polled_at';

export function feedScheduleFromRow(row: FeedScheduleRow): FeedSchedule {
  return {
    sourceId: row.source_id,
    nextPollAt: row.next_poll_at,
    intervalMs: Number(row.interval_ms),
    consecutiveFailures: Number(row.consecutive_failures),
    backingOff: row.backing_off === true || Number(row.backing_off) === 1,
    reason: row.reason,
    lastPolledAt: row.last_polled_at,
  };
}

/** The row's values in FEED_SCHEDULE_COLUMNS order (backing_off as the backend binds a boolean). */
export function feedScheduleValues(schedule: FeedSchedule, asBoolean: (value: boolean) => number | boolean) {
  return [
    schedule.sourceId,
    schedule.nextPollAt,
    Math.round(schedule.intervalMs),
    schedule.consecutiveFailures,
    asBoolean(schedule.backingOff),
    schedule.reason,
    schedule.lastPolledAt,
  ] as const;
}
