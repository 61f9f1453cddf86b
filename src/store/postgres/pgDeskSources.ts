import { SourceLimitError } from '../../core/errors.js';
import type { DeskSource, NewDeskSource, ServerSettings } from '../../core/ports/newsDesks.js';
import { DESK_SOURCE_COLUMNS, deskSourceFromRow, deskSourceValues, type DeskSourceRow } from '../deskSourceRow.js';
import type { PgConnection, Row, SqlRunner } from './pgDatabase.js';

/** PostgreSQL's news desks: the sources each server added from Discord, and each server's settings. */

type PgDeskSourceRow = DeskSourceRow & Row;

/**
 * Adds a server's source; the same server, URL and channel again returns the stored one
 * (created false). The insert and the read of an existing row are one statement, so two
 * shards adding the same source at once both get it.
 */
export async function addDeskSource(db: SqlRunner, source: NewDeskSource, now: string): Promise<{ source: DeskSource; created: boolean }> {
  const [row] = await db.query<PgDeskSourceRow & { created: boolean }>(
    `WITH inserted AS (INSERT INTO desk_sources(${DESK_SOURCE_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING RETURNING *)
     SELECT *, true AS created FROM inserted
     UNION ALL SELECT *, false AS created FROM desk_sources WHERE guild_id = $1 AND url = $3 AND coalesce(channel_id, '') = coalesce($2, '')
     LIMIT 1`,
    deskSourceValues(source, now),
  );
  if (row) return { source: deskSourceFromRow(row), created: row.created };
  // Another shard inserted it between our attempt and our read (READ COMMITTED): read it now.
  const [existing] = await db.query<PgDeskSourceRow>(
    "SELECT * FROM desk_sources WHERE guild_id = $1 AND url = $2 AND coalesce(channel_id, '') = coalesce($3, '')",
    [source.guildId, source.url, source.channelId],
  );
  return { source: deskSourceFromRow(existing!), created: false };
}

/**
 * addDeskSource under MAX_SOURCES_PER_SERVER: one transaction holding a per-server advisory
 * lock, so two shards adding to one server at once count each other's insert.
 */
export async function addDeskSourceWithinLimit(
  db: PgConnection,
  source: NewDeskSource,
  now: string,
  limit: number,
): Promise<{ source: DeskSource; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`desk_sources:${source.guildId}`]);
    const [existing] = await tx.query<PgDeskSourceRow>(
      "SELECT * FROM desk_sources WHERE guild_id = $1 AND url = $2 AND coalesce(channel_id, '') = coalesce($3, '')",
      [source.guildId, source.url, source.channelId],
    );
    if (existing) return { source: deskSourceFromRow(existing), created: false };
    const [held] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM desk_sources WHERE guild_id = $1', [source.guildId]);
    if (held!.n >= limit) throw new SourceLimitError(limit);
    return addDeskSource(tx, source, now);
  });
}

export async function deskSources(db: SqlRunner, guildId?: string): Promise<DeskSource[]> {
  const rows =
    guildId === undefined
      ? await db.query<PgDeskSourceRow>('SELECT * FROM desk_sources ORDER BY id')
      : await db.query<PgDeskSourceRow>('SELECT * FROM desk_sources WHERE guild_id = $1 ORDER BY id', [guildId]);
  return rows.map(deskSourceFromRow);
}

export async function removeDeskSource(db: SqlRunner, guildId: string, id: number): Promise<DeskSource | null> {
  const [row] = await db.query<PgDeskSourceRow>('DELETE FROM desk_sources WHERE guild_id = $1 AND id = $2 RETURNING *', [guildId, id]);
  return row ? deskSourceFromRow(row) : null;
}

export async function serverSettings(db: SqlRunner, guildId: string): Promise<ServerSettings> {
  const [row] = await db.query<{ time_zone: string }>('SELECT time_zone FROM server_settings WHERE guild_id = $1', [guildId]);
  return { guildId, timeZone: row?.time_zone ?? 'UTC' };
}

export async function saveServerSettings(db: SqlRunner, settings: ServerSettings): Promise<void> {
  await db.query('INSERT INTO server_settings(guild_id, time_zone) VALUES ($1, $2) ON CONFLICT (guild_id) DO UPDATE SET time_zone = excluded.time_zone', [
    settings.guildId,
    settings.timeZone,
  ]);
}
