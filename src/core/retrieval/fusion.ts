/** Reciprocal rank fusion: robust to the incomparable scales of BM25 and cosine similarity. */
export const RRF_K = 60;

export function reciprocalRankFusion(rankings: Array<{ ids: number[]; weight: number }>): Map<number, number> {
  const fused = new Map<number, number>();
  for (const { ids, weight } of rankings) {
    ids.forEach((id, rank) => {
      fused.set(id, (fused.get(id) ?? 0) + weight / (RRF_K + rank + 1));
    });
  }
  return fused;
}
