import type { DeskSource } from '../../src/core/ports/newsDesks.js';
import type { SourceSpec } from '../sources/sourceSpecs.js';

/**
 * A Discord server's source as a source to ingest. Its id is its URL as stored (the articles'
 * source id); it is never the operator's (fromDesk: fetched under the public-address guard);
 * it is named explicitly, because its own feed schedule (pollSchedule.ts) decides when it is
 * read, not the operator sources' backoff; and nothing it stops listing is pruned (a feed
 * reader keeps what a feed once brought).
 */
export function deskSourceSpec(source: Pick<DeskSource, 'url'>): SourceSpec {
  return { id: source.url, kind: 'url', prune: false, explicit: true, fromDesk: true };
}

/** Every server's sources as specs, each URL once (two servers adding one feed read it once). */
export function deskSourceSpecs(sources: readonly Pick<DeskSource, 'url'>[]): SourceSpec[] {
  return [...new Map(sources.map((source) => [source.url, deskSourceSpec(source)])).values()];
}
