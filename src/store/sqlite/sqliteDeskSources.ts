import { SourceLimitError } from '../../core/errors.js';
import type { DeskSource, NewDeskSource, ServerSettings } from '../../core/ports/newsDesks.js';
import { DESK_SOURCE_COLUMNS, deskSourceFromRow, deskSourceValues, type DeskSourceRow } from '../deskSourceRow.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

/** SQLite's news desks: the sources each server added from Discord, and each server's settings. */

/**
 * Adds a server's source; the same server, URL and channel again returns the stored one (created
 * false). With a limit, a server already at it is refused inside the same transaction.
 */
export function addDeskSource(sqlite: SqliteDatabase, source: NewDeskSource, now: string, limit?: number): { source: DeskSource; created: boolean } {
  return sqlite.transaction(() => {
    if (limit !== undefined && !existingDeskSource(sqlite, source)) {
      const held = sqlite.statement('SELECT count(*) FROM desk_sources WHERE guild_id = ?', { pluck: true }).get(source.guildId) as number;
      if (held >= limit) throw new SourceLimitError(limit);
    }
    const inserted = sqlite
      .statement(`INSERT INTO desk_sources(${DESK_SOURCE_COLUMNS}) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING *`)
      .get(...deskSourceValues(source, now)) as DeskSourceRow | undefined;
    if (inserted) return { source: deskSourceFromRow(inserted), created: true };
    return { source: deskSourceFromRow(existingDeskSource(sqlite, source)!), created: false };
  });
}

function existingDeskSource(sqlite: SqliteDatabase, source: NewDeskSource): DeskSourceRow | undefined {
  return sqlite
    .statement("SELECT * FROM desk_sources WHERE guild_id = ? AND url = ? AND coalesce(channel_id, '') = coalesce(?, '')")
    .get(source.guildId, source.url, source.channelId) as DeskSourceRow | undefined;
}

export function deskSources(sqlite: SqliteDatabase, guildId?: string): DeskSource[] {
  const rows = (
    guildId === undefined
      ? sqlite.statement('SELECT * FROM desk_sources ORDER BY id').all()
      : sqlite.statement('SELECT * FROM desk_sources WHERE guild_id = ? ORDER BY id').all(guildId)
  ) as DeskSourceRow[];
  return rows.map(deskSourceFromRow);
}

export function removeDeskSource(sqlite: SqliteDatabase, guildId: string, id: number): DeskSource | null {
  const row = sqlite.statement('DELETE FROM desk_sources WHERE guild_id = ? AND id = ? RETURNING *').get(guildId, id) as DeskSourceRow | undefined;
  return row ? deskSourceFromRow(row) : null;
}

export function serverSettings(sqlite: SqliteDatabase, guildId: string): ServerSettings {
  const timeZone = sqlite.statement('SELECT time_zone FROM server_settings WHERE guild_id = ?', { pluck: true }).get(guildId) as string | undefined;
  return { guildId, timeZone: timeZone ?? 'UTC' };
}

export function saveServerSettings(sqlite: SqliteDatabase, settings: ServerSettings): void {
  sqlite
    .statement('INSERT INTO server_settings(guild_id, time_zone) VALUES (?, ?) ON CONFLICT(guild_id) DO UPDATE SET time_zone = excluded.time_zone')
    .run(settings.guildId, settings.timeZone);
}
