import type { FeedSchedule } from '../../core/ports/newsDesks.js';
import { FEED_SCHEDULE_COLUMNS, FEED_SCHEDULE_UPSERT_SET, feedScheduleFromRow, feedScheduleValues, type FeedScheduleRow } from '../feedScheduleRow.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

/** SQLite's feed polling: each feed's schedule, and the claim that one process polls a feed at a time. */

export function feedSchedule(sqlite: SqliteDatabase, sourceId: string): FeedSchedule | undefined {
  const row = sqlite.statement('SELECT * FROM feed_schedules WHERE source_id = ?').get(sourceId) as FeedScheduleRow | undefined;
  return row && feedScheduleFromRow(row);
}

export function feedSchedules(sqlite: SqliteDatabase): FeedSchedule[] {
  return (sqlite.statement('SELECT * FROM feed_schedules ORDER BY next_poll_at, source_id').all() as FeedScheduleRow[]).map(feedScheduleFromRow);
}

export function saveFeedSchedule(sqlite: SqliteDatabase, schedule: FeedSchedule): void {
  sqlite
    .statement(`INSERT INTO feed_schedules(${FEED_SCHEDULE_COLUMNS}) VALUES (?,?,?,?,?,?,?) ON CONFLICT(source_id) DO UPDATE SET ${FEED_SCHEDULE_UPSERT_SET}`)
    .run(...feedScheduleValues(schedule, (value) => (value ? 1 : 0)));
}

/**
 * Takes the claim when nobody holds it or the holder's claim expired. One statement, so it is
 * atomic across connections to the file too (SQLite serialises writers); a holder asking again
 * while its claim runs is refused like anyone else: one poll of a feed at a time.
 */
export function claimFeedPoll(sqlite: SqliteDatabase, sourceId: string, holder: string, ttlMs: number, now: number): boolean {
  const claimed = sqlite
    .statement(
      `INSERT INTO feed_poll_claims(source_id, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT(source_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE feed_poll_claims.expires_at <= ?`,
    )
    .run(sourceId, holder, now + ttlMs, now);
  return claimed.changes > 0;
}

export function releaseFeedPoll(sqlite: SqliteDatabase, sourceId: string, holder: string): void {
  sqlite.statement('DELETE FROM feed_poll_claims WHERE source_id = ? AND holder = ?').run(sourceId, holder);
}
