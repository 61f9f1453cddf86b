import type { FeedSchedule } from '../../core/ports/newsDesks.js';
import { FEED_SCHEDULE_COLUMNS, FEED_SCHEDULE_UPSERT_SET, feedScheduleFromRow, feedScheduleValues, type FeedScheduleRow } from '../feedScheduleRow.js';
import type { Row, SqlRunner } from './pgDatabase.js';

/** PostgreSQL's feed polling: each feed's schedule, and the claim that one process (shard, worker) polls a feed at a time. */

type PgFeedScheduleRow = FeedScheduleRow & Row;

export async function feedSchedule(db: SqlRunner, sourceId: string): Promise<FeedSchedule | undefined> {
  const [row] = await db.query<PgFeedScheduleRow>('SELECT * FROM feed_schedules WHERE source_id = $1', [sourceId]);
  return row && feedScheduleFromRow(row);
}

export async function feedSchedules(db: SqlRunner): Promise<FeedSchedule[]> {
  return (await db.query<PgFeedScheduleRow>('SELECT * FROM feed_schedules ORDER BY next_poll_at, source_id')).map(feedScheduleFromRow);
}

export async function saveFeedSchedule(db: SqlRunner, schedule: FeedSchedule): Promise<void> {
  await db.query(
    `INSERT INTO feed_schedules(${FEED_SCHEDULE_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (source_id) DO UPDATE SET ${FEED_SCHEDULE_UPSERT_SET}`,
    [...feedScheduleValues(schedule, (value) => value)],
  );
}

/**
 * Takes the claim when nobody holds it or the holder's claim expired, in one upsert: the row
 * lock it takes makes two connections asking at once wait for each other, and the second then
 * sees the first's claim and gets no row back. Expiry is measured by the database's clock, the
 * one clock every shard shares.
 */
export async function claimFeedPoll(db: SqlRunner, sourceId: string, holder: string, ttlMs: number): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO feed_poll_claims(source_id, holder, expires_at) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
     ON CONFLICT (source_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE feed_poll_claims.expires_at <= clock_timestamp() RETURNING source_id`,
    [sourceId, holder, ttlMs],
  );
  return rows.length > 0;
}

export async function releaseFeedPoll(db: SqlRunner, sourceId: string, holder: string): Promise<void> {
  await db.query('DELETE FROM feed_poll_claims WHERE source_id = $1 AND holder = $2', [sourceId, holder]);
}
