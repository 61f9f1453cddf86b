import type { AnnHit } from './annIndex.js';

/**
 * The vectors of a small set of passages in one flat array, for an exact nearest-neighbour
 * scan: when a scope holds a small share of the index, scanning its vectors is both faster
 * than a filtered graph search (which visits and rejects the rest) and exact.
 */
export class ExactVectors {
  private constructor(
    private readonly ids: Float64Array,
    /** Unit vectors, row after row. */
    private readonly matrix: Float32Array,
    private readonly dim: number,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  /** Collects the vectors found for these ids (passages without one are left out), normalised. */
  static collect(ids: Iterable<number>, dim: number, vectorOf: (id: number) => ArrayLike<number> | null): ExactVectors {
    const found: number[] = [];
    const rows: ArrayLike<number>[] = [];
    for (const id of ids) {
      const vector = vectorOf(id);
      if (vector && vector.length === dim) {
        found.push(id);
        rows.push(vector);
      }
    }
    const matrix = new Float32Array(found.length * dim);
    rows.forEach((vector, row) => {
      let norm = 0;
      for (let i = 0; i < dim; i++) norm += vector[i]! * vector[i]!;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let i = 0; i < dim; i++) matrix[row * dim + i] = vector[i]! * scale;
    });
    return new ExactVectors(Float64Array.from(found), matrix, dim);
  }

  /** The k most similar by cosine similarity, best first (ties by id, as a sort would give). */
  nearest(query: Float32Array, k: number): AnnHit[] {
    const { dim, matrix, ids } = this;
    let norm = 0;
    for (let i = 0; i < dim; i++) norm += query[i]! * query[i]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const scores = new Float64Array(ids.length);
    for (let row = 0, at = 0; row < ids.length; row++, at += dim) {
      let dot = 0;
      for (let i = 0; i < dim; i++) dot += matrix[at + i]! * query[i]!;
      scores[row] = dot * scale;
    }
    const order = Array.from(ids.keys());
    order.sort((a, b) => scores[b]! - scores[a]! || ids[a]! - ids[b]!);
    return order.slice(0, k).map((row) => ({ id: ids[row]!, similarity: scores[row]! }));
  }
}
