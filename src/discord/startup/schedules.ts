import { Routes, type Client } from 'discord.js';
import type { Config } from '../../app/config.js';
import { startFeedPolling } from '../../app/feedPolling.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';
import type { LoadedEmbeddings } from '../../embeddings/loadEmbeddings.js';
import type { Logger } from '../../logger.js';
import type { ReingestCoordinator } from '../reingestJob.js';
import type { BotContext } from '../command.js';
import { DIGEST_CHECK_MS, startDigestScheduler } from '../digest/digestScheduler.js';

/**
 * Step 4 of start-up: re-ingests every INGEST_INTERVAL_MINUTES (none when 0), skipping a turn
 * while one is still running. Returns what stops the schedule.
 */
export function scheduleReingest(config: Config, reingest: ReingestCoordinator, logger: Logger): () => void {
  if (config.discord.ingestIntervalMinutes <= 0) return () => undefined;
  const schedule = setInterval(() => {
    const job = reingest.start('schedule');
    if (!job) return logger.info('scheduled re-ingest skipped: one is already running');
    job
      .then((s) => logger.info({ added: s.added, updated: s.updated, removed: s.removed }, 'scheduled re-ingest finished'))
      .catch((error: unknown) => logger.warn({ err: error }, 'scheduled re-ingest failed'));
  }, config.discord.ingestIntervalMinutes * 60_000);
  schedule.unref();
  return () => clearInterval(schedule);
}

/**
 * Step 4, too: polls every feed (the servers' /feeds and the operator's web sources) on its
 * own schedule, through the bot's store. Every shard runs one; the store's claims let one
 * process poll a feed at a time. Returns what stops it.
 */
export function scheduleFeedPolling(config: Config, store: KnowledgeStore, embeddings: LoadedEmbeddings, logger: Logger): () => Promise<void> {
  const started = startFeedPolling(config, store, embeddings, logger).catch((error: unknown) => {
    logger.warn({ err: error }, 'feed polling could not start');
    return async () => undefined;
  });
  return async () => (await started)();
}

/**
 * Step 5, after the login (posting needs the client's token): every shard looks for due daily
 * digests each minute; the store's claim lets one of them post each digest (src/discord/digest/).
 * Posts go through REST, which reaches any server's channel from any shard. Returns what stops it.
 */
export function scheduleDigests(client: Client, context: BotContext, checkMs = DIGEST_CHECK_MS): () => Promise<void> {
  return startDigestScheduler(
    {
      kb: context.kb,
      scopes: context.desks.scopes,
      clock: context.digestClock ?? (() => new Date()),
      logger: context.logger,
      summarizer: context.digestSummarizer,
      post: async (channelId, content) => {
        await client.rest.post(Routes.channelMessages(channelId), { body: { content, allowed_mentions: { parse: [] } } });
      },
    },
    checkMs,
  );
}
