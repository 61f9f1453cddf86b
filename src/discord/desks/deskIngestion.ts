import { type DeskIngestResult, ingestDeskSource } from '../../../ingest/feeds/ingestDeskSource.js';
import { deskSourceSpecs } from '../../../ingest/feeds/deskSourceSpecs.js';
import type { IngestProgress, IngestSummary } from '../../../ingest/summary.js';
import type { Config } from '../../app/config.js';
import { deskIngestOptions } from '../../app/feedPolling.js';
import { ingestSettings } from '../../app/ingestSettings.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';
import type { DeskSource } from '../../core/ports/newsDesks.js';
import type { LoadedEmbeddings } from '../../embeddings/loadEmbeddings.js';
import type { Logger } from '../../logger.js';

/** Reading a server's sources now, into the bot's own store (its searches see each article as it lands). */
export interface DeskReading {
  /** A source just added (/feeds add, /feeds import): read as the poller reads it, its schedule saved. */
  readNew(source: DeskSource): Promise<DeskIngestResult>;
  /** A server's /reingest: its sources in one run, nothing pruned (a feed reader keeps what a feed once brought). */
  reingest(sources: readonly DeskSource[], hooks?: { onProgress?: (p: IngestProgress) => void; signal?: AbortSignal }): Promise<IngestSummary>;
}

/** What reading desk sources needs from the bot: its store and its model. */
export interface DeskIngestParts {
  config: Config;
  store: KnowledgeStore;
  embeddings: LoadedEmbeddings;
  logger: Logger;
}

/** Desk sources are never the operator's: every fetch goes through the public-address guard (ingest/feeds/deskSourceSpecs.ts). */
export function deskReading(parts: DeskIngestParts): DeskReading {
  const log = (m: string) => parts.logger.info(m);
  return {
    readNew: (source) => ingestDeskSource(parts.store, source, deskIngestOptions(parts.config, parts.embeddings, log)),
    async reingest(sources, hooks = {}) {
      const { ingest } = await import('../../../ingest/pipeline.js');
      return ingest({
        ...ingestSettings(parts.config, parts.embeddings, log, hooks.signal),
        onProgress: hooks.onProgress,
        sources: deskSourceSpecs(sources),
        store: parts.store,
        prune: false,
      });
    },
  };
}
