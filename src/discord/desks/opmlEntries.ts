import { canonicalUrl } from '../../../ingest/feeds/canonicalUrl.js';
import type { OpmlFeed } from '../../../ingest/feeds/opml.js';
import { AddressRefusedError } from '../../../ingest/sources/addressGuard.js';
import type { FetchPolicy } from '../../../ingest/sources/fetchPolicy.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';
import type { DeskSource } from '../../core/ports/newsDesks.js';
import { SourceLimitError } from '../../core/errors.js';
import { limitReached } from './deskLimit.js';

export interface ImportOutcome {
  added: DeskSource[];
  skipped: Array<{ entry: string; reason: string }>;
}

export interface ImportTarget {
  store: KnowledgeStore;
  guildId: string;
  addedBy: string;
  /** Sources the server may still add (MAX_SOURCES_PER_SERVER). */
  room: number;
  limit: number;
  /** The desk's fetch policy: an entry whose host is a literal local address is refused here, with its reason. */
  policy: FetchPolicy;
}

/**
 * Adds an OPML file's feeds to a server, in the file's order, until the limit; every entry not
 * added is reported with why. Feeds are added without being fetched (a reader's export lists
 * hundreds): reading them happens afterwards, through the same public-address guard.
 */
export async function addOpmlFeeds(feeds: readonly OpmlFeed[], target: ImportTarget): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: [], skipped: [] };
  let room = target.room;
  for (const feed of feeds) {
    const url = canonicalUrl(feed.url);
    const refusal = url === null ? 'not an http or https address' : refusedHere(target.policy, url);
    if (refusal) outcome.skipped.push({ entry: feed.title, reason: refusal });
    else if (room === 0) outcome.skipped.push({ entry: feed.title, reason: limitReached(target.limit) });
    else {
      const added = await addWithinLimit(target, { url: url!, title: feed.title === feed.url ? null : feed.title });
      if (added === null) {
        outcome.skipped.push({ entry: feed.title, reason: limitReached(target.limit) });
        room = 0;
        continue;
      }
      const { source, created } = added;
      if (!created) outcome.skipped.push({ entry: feed.title, reason: 'already a source of this server' });
      else {
        outcome.added.push(source);
        room--;
      }
    }
  }
  return outcome;
}

/** Why the policy refuses the address without a DNS lookup (a literal private address), or null. */
function refusedHere(policy: FetchPolicy, url: string): string | null {
  try {
    policy.dispatcherFor(new URL(url));
    return null;
  } catch (error) {
    if (error instanceof AddressRefusedError) return `refused: it ${error.message}; addresses added here must be public`;
    throw error;
  }
}

/** Adds one feed under the server's limit; null when the limit was reached meanwhile (another /feeds add). */
async function addWithinLimit(target: ImportTarget, feed: { url: string; title: string | null }): Promise<{ source: DeskSource; created: boolean } | null> {
  try {
    return await target.store.addDeskSource(
      { guildId: target.guildId, channelId: null, url: feed.url, kind: 'feed', title: feed.title, addedBy: target.addedBy },
      target.limit,
    );
  } catch (error) {
    if (error instanceof SourceLimitError) return null;
    throw error;
  }
}
