import type { IngestRun, RunSummary, SourceStatus, StoreStats } from '../../core/ports/knowledgeStore.js';
import { encodeRunSummary, runFromRow, type RunRow } from '../rules/runRecords.js';
import { SOURCE_STATUS_UPSERT_SET, sourceStatusFromRow, sourceStatusValues, type SourceStatusRow } from '../sourceStatusRow.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

/** SQLite's records about ingests: runs, each source's fetch status, and the store's counts. */

export function beginRun(sqlite: SqliteDatabase, startedAt: string): number {
  return Number(sqlite.db.prepare("INSERT INTO ingest_runs(started_at, status) VALUES (?, 'running')").run(startedAt).lastInsertRowid);
}

export function finishRun(sqlite: SqliteDatabase, id: number, status: 'ok' | 'failed', finishedAt: string, summary: RunSummary): void {
  sqlite.db.prepare('UPDATE ingest_runs SET status=?, finished_at=?, summary=? WHERE id=?').run(status, finishedAt, encodeRunSummary(summary), id);
}

/** Marks runs left "running" by a process that died as interrupted. */
export function markInterruptedRuns(sqlite: SqliteDatabase, currentRunId: number): void {
  sqlite.db.prepare("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running' AND id <> ?").run(currentRunId);
}

export function lastRun(sqlite: SqliteDatabase): IngestRun | undefined {
  const row = sqlite.db.prepare('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
  return row && runFromRow(row);
}

export function sourceStatus(sqlite: SqliteDatabase, sourceId: string): SourceStatus | undefined {
  const row = sqlite.db.prepare('SELECT * FROM source_status WHERE source_id = ?').get(sourceId) as SourceStatusRow | undefined;
  return row && sourceStatusFromRow(row);
}

export function sourceStatuses(sqlite: SqliteDatabase): SourceStatus[] {
  return (sqlite.db.prepare('SELECT * FROM source_status ORDER BY source_id').all() as SourceStatusRow[]).map(sourceStatusFromRow);
}

export function recordSourceStatus(sqlite: SqliteDatabase, status: SourceStatus): void {
  sqlite.db
    .prepare(
      `INSERT INTO source_status(source_id, last_success_at, last_error_at, last_error, consecutive_failures, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(source_id) DO UPDATE SET ${SOURCE_STATUS_UPSERT_SET}`,
    )
    .run(...sourceStatusValues(status));
}

export function stats(sqlite: SqliteDatabase): StoreStats {
  const one = (sql: string) => (sqlite.db.prepare(sql).get() as { n: number }).n;
  return {
    documents: one('SELECT count(*) AS n FROM documents'),
    passages: one('SELECT count(*) AS n FROM passages'),
    vectors: one('SELECT count(*) AS n FROM passage_vectors'),
    sources: one('SELECT count(DISTINCT source_id) AS n FROM documents'),
  };
}
