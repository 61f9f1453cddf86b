import type { Config } from '../../app/config.js';
import { pruneExpiredAnswers } from '../../app/feedbackRetention.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';
import type { Logger } from '../../logger.js';

const DAY_MS = 86_400_000;

/**
 * Step 4, too: deletes recorded answers and feedback older than FEEDBACK_RETENTION_DAYS at
 * start-up and then daily. Every shard runs it; deleting what is already gone does nothing.
 * Returns what stops it.
 */
export function scheduleFeedbackRetention(config: Config, store: KnowledgeStore, logger: Logger, intervalMs = DAY_MS): () => void {
  if (config.feedbackRetentionDays <= 0) return () => undefined;
  const prune = () =>
    pruneExpiredAnswers(store, config.feedbackRetentionDays)
      .then((removed) => {
        if (removed > 0) logger.info({ removed, retentionDays: config.feedbackRetentionDays }, 'old answers and feedback deleted');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'could not delete old answers and feedback'));
  void prune();
  const timer = setInterval(() => void prune(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
