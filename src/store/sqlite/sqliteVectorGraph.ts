import { statSync } from 'node:fs';
import { AnnIndex } from '../annIndex.js';
import type { VectorSpace } from '../../core/ports/knowledgeStore.js';
import type { SqliteDatabase } from './sqliteDatabase.js';
import { lockHolder } from './sqliteIngestLock.js';
import { iterateVectors, vectorCount } from './sqliteVectors.js';

/**
 * The hnswlib graph over the vectors stored in SQLite, saved beside the database (the file
 * records the store generation it reflects) so a process starts without rebuilding it. Each
 * process searches its own copy, kept in step with the store: a graph saved by another
 * process (a CLI ingest while the bot runs) is picked up; a missing, stale or damaged one is
 * rebuilt from stored vectors unless an ingest is running, which will save a new one.
 */
export class SqliteVectorGraph {
  private ann: AnnIndex | null = null;
  /** The graph being updated by writes in this process (set on the first write that has vectors). */
  private writing: AnnIndex | null = null;
  private annFileStamp = '';
  private lastAnnCheck = 0;

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly files: { ann: string; lock: string },
    private readonly log: (message: string) => void,
  ) {}

  /**
   * The graph that writes of this process update, loaded (or rebuilt) once per store handle.
   * Taken before each write: loaded (or rebuilt from stored vectors) afterwards, it would
   * already hold the new vectors and get them twice.
   */
  forWrites(space: VectorSpace | null): AnnIndex | null {
    if (!space) return null;
    this.writing ??= this.current(space, { forWriting: true });
    return this.writing;
  }

  /**
   * Saves the graph this process updated and lets go of it: the next run of writes loads the
   * graph afresh, so one saved meanwhile by another process (a CLI ingest) is not overwritten.
   */
  endWriteBatch(): void {
    if (!this.writing) return;
    this.save();
    this.writing = null;
  }

  private fileStamp(): string {
    try {
      const info = statSync(`${this.files.ann}.json`);
      return `${info.mtimeMs}:${info.size}`;
    } catch {
      return 'missing';
    }
  }

  /** The graph for searching `space`, looked at again at most once a second (always when writing). */
  current(space: VectorSpace | null, options: { forWriting?: boolean } = {}): AnnIndex | null {
    if (!space) return null;
    const now = Date.now();
    if (!options.forWriting && this.ann && now - this.lastAnnCheck < 1000) return this.ann;
    this.lastAnnCheck = now;
    const stamp = this.fileStamp();
    const generation = this.sqlite.generation();
    if (this.ann && this.ann.model === space.model && (this.ann.generation === generation || (!options.forWriting && stamp === this.annFileStamp))) {
      return this.ann;
    }
    const loaded = AnnIndex.load(this.files.ann, { ...space, generation });
    if (typeof loaded !== 'string') {
      this.ann = loaded;
      this.annFileStamp = stamp;
      return loaded;
    }
    if (this.ann && !options.forWriting && lockHolder(this.files.lock)) return this.ann; // an ingest will save a fresh graph
    this.log(`Rebuilding the vector graph from stored vectors: ${loaded}.`);
    this.ann = AnnIndex.build(space.model, space.dim, generation, iterateVectors(this.sqlite, space.model), vectorCount(this.sqlite, space.model));
    this.annFileStamp = stamp;
    return this.ann;
  }

  /** Saves the graph (atomically) so it reflects the current store generation. */
  save(): void {
    if (!this.ann) return;
    this.ann.save(this.files.ann, this.sqlite.generation());
    this.annFileStamp = this.fileStamp();
  }

  /** Drops the in-memory graph so the next search rebuilds it (used after a model change). */
  reset(): void {
    this.ann = null;
    this.writing = null;
  }

  bytesOnDisk(): number {
    try {
      return statSync(this.files.ann).size;
    } catch {
      return 0;
    }
  }
}
