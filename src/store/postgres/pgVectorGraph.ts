import { AnnIndex } from '../annIndex.js';
import type { ScopedPassages } from '../rules/scopedPassages.js';
import { scopedVectorSearch } from '../scopedVectorSearch.js';
import type { VectorSpace } from '../../core/ports/knowledgeStore.js';
import { decodeVector } from '../vectorCodec.js';
import type { PgConnection } from './pgDatabase.js';

const PAGE = 5000;

/**
 * This process's hnswlib graph over the vectors stored in PostgreSQL. Built once from a
 * consistent snapshot (the vectors and the change sequence number they reflect), then kept
 * in step by applying `passage_changes` after that number: each change costs one graph
 * update, never a rebuild. A vector-space change ('x') rebuilds, and so does a graph that
 * fell behind changes that were pruned since.
 */
export class PgVectorGraph {
  private ann: AnnIndex | null = null;
  private appliedSeq = 0;
  private syncing: Promise<void> | null = null;

  constructor(private readonly db: PgConnection) {}

  get size(): number {
    return this.ann?.size ?? 0;
  }

  get seq(): number {
    return this.appliedSeq;
  }

  /** Brings the graph up to the latest committed change (one caller at a time does the work). */
  async sync(space: VectorSpace): Promise<void> {
    this.syncing ??= this.catchUp(space).finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  search(vector: Float32Array, k: number): Array<{ id: number; similarity: number }> {
    return this.ann && this.ann.size > 0 ? this.ann.search(vector, k) : [];
  }

  /** The k nearest of a scope's passages (scopedVectorSearch.ts). */
  searchScoped(vector: Float32Array, k: number, scoped: ScopedPassages): Array<{ id: number; similarity: number }> {
    return this.ann ? scopedVectorSearch(this.ann, vector, k, scoped) : [];
  }

  private async rebuild(space: VectorSpace): Promise<void> {
    // One snapshot: the vectors read and the sequence number agree exactly.
    await this.db.transaction(async (tx) => {
      const [latest] = await tx.query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM passage_changes');
      const [count] = await tx.query<{ n: string }>('SELECT count(*) AS n FROM passage_vectors WHERE model = $1', [space.model]);
      const ann = AnnIndex.empty(space.model, space.dim, 0, Math.ceil(Number(count!.n) * 1.25));
      let after = 0;
      for (;;) {
        const rows = await tx.query<{ id: string; vector: Buffer }>(
          'SELECT passage_id AS id, vector FROM passage_vectors WHERE model = $1 AND passage_id > $2 ORDER BY passage_id LIMIT $3',
          [space.model, after, PAGE],
        );
        for (const row of rows) ann.add(Number(row.id), decodeVector(row.vector));
        if (rows.length < PAGE) break;
        after = Number(rows[rows.length - 1]!.id);
      }
      this.ann = ann;
      this.appliedSeq = Number(latest!.seq);
    }, 'REPEATABLE READ');
  }

  private async catchUp(space: VectorSpace): Promise<void> {
    if (!this.ann || this.ann.model !== space.model || this.ann.dim !== space.dim) return this.rebuild(space);
    for (;;) {
      const changes = await this.db.query<{ seq: string; passage_id: string; op: string; vector: Buffer | null }>(
        `SELECT c.seq, c.passage_id, c.op, v.vector FROM passage_changes c
         LEFT JOIN passage_vectors v ON v.passage_id = c.passage_id AND v.model = $2
         WHERE c.seq > $1 ORDER BY c.seq LIMIT $3`,
        [this.appliedSeq, space.model, PAGE],
      );
      // Read after the changes: if changes this graph has not seen were pruned meanwhile, rebuild.
      const [pruned] = await this.db.query<{ value: string }>("SELECT value FROM meta WHERE key = 'changes_pruned_through'");
      if (pruned && Number(pruned.value) > this.appliedSeq) return this.rebuild(space);
      for (const change of changes) {
        if (change.op === 'x') return this.rebuild(space);
        const id = Number(change.passage_id);
        if (change.op === 'r') this.ann.remove(id);
        // The vector as it is now: a passage removed later has no vector and a later 'r'.
        else if (change.vector) this.ann.add(id, decodeVector(change.vector));
        this.appliedSeq = Number(change.seq);
      }
      if (changes.length < PAGE) return;
    }
  }
}
