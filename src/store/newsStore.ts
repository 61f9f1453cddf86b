import { existsSync, mkdirSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { AnnIndex } from './annIndex.js';
import { lockHolder } from './ingestLock.js';
import { SqliteStore } from './sqliteStore.js';

export const STORE_FILE = 'news.db';
export const ANN_FILE = 'vectors.hnsw';
export const LOCK_FILE = 'ingest.lock';
export const MANIFEST_FILE = 'manifest.json';

/** The embedding space of the stored vectors, as recorded by the last ingest that embedded. */
export interface VectorSpace {
  model: string;
  dim: number;
}

export function storePaths(dataDir: string) {
  return {
    db: join(dataDir, STORE_FILE),
    ann: join(dataDir, ANN_FILE),
    lock: join(dataDir, LOCK_FILE),
    manifest: join(dataDir, MANIFEST_FILE),
    models: join(dataDir, 'models'),
  };
}

/**
 * The knowledge base on disk: SQLite (truth) plus the derived hnswlib graph. This is the
 * small interface the rest of the system uses, so a shared PostgreSQL backend can take
 * SQLite's place later.
 */
export class NewsStore {
  readonly paths: ReturnType<typeof storePaths>;
  private ann: AnnIndex | null = null;
  private annFileStamp = '';
  private lastAnnCheck = 0;

  private constructor(readonly dataDir: string, readonly sqlite: SqliteStore, private readonly log: (message: string) => void) {
    this.paths = storePaths(dataDir);
  }

  static open(dataDir: string, options: { log?: (message: string) => void } = {}): NewsStore {
    mkdirSync(dataDir, { recursive: true });
    const sqlite = new SqliteStore(storePaths(dataDir).db);
    return new NewsStore(dataDir, sqlite, options.log ?? (() => undefined));
  }

  vectorSpace(): VectorSpace | null {
    const model = this.sqlite.getMeta('vector_model');
    const dim = Number(this.sqlite.getMeta('vector_dim') ?? '0');
    return model && dim > 0 ? { model, dim } : null;
  }

  setVectorSpace(space: VectorSpace): void {
    this.sqlite.setMeta('vector_model', space.model);
    this.sqlite.setMeta('vector_dim', String(space.dim));
  }

  private annStamp(): string {
    try {
      const info = statSync(`${this.paths.ann}.json`);
      return `${info.mtimeMs}:${info.size}`;
    } catch {
      return 'missing';
    }
  }

  /**
   * The vector graph for searching, kept in step with the store. A graph saved by another
   * process (a CLI ingest while the bot runs) is picked up; a missing, stale or damaged one
   * is rebuilt from stored vectors unless an ingest is running, which will save a new one.
   */
  vectorIndex(options: { forWriting?: boolean } = {}): AnnIndex | null {
    const space = this.vectorSpace();
    if (!space) return null;
    const now = Date.now();
    if (!options.forWriting && this.ann && now - this.lastAnnCheck < 1000) return this.ann;
    this.lastAnnCheck = now;
    const stamp = this.annStamp();
    const generation = this.sqlite.generation();
    if (this.ann && this.ann.model === space.model && (this.ann.generation === generation || (!options.forWriting && stamp === this.annFileStamp))) {
      return this.ann;
    }
    const loaded = AnnIndex.load(this.paths.ann, { ...space, generation });
    if (typeof loaded !== 'string') {
      this.ann = loaded;
      this.annFileStamp = stamp;
      return loaded;
    }
    if (this.ann && !options.forWriting && lockHolder(this.paths.lock)) return this.ann; // an ingest will save a fresh graph
    this.log(`Rebuilding the vector graph from stored vectors: ${loaded}.`);
    const count = (this.sqlite.db.prepare('SELECT count(*) AS n FROM passage_vectors WHERE model = ?').get(space.model) as { n: number }).n;
    this.ann = AnnIndex.build(space.model, space.dim, generation, this.sqlite.iterateVectors(space.model), count);
    this.annFileStamp = stamp;
    return this.ann;
  }

  /** Saves the graph (atomically) so it reflects the current store generation. */
  saveVectorIndex(): void {
    if (!this.ann) return;
    this.ann.save(this.paths.ann, this.sqlite.generation());
    this.annFileStamp = this.annStamp();
  }

  /** Drops the in-memory graph so the next search rebuilds it (used after a model change). */
  resetVectorIndex(): void {
    this.ann = null;
  }

  annBytesOnDisk(): number {
    try {
      return statSync(this.paths.ann).size;
    } catch {
      return 0;
    }
  }

  storeBytesOnDisk(): number {
    let total = 0;
    for (const suffix of ['', '-wal', '-shm']) {
      const path = this.paths.db + suffix;
      if (existsSync(path)) total += statSync(path).size;
    }
    return total + this.annBytesOnDisk();
  }

  writeManifest(manifest: unknown): void {
    const tmp = `${this.paths.manifest}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(tmp, this.paths.manifest);
    this.sqlite.setMeta('manifest', JSON.stringify(manifest));
  }

  manifest(): Record<string, unknown> | null {
    const raw = this.sqlite.getMeta('manifest');
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  }

  close(): void {
    this.sqlite.close();
  }
}
