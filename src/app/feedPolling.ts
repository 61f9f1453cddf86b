import type { KnowledgeStore } from '../core/ports/knowledgeStore.js';
import type { LoadedEmbeddings } from '../embeddings/loadEmbeddings.js';
import { DEFAULT_SOURCES } from './bootstrap.js';
import type { Config } from './config.js';
import { ingestSettings } from './ingestSettings.js';
import type { DeskIngestOptions } from '../../ingest/feeds/ingestDeskSource.js';
import type { FeedPoller, PollReport } from '../../ingest/feeds/feedPoller.js';
import type { PollScheduleOptions } from '../../ingest/feeds/pollSchedule.js';
import { resolveSourceSpecs } from '../../ingest/sources/sourceSpecs.js';

/** FEED_MIN_INTERVAL_MINUTES as the schedule's floor; the ceiling is pollSchedule's day. */
export function pollScheduleOptions(config: Config): PollScheduleOptions {
  return { minIntervalMs: config.feedMinIntervalMinutes * 60_000 };
}

/** For /feeds add: what ingestDeskSource(store, source, options) needs, from the configuration. */
export function deskIngestOptions(config: Config, embeddings: LoadedEmbeddings, log: (m: string) => void, signal?: AbortSignal): DeskIngestOptions {
  return { ingestOptions: ingestSettings(config, embeddings, log, signal), schedule: pollScheduleOptions(config) };
}

/** The operator's configured web sources (the poller polls them with the desks' feeds); read each tick, so a changed sources file counts. */
function operatorWebSources(config: Config) {
  return () => resolveSourceSpecs({ configured: config.sources, sourcesFile: config.sourcesFile, defaults: DEFAULT_SOURCES }).filter((s) => s.kind === 'url');
}

export interface FeedPollingLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** One line per feed polled, with why its next poll is when it is. */
function logPoll(logger: FeedPollingLog, report: PollReport): void {
  if (report.outcome === 'failed') {
    logger.warn({ feed: report.sourceId, error: report.error }, 'feed poll failed');
    return;
  }
  if (report.outcome !== 'polled') return;
  const { summary, schedule } = report.result;
  logger.info(
    { feed: report.sourceId, added: summary.added, updated: summary.updated, nextPollAt: schedule.nextPollAt, reason: schedule.reason },
    'feed polled',
  );
}

/**
 * Starts polling every feed on its own schedule into `store` (the bot's or the worker's),
 * ticking each minute. Returns what stops it (between articles of the feed in progress).
 */
export async function startFeedPolling(
  config: Config,
  store: KnowledgeStore,
  embeddings: LoadedEmbeddings,
  logger: FeedPollingLog,
): Promise<() => Promise<void>> {
  // Ingestion code is loaded only by the process that polls.
  const { FeedPoller: Poller } = await import('../../ingest/feeds/feedPoller.js');
  const poller: FeedPoller = new Poller({
    store,
    ingestOptions: ingestSettings(config, embeddings, () => undefined),
    schedule: pollScheduleOptions(config),
    operatorSources: operatorWebSources(config),
    onPolled: (report) => logPoll(logger, report),
  });
  logger.info({ minIntervalMinutes: config.feedMinIntervalMinutes, holder: poller.holder }, 'feed polling started');
  return poller.start(undefined, (error) => logger.warn({ err: error }, 'feed poll tick failed'));
}
