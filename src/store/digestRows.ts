import type { DatedArticle, DigestSchedule, NewDigestSchedule } from '../core/ports/digests.js';

/**
 * Digest rows as both SQL backends store them (SQLite gives numbers and 0/1, PostgreSQL
 * bigint strings and booleans), and the statements' shared parts.
 */

/** How much of an article's text a digest reads: its lead sentence is in the first paragraph. */
export const LEAD_CHARS = 1500;

export interface DatedArticleRow {
  id: number | string;
  title: string;
  outlet: string | null;
  published: string;
  language: string;
  url: string | null;
  source: string;
  ingested_at: string;
  lead: string | null;
  summary_only: number | boolean | null;
}

export function datedArticleFromRow(row: DatedArticleRow): DatedArticle {
  return {
    id: Number(row.id),
    title: row.title,
    outlet: row.outlet,
    published: row.published,
    language: row.language,
    url: row.url,
    source: row.source,
    ingestedAt: row.ingested_at,
    // Stored bodies keep paragraphs apart by blank lines: the first one is the lead paragraph.
    lead: (row.lead ?? '').split('\n\n')[0]!.trim(),
    summaryOnly: row.summary_only === 1 || row.summary_only === true,
  };
}

export interface DigestScheduleRow {
  id: number | string;
  guild_id: string;
  channel_id: string;
  time: string;
  topic: string | null;
  language: string;
  created_by: string;
  created_at: string;
  last_run_date: string | null;
  last_run_at: string | null;
}

export function digestScheduleFromRow(row: DigestScheduleRow): DigestSchedule {
  return {
    id: Number(row.id),
    guildId: row.guild_id,
    channelId: row.channel_id,
    time: row.time,
    topic: row.topic,
    language: row.language,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastRunDate: row.last_run_date,
    lastRunAt: row.last_run_at,
  };
}

/** The insert's columns and values, in one order for both backends. */
export const DIGEST_SCHEDULE_COLUMNS = 'guild_id, channel_id, time, topic, language, created_by, created_at, last_run_date, last_run_at';

/** A schedule saved again for the same channel replaces its time, topic and run state (a new schedule starts afresh). */
export const DIGEST_SCHEDULE_UPSERT_SET =
  'time = excluded.time, topic = excluded.topic, language = excluded.language, created_by = excluded.created_by, created_at = excluded.created_at, last_run_date = excluded.last_run_date, last_run_at = excluded.last_run_at';

export function digestScheduleValues(schedule: NewDigestSchedule): unknown[] {
  return [
    schedule.guildId,
    schedule.channelId,
    schedule.time,
    schedule.topic,
    schedule.language,
    schedule.createdBy,
    schedule.createdAt ?? new Date().toISOString(),
    schedule.lastRunDate,
    schedule.lastRunAt,
  ];
}

/** The most dated articles one digest reads (the newest first): a period busier than this is cut to its newest. */
export const MAX_DATED_ARTICLES = 5000;
