import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A name for one poller (or one /feeds add) in the claims every process sees: the machine and
 * process, to tell an operator who holds a feed, and a random part, so two pollers in one
 * process (two shards, a test) are two holders.
 */
export function pollHolder(role: string): string {
  return `${role}@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * How long a claim lasts when its holder never releases it (the process died mid-poll):
 * longer than one feed's ingest may take (its fetches, its items' pages within FEED_DEADLINE_MS,
 * extraction and embedding), short enough that a crashed poller delays the feed little.
 */
export const DEFAULT_CLAIM_TTL_MS = 15 * 60_000;
