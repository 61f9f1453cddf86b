import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfigOrExit } from '../app/config.js';
import { ingestFromConfig, loadEmbeddingsFromConfig } from '../app/bootstrap.js';
import { createLogger } from '../logger.js';
import { IngestLockedError } from '../store/errors.js';
import { runMain } from './runMain.js';

/**
 * `npm run worker`: the scheduled ingest without Discord, for a machine of its own. It ingests
 * the configured sources at start and then every INGEST_INTERVAL_MINUTES, into the same store
 * the bots read (DATABASE_URL, or DATA_DIR on this machine). The model is loaded once. A run
 * another process holds the lock for is skipped, not queued. SIGTERM/SIGINT stop it between
 * articles (each article is written whole or not at all).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const minutes = config.discord.ingestIntervalMinutes;
  if (minutes <= 0) {
    console.error(
      'INGEST_INTERVAL_MINUTES is not set: npm run worker re-ingests on that schedule (e.g. INGEST_INTERVAL_MINUTES=30); for one run use npm run ingest.',
    );
    process.exit(1);
  }
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
  logger.info({ everyMinutes: minutes, store: config.databaseUrl ? 'postgresql' : config.dataDir }, 'worker started');

  while (!stop.signal.aborted) {
    try {
      const summary = await ingestFromConfig(config, { embeddings, signal: stop.signal, log: (m) => logger.info(m) });
      const { added, updated, removed, unchanged, duplicates, skipped, failedSources, durationMs } = summary;
      logger.info(
        { added, updated, removed, unchanged, duplicates, skipped: skipped.length, failedSources: failedSources.length, durationMs },
        'ingest run finished',
      );
    } catch (error) {
      if (error instanceof IngestLockedError) logger.info({ holder: error.message }, 'ingest run skipped: another ingest is running');
      else if (!stop.signal.aborted) logger.error({ err: error }, 'ingest run failed; trying again at the next interval');
    }
    await sleep(minutes * 60_000, undefined, { signal: stop.signal }).catch(() => undefined);
  }
  await embeddings.embeddings?.close();
  logger.info('stopped');
}

runMain('worker failed', main);
