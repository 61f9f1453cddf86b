import type { KnowledgeStore, SourceStatus } from '../src/core/ports/knowledgeStore.js';
import type { SourceSpec } from './sources/sourceSpecs.js';
import type { SourceBackoffReport } from './summary.js';

/**
 * Capped exponential backoff for web sources that keep failing, across ingests: after the
 * n-th failed read in a row the source is skipped for BASE * 2^(n-1), at most CAP, unless a
 * run names it on the command line. Local files and folders are never backed off (reading
 * them costs nobody anything).
 *
 * BASE is a quarter of an hour: below the usual INGEST_INTERVAL_MINUTES (30-60 in the
 * examples in docs/), so one passing failure costs at most one scheduled run. CAP is six
 * hours: a source that is down for days is still tried four times a day, and comes back by
 * itself when it recovers.
 */
export const BACKOFF_BASE_MS = 15 * 60_000;
export const BACKOFF_CAP_MS = 6 * 60 * 60_000;

export function backoffDelayMs(consecutiveFailures: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, consecutiveFailures - 1));
}

export function statusAfterFailure(previous: SourceStatus | undefined, sourceId: string, error: string, now: number): SourceStatus {
  const consecutiveFailures = (previous?.consecutiveFailures ?? 0) + 1;
  return {
    sourceId,
    lastSuccessAt: previous?.lastSuccessAt ?? null,
    lastErrorAt: new Date(now).toISOString(),
    lastError: error.slice(0, 500),
    consecutiveFailures,
    nextAttemptAt: new Date(now + backoffDelayMs(consecutiveFailures)).toISOString(),
  };
}

/** A successful read clears the backoff; the last error stays on record with its time. */
export function statusAfterSuccess(previous: SourceStatus | undefined, sourceId: string, now: number): SourceStatus {
  return {
    sourceId,
    lastSuccessAt: new Date(now).toISOString(),
    lastErrorAt: previous?.lastErrorAt ?? null,
    lastError: previous?.lastError ?? null,
    consecutiveFailures: 0,
    nextAttemptAt: null,
  };
}

function report(status: SourceStatus, skipped: boolean): SourceBackoffReport {
  return {
    source: status.sourceId,
    consecutiveFailures: status.consecutiveFailures,
    lastError: status.lastError,
    nextAttemptAt: status.nextAttemptAt!,
    skipped,
  };
}

/** The pipeline's view of source backoff: ask before reading a source, record after. */
export class SourceBackoff {
  constructor(
    private readonly store: KnowledgeStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The report to give when this run must skip the source (still backing off, not named explicitly); null to read it. */
  async skipping(spec: SourceSpec): Promise<SourceBackoffReport | null> {
    if (spec.kind !== 'url' || spec.explicit) return null;
    const status = await this.store.sourceStatus(spec.id);
    if (!status?.nextAttemptAt || Date.parse(status.nextAttemptAt) <= this.now()) return null;
    return report(status, true);
  }

  /** Records the read's outcome; returns the report when the source now backs off. */
  async record(spec: SourceSpec, failure: string | null): Promise<SourceBackoffReport | null> {
    if (spec.kind !== 'url') return null;
    const previous = await this.store.sourceStatus(spec.id);
    const status = failure === null ? statusAfterSuccess(previous, spec.id, this.now()) : statusAfterFailure(previous, spec.id, failure, this.now());
    await this.store.recordSourceStatus(status);
    return status.nextAttemptAt ? report(status, false) : null;
  }
}
