import type { IngestRun, RunSummary } from '../../core/ports/knowledgeStore.js';

/** An ingest run as both backends' `ingest_runs` tables hold it. */
export interface RunRow {
  started_at: string;
  finished_at: string | null;
  status: string;
  summary: string | null;
}

/** The summary as stored: the whole object as JSON. */
export function encodeRunSummary(summary: RunSummary): string {
  return JSON.stringify(summary);
}

export function runFromRow(row: RunRow): IngestRun {
  return { startedAt: row.started_at, finishedAt: row.finished_at, status: row.status, summary: row.summary ? (JSON.parse(row.summary) as RunSummary) : null };
}
