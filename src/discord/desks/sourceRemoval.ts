import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';
import type { DeskSource } from '../../core/ports/newsDesks.js';

/**
 * Takes sources out of one server. Their articles leave that server's scope at once (scope is
 * built from its remaining sources); they leave the store only when no server's source and
 * no global source still brings that URL, since an article is stored once for all of them.
 * Returns how many articles were removed from the store.
 */
export async function removeFromDesk(store: KnowledgeStore, guildId: string, sources: readonly DeskSource[], globalIds: readonly string[]): Promise<number> {
  for (const source of sources) await store.removeDeskSource(guildId, source.id);
  const remaining = new Set((await store.deskSources()).map((s) => s.url));
  const global = new Set(globalIds);
  let removed = 0;
  for (const url of new Set(sources.map((s) => s.url))) {
    if (!remaining.has(url) && !global.has(url)) removed += await store.removeSourceArticles(url);
  }
  return removed;
}
