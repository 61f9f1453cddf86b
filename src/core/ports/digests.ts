/**
 * Digests (/digest, `npm run digest`): the dated articles a period's digest is made of, and
 * the daily digest schedules of servers, kept in the knowledge store so that every shard
 * shares them and they survive restarts.
 */

/** An article with a stated publication date, as a digest reads it. */
export interface DatedArticle {
  id: number;
  title: string;
  outlet: string | null;
  /** As stated by the source: an ISO date or a full ISO timestamp. */
  published: string;
  language: string;
  url: string | null;
  /** How the article is shown to people: its URL, or its file name. */
  source: string;
  /** When the store first held it (ISO). */
  ingestedAt: string;
  /** The start of its text (its first paragraph or so), where the lead sentence is. */
  lead: string;
  summaryOnly: boolean;
}

/** Which stated publication days to read, inclusive (YYYY-MM-DD); the digest refines by instant. */
export interface DayRange {
  fromDay: string;
  toDay: string;
}

/** A server's daily digest, posted in one channel. */
export interface DigestSchedule {
  id: number;
  guildId: string;
  channelId: string;
  /** Local time of day in the server's time zone, HH:MM (24 h). */
  time: string;
  topic: string | null;
  /** Language of the digest's fixed phrases (the server's locale when scheduled). */
  language: string;
  createdBy: string;
  createdAt: string;
  /** The server-local date (YYYY-MM-DD) of the last run (posted or skipped for nothing new); null before the first. */
  lastRunDate: string | null;
  /** When that run happened (ISO); the next digest covers what came since. */
  lastRunAt: string | null;
}

export type NewDigestSchedule = Omit<DigestSchedule, 'id' | 'createdAt'> & { createdAt?: string };
