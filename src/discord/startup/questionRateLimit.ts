import type { Config } from '../../config.js';
import type { KnowledgeStore } from '../../store/knowledgeStore.js';
import { RateLimiter, type QuestionRateLimit } from '../rateLimiter.js';

/** The per-user question limit: shared through PostgreSQL when the bot runs on it, else in memory. */
export async function questionRateLimit(config: Config, store: KnowledgeStore): Promise<QuestionRateLimit> {
  if (config.databaseUrl) {
    const { PgStore } = await import('../../store/postgres/pgStore.js');
    const { PgRateLimiter } = await import('../../store/postgres/pgRateLimiter.js');
    if (store instanceof PgStore) return new PgRateLimiter(store.db, config.discord.rateLimitPerMinute);
  }
  return new RateLimiter(config.discord.rateLimitPerMinute);
}
