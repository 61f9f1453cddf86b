import type { BenchResults } from '../benchResults.js';
import type { VectorSearchResult } from '../vectorSearch.js';
import { fixed } from './fixed.js';

const vectorRow = (label: string, v: VectorSearchResult) =>
  `| ${label} | ${v.n} | ${fixed(v.buildSeconds)} | ${fixed(v.bruteQps)} | ${fixed(v.annQps)} | ${fixed(v.speedup)}x | ${fixed(v.recallAt10, 3)} |`;

export function vectorSearchTable(r: BenchResults): string[] {
  return [
    '| vector search (hnswlib vs exact scan, default ef) | N | build s | brute-force q/s | ANN q/s | speed-up | ANN recall@10 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.vectorSearch.map((v) => vectorRow('clustered', v)),
    ...r.vectorSearchHarder.map((v) => vectorRow('harder (anisotropic, uneven clusters, near-duplicates)', v)),
    ...(r.vectorSearchStandIn ? [vectorRow('stand-in model vectors (int8, short texts)', r.vectorSearchStandIn)] : []),
  ];
}
