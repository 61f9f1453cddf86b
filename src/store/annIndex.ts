import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;
type Graph = InstanceType<typeof HierarchicalNSW>;

/** What the graph file reflects; written beside it so staleness and damage are detectable. */
export interface AnnSidecar {
  model: string;
  dim: number;
  /** Store generation the graph reflects; a mismatch means "rebuild from stored vectors". */
  generation: number;
  live: number;
  sha256: string;
  /** The graph file's size and mtime when saved: while both still match, hashing it again is skipped. */
  size?: number;
  mtimeMs?: number;
}

export interface AnnHit {
  id: number;
  similarity: number;
}

const M = 16;
const EF_CONSTRUCTION = 100;
/**
 * Search breadth. Measured at 100,000 vectors (npm run bench): recall@10 0.991 on the harder
 * synthetic distribution (anisotropic, uneven clusters, near-duplicates) and 1.0 on the
 * clustered one; ef 24 would drop to 0.957 there, ef 96 costs half again as much time.
 * Vectors of the stand-in model need it most: 0.936 at ef 32, 0.963 at 40, 0.979 at 48
 * (3,000 vectors; efConstruction 200 changes these by under 0.005 and doubles build time).
 * A search never looks at fewer candidates than it returns (ef >= k): retrieval asks for 50
 * candidates, so answers are always searched at ef 50 or more.
 */
export const DEFAULT_EF_SEARCH = 48;
const MIN_CAPACITY = 1024;

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Whether the installed hnswlib-node takes a Float32Array query. Released hnswlib-node reads
 * a plain array element by element through N-API, about 40 us of a 0.1 ms search at 384
 * dimensions; patches/hnswlib-node+3.0.0.patch (applied at install by patch-package) adds a
 * typed-array path that copies the floats at once. Without the patch (another version, an
 * install that skipped it) searches convert to an array as before: same results, slower.
 */
let typedQueries: boolean | undefined;

function searchGraph(graph: Graph, vector: Float32Array, k: number, filter?: (label: number) => boolean): { neighbors: number[]; distances: number[] } {
  if (typedQueries !== false) {
    try {
      const result = graph.searchKnn(vector as unknown as number[], k, filter); // the typings predate the patch
      typedQueries = true;
      return result;
    } catch (error) {
      if (typedQueries === true || !/must be an Array/.test((error as Error).message)) throw error;
      typedQueries = false;
    }
  }
  // A sized loop is several times faster than Array.from.
  const query = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) query[i] = vector[i]!;
  return graph.searchKnn(query, k, filter);
}

/** Whether searches hand hnswlib their Float32Array directly (known after the first search). */
export function searchesTakeTypedArrays(): boolean | undefined {
  return typedQueries;
}

/**
 * The hnswlib-node graph over passage vectors, labelled by passage id. It is derived data:
 * the SQLite store holds every vector, so a missing, stale or damaged graph is rebuilt from
 * there without re-embedding. Removed passages are marked deleted, capacity grows
 * geometrically, ef is set after every load, and saves go to a temporary name first.
 */
export class AnnIndex {
  private constructor(
    private readonly graph: Graph,
    readonly model: string,
    readonly dim: number,
    private live: number,
    public generation: number,
    private readonly efSearch: number,
  ) {
    this.graph.setEf(efSearch);
    this.ef = efSearch;
  }

  /** The breadth last given to hnswlib (setting it costs a native call per search otherwise). */
  private ef: number;

  static empty(model: string, dim: number, generation: number, capacity = MIN_CAPACITY, efSearch = DEFAULT_EF_SEARCH): AnnIndex {
    const graph = new HierarchicalNSW('cosine', dim);
    graph.initIndex({ maxElements: Math.max(MIN_CAPACITY, capacity), m: M, efConstruction: EF_CONSTRUCTION, randomSeed: 42 });
    return new AnnIndex(graph, model, dim, 0, generation, efSearch);
  }

  /** Builds a fresh graph from stored vectors. */
  static build(model: string, dim: number, generation: number, vectors: Iterable<{ id: number; vector: Float32Array }>, expectedCount = 0): AnnIndex {
    const index = AnnIndex.empty(model, dim, generation, Math.ceil(expectedCount * 1.25));
    for (const { id, vector } of vectors) index.add(id, vector);
    return index;
  }

