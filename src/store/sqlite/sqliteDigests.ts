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
import type { SqliteDatabase } from './sqliteDatabase.js';

/** SQLite's digests: dated articles of a period, and servers' digest schedules with their once-a-day claim. */

/** Articles whose stated publication day is in the range (newest first), in the scope when one is given (a source of it brings them). */
export function datedArticles(sqlite: SqliteDatabase, days: DayRange, scopeSourceIds?: string[]): DatedArticle[] {
  const scoped = scopeSourceIds
    ? 'AND EXISTS (SELECT 1 FROM document_sources s WHERE s.document_id = d.id AND s.source_id IN (SELECT value FROM json_each(?)))'
    : '';
  // Version-1 articles have no stored body: their first body passage stands in for it.
  const rows = sqlite
    .statement(
      `SELECT d.id, d.title, d.outlet, d.published, d.language, d.url, d.source, d.ingested_at, d.summary_only,
         substr(coalesce(d.body, (SELECT p.text FROM passages p WHERE p.document_id = d.id AND p.section = 'body' ORDER BY p.position LIMIT 1)), 1, ${LEAD_CHARS}) AS lead
       FROM documents d WHERE d.published IS NOT NULL AND substr(d.published, 1, 10) BETWEEN ? AND ? ${scoped}
       ORDER BY d.published DESC, d.id LIMIT ${MAX_DATED_ARTICLES}`,
    )
    .all(days.fromDay, days.toDay, ...(scopeSourceIds ? [JSON.stringify(scopeSourceIds)] : [])) as DatedArticleRow[];
  return rows.map(datedArticleFromRow);
}

export function saveDigestSchedule(sqlite: SqliteDatabase, schedule: NewDigestSchedule): DigestSchedule {
  const row = sqlite
    .statement(
      `INSERT INTO digest_schedules(${DIGEST_SCHEDULE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)
       ON CONFLICT(guild_id, channel_id) DO UPDATE SET ${DIGEST_SCHEDULE_UPSERT_SET} RETURNING *`,
    )
    .get(...digestScheduleValues(schedule)) as DigestScheduleRow;
  return digestScheduleFromRow(row);
}

export function digestSchedules(sqlite: SqliteDatabase, guildId?: string): DigestSchedule[] {
  const rows = (
    guildId === undefined
      ? sqlite.statement('SELECT * FROM digest_schedules ORDER BY id').all()
      : sqlite.statement('SELECT * FROM digest_schedules WHERE guild_id = ? ORDER BY id').all(guildId)
  ) as DigestScheduleRow[];
  return rows.map(digestScheduleFromRow);
}

export function removeDigestSchedules(sqlite: SqliteDatabase, guildId: string, channelId?: string): DigestSchedule[] {
  const rows = (
    channelId === undefined
      ? sqlite.statement('DELETE FROM digest_schedules WHERE guild_id = ? RETURNING *').all(guildId)
      : sqlite.statement('DELETE FROM digest_schedules WHERE guild_id = ? AND channel_id = ? RETURNING *').all(guildId, channelId)
  ) as DigestScheduleRow[];
  return rows.map(digestScheduleFromRow);
}

/**
 * Claims a schedule's run for a server-local date: one conditional update, so of every process
 * sharing the file exactly one sees a change (SQLite serialises writers).
 */
export function claimDigestRun(sqlite: SqliteDatabase, id: number, localDate: string, runAt: string): boolean {
  const result = sqlite
    .statement('UPDATE digest_schedules SET last_run_date = ?, last_run_at = ? WHERE id = ? AND (last_run_date IS NULL OR last_run_date <> ?)')
    .run(localDate, runAt, id, localDate);
  return result.changes > 0;
}
