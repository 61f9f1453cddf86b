import type { KnowledgeStore } from '../core/ports/knowledgeStore.js';

const DAY_MS = 86_400_000;

/**
 * Deletes recorded answers and their votes older than FEEDBACK_RETENTION_DAYS (0 keeps them);
 * returns how many answers went. Idempotent, so every bot shard, the daily timer and `npm run
 * feedback` may all run it.
 */
export async function pruneExpiredAnswers(store: KnowledgeStore, retentionDays: number, now = Date.now()): Promise<number> {
  if (retentionDays <= 0) return 0;
  return store.pruneAnswers(new Date(now - retentionDays * DAY_MS).toISOString());
}
