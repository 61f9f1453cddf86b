import type { DatedArticle, DayRange, DigestSchedule, NewDigestSchedule } from '../../core/ports/digests.js';
import {
  DIGEST_SCHEDULE_COLUMNS,
  DIGEST_SCHEDULE_UPSERT_SET,
  LEAD_CHARS,
  MAX_DATED_ARTICLES,
  datedArticleFromRow,
  digestScheduleFromRow,
  digestScheduleValues,
  type DatedArticleRow,
  type DigestScheduleRow,
} from '../digestRows.js';
import type { Row, SqlRunner } from './pgDatabase.js';

/** PostgreSQL's digests, the same statements as sqliteDigests.ts. */

type PgDatedArticleRow = DatedArticleRow & Row;
type PgDigestScheduleRow = DigestScheduleRow & Row;

export async function datedArticles(db: SqlRunner, days: DayRange, scopeSourceIds?: string[]): Promise<DatedArticle[]> {
  const scoped = scopeSourceIds ? 'AND EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id AND s.source_id = ANY($3::text[]))' : '';
  const rows = await db.query<PgDatedArticleRow>(
    `SELECT d.id, d.title, d.outlet, d.published, d.language, d.url, d.source, d.ingested_at, d.summary_only,
       substr(coalesce(d.body, (SELECT p.text FROM passages p WHERE p.document_id = d.id AND p.section = 'body' ORDER BY p.position LIMIT 1)), 1, ${LEAD_CHARS}) AS lead
     FROM documents d WHERE d.published IS NOT NULL AND substr(d.published, 1, 10) BETWEEN $1 AND $2 ${scoped}
     ORDER BY d.published DESC, d.id LIMIT ${MAX_DATED_ARTICLES}`,
    scopeSourceIds ? [days.fromDay, days.toDay, scopeSourceIds] : [days.fromDay, days.toDay],
  );
  return rows.map(datedArticleFromRow);
}

export async function saveDigestSchedule(db: SqlRunner, schedule: NewDigestSchedule): Promise<DigestSchedule> {
  const [row] = await db.query<PgDigestScheduleRow>(
    `INSERT INTO digest_schedules(${DIGEST_SCHEDULE_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
     ON CONFLICT (guild_id, channel_id) DO UPDATE SET ${DIGEST_SCHEDULE_UPSERT_SET} RETURNING *`,
    digestScheduleValues(schedule),
  );
  return digestScheduleFromRow(row!);
}

export async function digestSchedules(db: SqlRunner, guildId?: string): Promise<DigestSchedule[]> {
  const rows =
    guildId === undefined
      ? await db.query<PgDigestScheduleRow>('SELECT * FROM digest_schedules ORDER BY id')
      : await db.query<PgDigestScheduleRow>('SELECT * FROM digest_schedules WHERE guild_id = $1 ORDER BY id', [guildId]);
  return rows.map(digestScheduleFromRow);
}

export async function removeDigestSchedules(db: SqlRunner, guildId: string, channelId?: string): Promise<DigestSchedule[]> {
  const rows =
    channelId === undefined
      ? await db.query<PgDigestScheduleRow>('DELETE FROM digest_schedules WHERE guild_id = $1 RETURNING *', [guildId])
      : await db.query<PgDigestScheduleRow>('DELETE FROM digest_schedules WHERE guild_id = $1 AND channel_id = $2 RETURNING *', [guildId, channelId]);
  return rows.map(digestScheduleFromRow);
}

/**
 * Claims a schedule's run for a server-local date in one conditional update: the row lock
 * makes a second process's update wait, re-check the condition on the new row, and change nothing.
 */
export async function claimDigestRun(db: SqlRunner, id: number, localDate: string, runAt: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE digest_schedules SET last_run_date = $1, last_run_at = $2 WHERE id = $3 AND (last_run_date IS NULL OR last_run_date <> $1) RETURNING id',
    [localDate, runAt, id],
  );
  return rows.length > 0;
}
