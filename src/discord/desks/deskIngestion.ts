import { ingestFromConfig } from '../../app/bootstrap.js';
import type { Config } from '../../app/config.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';
import type { DeskSource } from '../../core/ports/newsDesks.js';
import type { LoadedEmbeddings } from '../../embeddings/loadEmbeddings.js';
import type { Logger } from '../../logger.js';
import type { IngestProgress, IngestSummary } from '../../../ingest/summary.js';

/** Reads desk sources now (a /feeds add, an import, a server's /reingest) into the bot's store. */
export type DeskIngest = (sources: readonly DeskSource[], hooks?: { onProgress?: (p: IngestProgress) => void; signal?: AbortSignal }) => Promise<IngestSummary>;

/** What reading desk sources needs from the bot: its store (searches see articles as they land) and its model. */
export interface DeskIngestParts {
  config: Config;
  store: KnowledgeStore;
  embeddings: LoadedEmbeddings;
  logger: Logger;
}

/**
 * Desk sources are read by the ingest pipeline like configured ones, one run for the given
 * sources, without pruning (a feed reader keeps what a feed no longer lists).
 */
export function deskIngest(parts: DeskIngestParts): DeskIngest {
  return (sources, hooks = {}) =>
    ingestFromConfig(parts.config, {
      cliSources: [...new Set(sources.map((s) => s.url))],
      store: parts.store,
      embeddings: parts.embeddings,
      onProgress: hooks.onProgress,
      signal: hooks.signal,
      log: (m) => parts.logger.info(m),
    });
}
