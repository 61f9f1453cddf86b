import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import hnswlib from 'hnswlib-node';
import { AnnIndex, searchesTakeTypedArrays } from '../../src/store/annIndex.js';
import { tempDir } from '../support/tempDir.js';

function randomVector(dim: number, seed: number): Float32Array {
  const v = new Float32Array(dim);
  let x = seed * 9301 + 49297;
  for (let i = 0; i < dim; i++) {
    x = (x * 9301 + 49297) % 233280;
    v[i] = x / 233280 - 0.5;
  }
  return v;
}

describe('AnnIndex (hnswlib-node)', () => {
  it('hands hnswlib its Float32Array queries directly (the install applied the patch) with the same results as plain arrays', () => {
    const graph = new hnswlib.HierarchicalNSW('cosine', 32);
    graph.initIndex({ maxElements: 500, m: 16, efConstruction: 100, randomSeed: 42 });
    for (let id = 1; id <= 500; id++) graph.addPoint(Array.from(randomVector(32, id)), id);
    for (let seed = 1000; seed < 1020; seed++) {
      const query = randomVector(32, seed);
      expect(graph.searchKnn(query as unknown as number[], 10)).toEqual(graph.searchKnn(Array.from(query), 10));
    }
    expect(() => graph.searchKnn(new Float32Array(31) as unknown as number[], 10)).toThrow(/expected 32, but got 31/);
    expect(() => graph.searchKnn(new Float64Array(32) as unknown as number[], 10)).toThrow(/Array or a Float32Array/);
    const index = AnnIndex.build(
      'm',
      32,
      1,
      Array.from({ length: 100 }, (_, i) => ({ id: i + 1, vector: randomVector(32, i + 1) })),
    );
    expect(index.search(randomVector(32, 7), 1)[0]!.id).toBe(7);
    expect(searchesTakeTypedArrays()).toBe(true);
  });

  it('finds vectors by label, grows capacity and honours deletions', () => {
    const index = AnnIndex.empty('m', 16, 1, 4);
    for (let id = 1; id <= 3000; id++) index.add(id, randomVector(16, id)); // far past the initial capacity
    expect(index.size).toBe(3000);
    expect(index.search(randomVector(16, 1234), 1)[0]).toMatchObject({ id: 1234 });
    index.remove(1234);
    expect(index.search(randomVector(16, 1234), 5).map((h) => h.id)).not.toContain(1234);
    expect(index.size).toBe(2999);
  });

  it('saves atomically and reloads; refuses stale, foreign or damaged files', () => {
    const dir = tempDir();
    const path = join(dir, 'vectors.hnsw');
    const index = AnnIndex.build(
      'm',
      8,
      7,
      Array.from({ length: 50 }, (_, i) => ({ id: i + 1, vector: randomVector(8, i + 1) })),
    );
    index.save(path, 7);
    const loaded = AnnIndex.load(path, { model: 'm', dim: 8, generation: 7 });
    expect(loaded).toBeInstanceOf(AnnIndex);
    expect((loaded as AnnIndex).search(randomVector(8, 10), 1)[0]!.id).toBe(10);
    expect(AnnIndex.load(path, { model: 'm', dim: 8, generation: 8 })).toMatch(/stale/);
    expect(AnnIndex.load(path, { model: 'other', dim: 8, generation: 7 })).toMatch(/built with m/);
    const bytes = readFileSync(path);
    // Same size, different bytes (a bad block): no longer as saved, so the checksum runs and catches it.
    writeFileSync(path, Buffer.from(bytes).fill(0xff, bytes.length >> 2, bytes.length >> 1));
    expect(AnnIndex.load(path, { model: 'm', dim: 8, generation: 7 })).toMatch(/damaged/);
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1)); // truncated, as by a crash or a full disk
    expect(AnnIndex.load(path, { model: 'm', dim: 8, generation: 7 })).toMatch(/damaged/);
    expect(AnnIndex.load(join(dir, 'missing.hnsw'), { model: 'm', dim: 8, generation: 7 })).toMatch(/no saved/);
  });
});
