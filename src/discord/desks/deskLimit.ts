import { SourceLimitError, sourceLimitReached } from '../../core/errors.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';

/** Sources a server may still add under MAX_SOURCES_PER_SERVER. */
export async function roomLeft(store: KnowledgeStore, guildId: string, limit: number): Promise<number> {
  return Math.max(0, limit - (await store.deskSources(guildId)).length);
}

export const limitReached = sourceLimitReached;

/** Refuses before any fetch when the server has no room left. */
export async function requireRoom(store: KnowledgeStore, guildId: string, limit: number): Promise<void> {
  if ((await roomLeft(store, guildId, limit)) === 0) throw new SourceLimitError(limit);
}
