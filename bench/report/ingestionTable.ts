import type { BenchResults } from '../benchResults.js';
import type { IngestionResult } from '../ingestion.js';
import { fixed } from './fixed.js';

const ingestRow = (backend: string, i: IngestionResult) =>
  `| ${backend} | ${i.embedder} | ${i.articles} | ${i.passages} | ${fixed(i.firstSeconds, 2)} | ${fixed(i.articlesPerSecond)} | ${fixed(i.embeddingSeconds, 2)} | ${fixed(i.shareOutsideModel * 100)}% | ${fixed(i.overheadMsPerArticle, 2)} | ${fixed(i.reingestSeconds, 2)} | ${fixed(i.reingestSpeedup)}x |`;

/** SQLite's ingestion, PostgreSQL's beside it when measured, and the data folder's size. */
export function ingestionTable(r: BenchResults): string[] {
  const i = r.ingestion;
  return [
    '| ingestion | embedder | articles | passages | first s | articles/s | in embedder s | share outside model | overhead ms/article | re-ingest s | re-ingest speed-up |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ingestRow('SQLite', i),
    ...(r.postgres ? [ingestRow('PostgreSQL', r.postgres.ingestion)] : []),
    ...(i.diskBytes
      ? [
          '',
          `SQLite data folder after the first ingest: ${fixed(i.diskBytes / 2 ** 20)} MB for ${i.articles} articles (${i.passages} passages, 384-d vectors).`,
        ]
      : []),
  ];
}
