/**
 * News desks: the sources each Discord server adds from Discord (/feeds), the scope a question
 * is answered in, and the feed-reader schedule of every feed. Kept in the knowledge store so
 * that shards and the ingest worker share them.
 */

/** A source a server added from Discord: a feed or a single article page. */
export interface DeskSource {
  id: number;
  guildId: string;
  /** Serves only this channel (and threads under it) when set; the whole server otherwise. */
  channelId: string | null;
  /** The feed's or page's URL; its articles are stored under this source id. */
  url: string;
  kind: 'feed' | 'page';
  title: string | null;
  addedBy: string;
  addedAt: string;
}

export type NewDeskSource = Omit<DeskSource, 'id' | 'addedAt'> & { addedAt?: string };

/**
 * The sources a search may return passages from, as source ids (the operator's configured
 * sources and the desk sources' URLs). Searches filter by it inside the search, so a server
 * with few articles still gets its full top k. No scope means every stored article (CLI, eval).
 */
export interface SearchScope {
  sourceIds: readonly string[];
}

/** When a feed is polled next and why (interval from its publishing rate, Cache-Control, Retry-After or backoff). */
export interface FeedSchedule {
  sourceId: string;
  nextPollAt: string;
  intervalMs: number;
  consecutiveFailures: number;
  backingOff: boolean;
  /** Why this time, in words an operator reads in /feeds list. */
  reason: string;
  lastPolledAt: string | null;
}

/** Settings of one server, shared by every shard. */
export interface ServerSettings {
  guildId: string;
  /** IANA time zone for dates and schedules shown in the server (default UTC). */
  timeZone: string;
}
