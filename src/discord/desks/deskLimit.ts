import { UserFacingError } from '../../core/errors.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';

/** Sources a server may still add under MAX_SOURCES_PER_SERVER. */
export async function roomLeft(store: KnowledgeStore, guildId: string, limit: number): Promise<number> {
  return Math.max(0, limit - (await store.deskSources(guildId)).length);
}

export function limitReached(limit: number): string {
  return `this server has reached its limit of ${limit} source${limit === 1 ? '' : 's'} (MAX_SOURCES_PER_SERVER); remove one with /feeds remove first`;
}

/** Refuses before any fetch when the server has no room left. */
export async function requireRoom(store: KnowledgeStore, guildId: string, limit: number): Promise<void> {
  if ((await roomLeft(store, guildId, limit)) === 0) throw new UserFacingError('source_limit', `Not added: ${limitReached(limit)}.`);
}
