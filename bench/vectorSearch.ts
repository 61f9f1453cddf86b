import { AnnIndex } from '../src/store/annIndex.js';

/** Exact top-k by cosine (vectors are unit length) with a small sorted buffer: the baseline. */
export function bruteForceTopK(vectors: Float32Array[], query: Float32Array, k: number): number[] {
  const ids: number[] = [];
  const scores: number[] = [];
  const dim = query.length;
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    let s = 0;
    for (let j = 0; j < dim; j++) s += v[j]! * query[j]!;
    if (scores.length === k && s <= scores[k - 1]!) continue;
    let pos = scores.length;
    while (pos > 0 && scores[pos - 1]! < s) pos--;
    scores.splice(pos, 0, s);
    ids.splice(pos, 0, i + 1);
    if (scores.length > k) {
      scores.pop();
      ids.pop();
    }
  }
  return ids;
}

export interface VectorSearchResult {
  n: number;
  buildSeconds: number;
  bruteQps: number;
  annQps: number;
  speedup: number;
  recallAt10: number;
}

/** ANN (the project's hnswlib index) against exact brute force on the same vectors and queries. */
export function benchVectorSearch(vectors: Float32Array[], queries: Float32Array[], existing?: AnnIndex): { result: VectorSearchResult; index: AnnIndex } {
  const started = performance.now();
  const index =
    existing ??
    AnnIndex.build(
      'bench',
      vectors[0]!.length,
      0,
      vectors.map((vector, i) => ({ id: i + 1, vector })),
      vectors.length,
    );
  const buildSeconds = (performance.now() - started) / 1000;

  let t = performance.now();
  const exact = queries.map((q) => bruteForceTopK(vectors, q, 10));
  const bruteSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const approximate = queries.map((q) => index.search(q, 10).map((h) => h.id));
  const annSeconds = (performance.now() - t) / 1000;

  let found = 0;
  approximate.forEach((ids, i) => {
    found += ids.filter((id) => exact[i]!.includes(id)).length;
  });
  const bruteQps = queries.length / bruteSeconds;
  const annQps = queries.length / annSeconds;
  return {
    index,
    result: { n: vectors.length, buildSeconds, bruteQps, annQps, speedup: annQps / bruteQps, recallAt10: found / (queries.length * 10) },
  };
}
