import type { SourceStatus } from '../core/ports/knowledgeStore.js';

/** A `source_status` row as both SQL backends store it. */
export type SourceStatusRow = {
  source_id: string;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  consecutive_failures: number | string;
  next_attempt_at: string | null;
};

export function sourceStatusFromRow(row: SourceStatusRow): SourceStatus {
  return {
    sourceId: row.source_id,
    lastSuccessAt: row.last_success_at,
    lastErrorAt: row.last_error_at,
    lastError: row.last_error,
    consecutiveFailures: Number(row.consecutive_failures),
    nextAttemptAt: row.next_attempt_at,
  };
}

/** The row's values in column order: source_id, last_success_at, last_error_at, last_error, consecutive_failures, next_attempt_at. */
export function sourceStatusValues(status: SourceStatus): Array<string | number | null> {
  return [status.sourceId, status.lastSuccessAt, status.lastErrorAt, status.lastError, status.consecutiveFailures, status.nextAttemptAt];
}

export const SOURCE_STATUS_UPSERT_SET =
  'last_success_at = excluded.last_success_at, last_error_at = excluded.last_error_at, last_error = excluded.last_error, ' +
  'consecutive_failures = excluded.consecutive_failures, next_attempt_at = excluded.next_attempt_at';
