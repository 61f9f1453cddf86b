import { FetchPolicy } from '../../../ingest/sources/fetchPolicy.js';
import type { DiscoveryLimits } from '../../../ingest/feeds/feedDiscovery.js';
import type { Config } from '../../app/config.js';

/** Time for finding a feed behind an address (the page, its announced feeds, the common paths). */
const DISCOVERY_DEADLINE_MS = 30_000;
/** A page or feed read while discovering is at most this large. */
const DISCOVERY_MAX_BYTES = 5_000_000;

/**
 * The policy for an address a Discord member gave: never one of the operator's URLs, so it
 * reaches only public addresses unless the operator admits local ones (FETCH_ALLOW_PRIVATE_NETWORKS,
 * FETCH_ALLOWED_HOSTS).
 */
export function deskFetchPolicy(config: Config): FetchPolicy {
  return new FetchPolicy({ allowPrivateNetworks: config.fetchAllowPrivateNetworks, allowedHosts: config.fetchAllowedHosts });
}

/** Limits for discovering one address, ending at a deadline. */
export function discoveryLimits(config: Config): DiscoveryLimits {
  const signal = AbortSignal.timeout(DISCOVERY_DEADLINE_MS);
  return {
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: Math.min(config.maxArticleBytes, DISCOVERY_MAX_BYTES),
    userAgent: config.userAgent,
    signal,
    deadlineAt: Date.now() + DISCOVERY_DEADLINE_MS,
    policy: deskFetchPolicy(config),
  };
}
