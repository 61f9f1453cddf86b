import { setTimeout as sleep } from 'node:timers/promises';
import { ingestFromConfig, loadEmbeddingsFromConfig, openStore } from '../app/bootstrap.js';
import { type Config, loadConfigOrExit } from '../app/config.js';
import { startFeedPolling } from '../app/feedPolling.js';
import type { KnowledgeStore } from '../core/ports/knowledgeStore.js';
import type { LoadedEmbeddings } from '../embeddings/loadEmbeddings.js';
import { createLogger, type Logger } from '../logger.js';
import { IngestLockedError } from '../store/errors.js';
import { runMain } from './runMain.js';

/**
 * `npm run worker`: ingestion without Discord, for a machine of its own, into the same store
 * the bots read (DATABASE_URL, or DATA_DIR on this machine). It polls every feed on its own
 * schedule (the servers' /feeds and the operator's web sources, FEED_MIN_INTERVAL_MINUTES),
 * and, when INGEST_INTERVAL_MINUTES is set, also ingests all configured sources at start and
 * then on that schedule. The model and the store are opened once. A run another process holds
 * the lock for is skipped, not queued. SIGTERM/SIGINT stop it between articles (each article
 * is written whole or not at all).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel).child({ role: 'worker' });
  const stop = new AbortController();
  const shutdown = (signal: string) => {
    if (stop.signal.aborted) return;
    logger.info({ signal }, 'stopping after the article in progress');
    stop.abort();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  const embeddings = await loadEmbeddingsFromConfig(config);
  if (!embeddings.embeddings)
    logger.warn({ model: embeddings.status.model, reason: embeddings.status.reason }, 'embedding model not loaded: lexical index only');
  // One store handle for the poller and the scheduled ingests: two handles on one SQLite store would each keep their own vector index.
  const store = await openStore(config, { log: (m) => logger.info(m) });
  const minutes = config.discord.ingestIntervalMinutes;
  logger.info({ everyMinutes: minutes > 0 ? minutes : null, store: config.databaseUrl ? 'postgresql' : config.dataDir }, 'worker started');
  const stopPolling = await startFeedPolling(config, store, embeddings, logger);
  if (minutes > 0) await reingestLoop(config, { store, embeddings, logger, signal: stop.signal });
  else await new Promise((resolve) => stop.signal.addEventListener('abort', resolve, { once: true }));
  await stopPolling();
  await store.close();
  await embeddings.embeddings?.close();
  logger.info('stopped');
}

interface LoopParts {
  store: KnowledgeStore;
  embeddings: LoadedEmbeddings;
  logger: Logger;
  signal: AbortSignal;
}

/** Ingests all configured sources now and then every INGEST_INTERVAL_MINUTES, until stopped. */
async function reingestLoop(config: Config, { store, embeddings, logger, signal }: LoopParts): Promise<void> {
  while (!signal.aborted) {
    try {
      const summary = await ingestFromConfig(config, { embeddings, store, signal, log: (m) => logger.info(m) });
      const { added, updated, removed, unchanged, duplicates, skipped, failedSources, durationMs } = summary;
      logger.info(
        { added, updated, removed, unchanged, duplicates, skipped: skipped.length, failedSources: failedSources.length, durationMs },
        'ingest run finished',
      );
    } catch (error) {
      if (error instanceof IngestLockedError) logger.info({ holder: error.message }, 'ingest run skipped: another ingest is running');
      else if (!signal.aborted) logger.error({ err: error }, 'ingest run failed; trying again at the next interval');
    }
    await sleep(config.discord.ingestIntervalMinutes * 60_000, undefined, { signal }).catch(() => undefined);
  }
}

runMain('worker failed', main);
