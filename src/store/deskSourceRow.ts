import type { DeskSource, NewDeskSource } from '../core/ports/newsDesks.js';

/** A `desk_sources` row as both SQL backends store it. */
export type DeskSourceRow = {
  id: number | string;
  guild_id: string;
  channel_id: string | null;
  url: string;
  kind: string;
  title: string | null;
  added_by: string;
  added_at: string;
};

export const DESK_SOURCE_COLUMNS = 'guild_id, channel_id, url, kind, title, added_by, added_at';

export function deskSourceFromRow(row: DeskSourceRow): DeskSource {
  return {
    id: Number(row.id),
    guildId: row.guild_id,
    channelId: row.channel_id,
    url: row.url,
    kind: row.kind === 'page' ? 'page' : 'feed',
    title: row.title,
    addedBy: row.added_by,
    addedAt: row.added_at,
  };
}

/** The row's values in DESK_SOURCE_COLUMNS order. */
export function deskSourceValues(source: NewDeskSource, now: string): Array<string | null> {
  return [source.guildId, source.channelId, source.url, source.kind, source.title, source.addedBy, source.addedAt ?? now];
}
