import type { AnnHit, AnnIndex } from './annIndex.js';
import { ExactVectors } from './exactVectors.js';
import type { ScopedPassages } from './rules/scopedPassages.js';

/**
 * Up to this share of the indexed vectors a scope's vectors are scanned exactly; above it the
 * graph is searched with a filter. Measured by `npm run bench` (bench/scopedSearch.ts): at
 * 100,000 vectors of 384 dimensions, scanning 5% (5,000 vectors) takes about as long as the
 * filtered graph search, which at small shares also loses recall (it must walk past the
 * rejected nodes within its ef breadth).
 */
export const EXACT_SCAN_SHARE = 0.05;
/** Below this many vectors a scan is always cheaper than a graph search. */
export const EXACT_SCAN_FLOOR = 2000;

export function scansExactly(allowed: number, indexed: number): boolean {
  return allowed <= Math.max(EXACT_SCAN_FLOOR, indexed * EXACT_SCAN_SHARE);
}

/**
 * The k nearest passages of a scope, searched inside the scope (never by dropping results
 * afterwards, so a small scope still gets its full k): an exact scan of the scope's vectors
 * when it is a small share of the graph (kept with the scope's passages until the store
 * changes), otherwise the graph searched with a filter on the scope's passage ids.
 */
export function scopedVectorSearch(graph: AnnIndex, query: Float32Array, k: number, scoped: ScopedPassages): AnnHit[] {
  if (scoped.ids.size === 0 || graph.size === 0) return [];
  if (scansExactly(scoped.ids.size, graph.size)) {
    scoped.vectors ??= ExactVectors.collect(scoped.ids, graph.dim, (id) => graph.vectorOf(id));
    return scoped.vectors.nearest(query, k);
  }
  return graph.search(query, Math.min(k, scoped.ids.size), (id) => scoped.ids.has(id));
}
