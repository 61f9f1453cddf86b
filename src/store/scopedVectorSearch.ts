import type { AnnHit, AnnIndex } from './annIndex.js';
import { ExactVectors } from './exactVectors.js';
import type { ScopedPassages } from './rules/scopedPassages.js';

/**
 * Up to this share of the indexed vectors (and at least EXACT_SCAN_FLOOR of them) a scope's
 * vectors are scanned exactly; above it the graph is searched with a filter. Measured by
 * bench/scopedSearch.ts (384-d clustered vectors, scopes spread over the clusters, 50
 * candidates, p50 ms scan / filtered graph): a scan costs about 0.85 us per vector; a filtered
 * graph search grows steeply as the share shrinks, since it walks past the rejected nodes. At
 * 100,000 vectors: 1% 0.8 / 98, 2% 1.6 / 65, 5% 4.1 / 27, 10% 8.4 / 11.4 (a noisier run: 16.5
 * / 12.4), 50% 48 / 1.2; at 10,000: 10% 0.8 / 1.8, 50% 4.2 / 0.5. They cross near 10% at
 * both sizes; the scan is also exact where a narrow filter loses recall.
 */
export const EXACT_SCAN_SHARE = 0.1;
export const EXACT_SCAN_FLOOR = 1000;

export function scansExactly(allowed: number, indexed: number): boolean {
  return allowed <= Math.max(EXACT_SCAN_FLOOR, indexed * EXACT_SCAN_SHARE);
}

/**
 * Search breadth of a filtered graph search: the share of nodes the filter admits shrinks the
 * candidates each step yields, so ef grows as 1/sqrt(share), doubled (at half the store and
 * 50 candidates the default ef 50 gave recall@10 0.955 at 100,000 vectors, ef 142 gives 0.969).
 */
export function filteredEf(k: number, share: number): number {
  return Math.ceil((2 * k) / Math.sqrt(Math.max(share, 0.01)));
}

/**
 * The k nearest passages of a scope, searched inside the scope (never by dropping results
 * afterwards, so a small scope still gets its full k): an exact scan of the scope's vectors
 * when it is a small share of the graph (kept with the scope's passages until the store
 * changes; `collect` reads them, from the graph when the backend has nothing faster),
 * otherwise the graph searched with a filter on the scope's passage ids.
 */
export function scopedVectorSearch(
  graph: AnnIndex,
  query: Float32Array,
  k: number,
  scoped: ScopedPassages,
  collect: (ids: Set<number>) => ExactVectors = (ids) => ExactVectors.collect(ids, graph.dim, (id) => graph.vectorOf(id)),
): AnnHit[] {
  if (scoped.ids.size === 0 || graph.size === 0) return [];
  if (scansExactly(scoped.ids.size, graph.size)) {
    scoped.vectors ??= collect(scoped.ids);
    return scoped.vectors.nearest(query, k);
  }
  const n = Math.min(k, scoped.ids.size);
  return graph.search(query, n, (id) => scoped.ids.has(id), filteredEf(n, scoped.ids.size / graph.size));
}
