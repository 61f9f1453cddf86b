import { describe, expect, it } from 'vitest';
import { AnnIndex } from '../../src/store/annIndex.js';
import { ExactVectors } from '../../src/store/exactVectors.js';
import { scansExactly, scopedVectorSearch } from '../../src/store/scopedVectorSearch.js';

const DIM = 8;

/** Deterministic pseudo-random vectors (a fixed LCG), so the test sees the same graph every run. */
function vectors(count: number): Array<{ id: number; vector: Float32Array }> {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  return Array.from({ length: count }, (_, i) => ({ id: i + 1, vector: Float32Array.from({ length: DIM }, next) }));
}

function bruteForce(all: Array<{ id: number; vector: Float32Array }>, allowed: Set<number>, query: Float32Array, k: number): number[] {
  return ExactVectors.collect(
    all.filter((v) => allowed.has(v.id)).map((v) => v.id),
    DIM,
    (id) => all[id - 1]!.vector,
  )
    .nearest(query, k)
    .map((h) => h.id);
}

describe('vector search inside a scope', () => {
  const all = vectors(6000);
  const graph = AnnIndex.build('m', DIM, 1, all, all.length);
  const query = Float32Array.from({ length: DIM }, (_, i) => (i % 3) - 1);

  it('scans a small share of the graph exactly: the true nearest of the scope, full k', () => {
    const allowed = new Set(all.filter((v) => v.id % 100 === 0).map((v) => v.id));
    expect(scansExactly(allowed.size, graph.size)).toBe(true);
    const scoped = { ids: allowed };
    const hits = scopedVectorSearch(graph, query, 10, scoped);
    expect(hits.map((h) => h.id)).toEqual(bruteForce(all, allowed, query, 10));
    expect(scoped).toHaveProperty('vectors'); // kept for the next question in this scope
    expect(hits[0]!.similarity).toBeCloseTo(graph.search(query, 6000, (id) => id === hits[0]!.id)[0]!.similarity, 5);
  });

  it('searches the graph with a filter for a large share: only scope passages, full k, near-exact', () => {
    const allowed = new Set(all.filter((v) => v.id % 2 === 0).map((v) => v.id));
    expect(scansExactly(allowed.size, graph.size)).toBe(false);
    const scoped = { ids: allowed };
    const hits = scopedVectorSearch(graph, query, 10, scoped);
    expect(hits).toHaveLength(10);
    for (const hit of hits) expect(allowed.has(hit.id)).toBe(true);
    expect(scoped).not.toHaveProperty('vectors');
    const exact = new Set(bruteForce(all, allowed, query, 10));
    expect(hits.filter((h) => exact.has(h.id)).length).toBeGreaterThanOrEqual(9);
  });

  it('finds nothing in an empty scope', () => {
    expect(scopedVectorSearch(graph, query, 10, { ids: new Set() })).toEqual([]);
  });
});
