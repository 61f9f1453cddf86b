import type { Config } from '../../app/config.js';
import type { Logger } from '../../logger.js';
import type { ReingestCoordinator } from '../reingestJob.js';

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
