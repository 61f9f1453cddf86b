import type { IngestRun, RunSummary, SourceStatus, StoreStats } from '../../core/ports/knowledgeStore.js';
import { encodeRunSummary, runFromRow, type RunRow } from '../rules/runRecords.js';
import { SOURCE_STATUS_UPSERT_SET, sourceStatusFromRow, sourceStatusValues, type SourceStatusRow } from '../sourceStatusRow.js';
import type { SqlRunner } from './pgDatabase.js';

/** PostgreSQL's records about ingests: runs, each source's fetch status, and the store's counts. */

export async function beginRun(db: SqlRunner, startedAt: string): Promise<number> {
  const [row] = await db.query<{ id: string }>("INSERT INTO ingest_runs(started_at, status) VALUES ($1, 'running') RETURNING id", [startedAt]);
  return Number(row!.id);
}

export async function finishRun(db: SqlRunner, id: number, status: 'ok' | 'failed', finishedAt: string, summary: RunSummary): Promise<void> {
  await db.query('UPDATE ingest_runs SET status = $1, finished_at = $2, summary = $3 WHERE id = $4', [status, finishedAt, encodeRunSummary(summary), id]);
}

/** Marks runs left "running" by a process that died as interrupted. */
export async function markInterruptedRuns(db: SqlRunner, currentRunId: number): Promise<void> {
  await db.query("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running' AND id <> $1", [currentRunId]);
}

export async function lastRun(db: SqlRunner): Promise<IngestRun | undefined> {
  const [row] = await db.query<RunRow & Record<string, unknown>>('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1');
  return row && runFromRow(row);
}

export async function sourceStatus(db: SqlRunner, sourceId: string): Promise<SourceStatus | undefined> {
  const [row] = await db.query<SourceStatusRow>('SELECT * FROM source_status WHERE source_id = $1', [sourceId]);
  return row && sourceStatusFromRow(row);
}

export async function sourceStatuses(db: SqlRunner): Promise<SourceStatus[]> {
  return (await db.query<SourceStatusRow>('SELECT * FROM source_status ORDER BY source_id COLLATE "C"')).map(sourceStatusFromRow);
}

export async function recordSourceStatus(db: SqlRunner, status: SourceStatus): Promise<void> {
  await db.query(
    `INSERT INTO source_status(source_id, last_success_at, last_error_at, last_error, consecutive_failures, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (source_id) DO UPDATE SET ${SOURCE_STATUS_UPSERT_SET}`,
    sourceStatusValues(status),
  );
}

export async function stats(db: SqlRunner): Promise<StoreStats> {
  const [row] = await db.query<{ documents: string; passages: string; vectors: string; sources: string }>(
    `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM passages) AS passages,
            (SELECT count(*) FROM passage_vectors) AS vectors, (SELECT count(DISTINCT source_id) FROM documents) AS sources`,
  );
  return { documents: Number(row!.documents), passages: Number(row!.passages), vectors: Number(row!.vectors), sources: Number(row!.sources) };
}
