import type { ModelPrecisionResult, ModelResult } from '../benchResults.js';
import { fixed } from './fixed.js';

/** The stand-in model's figures, one column per precision measured. */
export function modelTable(m: ModelResult): string[] {
  const precisions = (['int8', 'fp32'] as const).filter((k) => m[k]);
  const columns = precisions.map((k) => m[k]!);
  const first = columns[0];
  const row = (label: string, cell: (x: ModelPrecisionResult) => string) => `| ${label} | ${columns.map(cell).join(' | ')} |`;
  return [
    `Stand-in for Xenova/multilingual-e5-small (${m.note}); embedding in a worker process with EMBEDDING_THREADS=${m.threads}.`,
    '',
    `| real-size model | ${precisions.join(' | ')} |`,
    `| --- | ${precisions.map(() => '---:').join(' | ')} |`,
    row('model load s (worker start to ready)', (x) => fixed(x.loadSeconds, 2)),
    row('tokens per passage (words)', (x) => `${fixed(x.tokensPerPassage, 0)} (${fixed(x.wordsPerPassage, 0)})`),
    ...[0, 1, 2].map((i) => row(`passages/s, batch ${first ? first.byBatch[i]?.batchSize : ''}`, (x) => fixed(x.byBatch[i]?.passagesPerSecond ?? 0))),
    row('question embedding p50 / p95 ms', (x) => `${fixed(x.queryP50Ms)} / ${fixed(x.queryP95Ms)}`),
    row(
      'first ingest: articles/s (articles, passages)',
      (x) => `${fixed(x.ingestion.articlesPerSecond, 2)} (${x.ingestion.articles}, ${x.ingestion.passages})`,
    ),
    row('share of ingest time outside the model (target <= 15%)', (x) => `${fixed(x.ingestion.shareOutsideModel * 100)}%`),
    row(`ask incl. question inference at ${first ? first.ask.passages : ''} passages p50 / p95 ms`, (x) => `${fixed(x.ask.p50Ms)} / ${fixed(x.ask.p95Ms)}`),
    row(
      'bot memory with the model: main + worker = total MB',
      (x) => `${fixed(x.memory.rssMb, 0)} + ${fixed(x.memory.workerRssMb ?? 0, 0)} = ${fixed(x.memory.rssMb + (x.memory.workerRssMb ?? 0), 0)}`,
    ),
    row('worker RSS after a first ingest MB', (x) => fixed(x.workerRssMb ?? 0, 0)),
    row(
      'cold start to first answer (npm run ask) wall p50 ms / peak RSS MB',
      (x) => `${fixed(x.coldStart.wallP50Ms ?? 0, 0)} / ${fixed(x.coldStart.maxRssMbP50 ?? 0, 0)}${x.coldStart.answered ? '' : ' (NOT answered)'}`,
    ),
  ];
}