  /**
   * Loads the graph file when it matches what the store expects; returns a reason string
   * otherwise (missing, stale, other model, damaged) so the caller can rebuild.
   */
  static load(graphPath: string, expected: { model: string; dim: number; generation: number }, efSearch = DEFAULT_EF_SEARCH): AnnIndex | string {
    const sidecarPath = `${graphPath}.json`;
    if (!existsSync(graphPath) || !existsSync(sidecarPath)) return 'no saved vector graph';
    let sidecar: AnnSidecar;
    try {
      sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as AnnSidecar;
    } catch {
      return 'the vector graph description is unreadable';
    }
    if (sidecar.model !== expected.model || sidecar.dim !== expected.dim) return `the saved graph was built with ${sidecar.model} (${sidecar.dim}-d)`;
    if (sidecar.generation !== expected.generation) return `the saved graph is stale (generation ${sidecar.generation}, store ${expected.generation})`;
    // Checked before hnswlib reads it: a truncated file can crash the native reader. Hashing
    // costs more than reading the graph, so a file still exactly as saved (size, mtime) is trusted.
    const stat = statSync(graphPath);
    const asSaved = sidecar.size === stat.size && sidecar.mtimeMs === stat.mtimeMs;
    if (!asSaved && sha256File(graphPath) !== sidecar.sha256) return 'the saved vector graph is damaged (checksum mismatch)';
    const graph = new HierarchicalNSW('cosine', expected.dim);
    try {
      graph.readIndexSync(graphPath, false);
    } catch (error) {
      return `the saved vector graph could not be read (${(error as Error).message})`;
    }
    return new AnnIndex(graph, sidecar.model, sidecar.dim, sidecar.live, sidecar.generation, efSearch);
  }

  get size(): number {
    return this.live;
  }

  add(id: number, vector: Float32Array): void {
    if (vector.length !== this.dim) throw new Error(`vector has ${vector.length} dimensions, the index ${this.dim}`);
    if (this.graph.getCurrentCount() >= this.graph.getMaxElements()) {
      this.graph.resizeIndex(this.graph.getMaxElements() * 2);
    }
    this.graph.addPoint(Array.from(vector), id);
    this.live += 1;
  }

  remove(id: number): void {
    try {
      this.graph.markDelete(id);
      this.live -= 1;
    } catch {
      // Not in the graph (e.g. a passage stored without a vector): nothing to delete.
    }
  }

  /**
   * The k nearest, or with `filter` the k nearest of the labels it admits (hnswlib skips the
   * others while searching); `minEf` widens the search (a filtered search needs it wider).
   */
  search(vector: Float32Array, k: number, filter?: (id: number) => boolean, minEf = 0): AnnHit[] {
    const n = Math.min(k, this.live);
    if (n <= 0) return [];
    const ef = Math.max(this.efSearch, n, minEf);
    if (ef !== this.ef) {
      this.ef = ef;
      this.graph.setEf(ef);
    }
    const result = searchGraph(this.graph, vector, n, filter);
    return result.neighbors.map((id, i) => ({ id, similarity: 1 - (result.distances[i] ?? 1) }));
  }

  /** The stored vector of a label (unit length in the cosine space), or null when the graph has none under it. */
  vectorOf(id: number): number[] | null {
    try {
      return this.graph.getPoint(id);
    } catch {
      return null;
    }
  }

  /** Writes graph and sidecar to temporary names, then renames: a crash leaves the old pair or a detectable mismatch. */
  save(graphPath: string, generation: number): void {
    const tmpGraph = `${graphPath}.tmp-${process.pid}`;
    const tmpSidecar = `${graphPath}.json.tmp-${process.pid}`;
    try {
      this.graph.writeIndexSync(tmpGraph);
      const { size, mtimeMs } = statSync(tmpGraph); // a rename keeps both
      const sidecar: AnnSidecar = { model: this.model, dim: this.dim, generation, live: this.live, sha256: sha256File(tmpGraph), size, mtimeMs };
      writeFileSync(tmpSidecar, JSON.stringify(sidecar));
      renameSync(tmpGraph, graphPath);
      renameSync(tmpSidecar, `${graphPath}.json`);
      this.generation = generation;
    } finally {
      rmSync(tmpGraph, { force: true });
      rmSync(tmpSidecar, { force: true });
    }
  }
}
