import type { LoadedEmbeddings } from '../embeddings/loadEmbeddings.js';
import type { Config } from './config.js';
import type { IngestOptions } from '../../ingest/ingestOptions.js';

/**
 * What every ingest shares, from the configuration: limits, the fetch guard, the model. The
 * sources' own trust is decided per source (ingest/sources/fetchPolicy.ts): desk sources get
 * no exemption, only FETCH_ALLOW_PRIVATE_NETWORKS / FETCH_ALLOWED_HOSTS admit local addresses.
 */
export function ingestSettings(
  config: Config,
  embeddings: LoadedEmbeddings,
  log: (m: string) => void,
  signal?: AbortSignal,
): Pick<
  IngestOptions,
  'dataDir' | 'embeddings' | 'fetchTimeoutMs' | 'maxArticleBytes' | 'extractionTimeoutMs' | 'feedDeadlineMs' | 'userAgent' | 'fetchGuard' | 'log' | 'signal'
> {
  return {
    dataDir: config.dataDir,
    embeddings,
    fetchTimeoutMs: config.fetchTimeoutMs,
    maxArticleBytes: config.maxArticleBytes,
    extractionTimeoutMs: config.extractionTimeoutMs,
    feedDeadlineMs: config.feedDeadlineMs,
    userAgent: config.userAgent,
    fetchGuard: { allowPrivateNetworks: config.fetchAllowPrivateNetworks, allowedHosts: config.fetchAllowedHosts },
    log,
    signal,
  };
}
