import type { AskLatencyResult } from '../askLatency.js';
import type { BenchResults } from '../benchResults.js';
import { fixed } from './fixed.js';

const askRow = (backend: string, a: AskLatencyResult) =>
  `| ${backend} | ${a.passages} | ${fixed(a.p50Ms)} | ${fixed(a.p95Ms)} | ${fixed(a.inferenceP50Ms, 2)} (${a.inferenceModel}) | ${a.answered}/${a.questions} |`;

/** Warm asks on SQLite, on PostgreSQL beside it (or a line saying it was not measured). */
export function askTable(r: BenchResults): string[] {
  const pg = r.postgres;
  const header = [
    '| ask (warm, retrieval + extractive answer) | passages | p50 ms | p95 ms | query inference p50 ms (separate) | answered |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    askRow('SQLite: FTS5 BM25 + hnswlib', r.askLatency),
  ];
  if (!pg) return [...header, '', 'PostgreSQL: not measured (set DATABASE_URL to print it beside SQLite).'];
  return [
    ...header,
    askRow(`PostgreSQL: BM25 in SQL + ${pg.vectorSearch}`, pg.askLatency),
    '',
    `PostgreSQL store: written in ${fixed(pg.storeBuildSeconds)} s (one transaction per article); first vector search ${fixed(pg.firstSearchSeconds, 2)} s (${pg.vectorSearch}); target warm ask p95 <= 100 ms.`,
  ];
}
