import type { MemoryLexicon } from './memoryLexicon.js';

/** What the keeper reads from the store. */
export interface LexiconSource {
  generation(): number;
  /** A lexicon of a consistent snapshot of the store, stamped with that snapshot's generation. */
  build(): Promise<MemoryLexicon>;
}

/**
 * How long the store must stay unchanged before a stale lexicon is rebuilt: during an ingest
 * every article changes it, and rebuilding after each would spend the CPU the ingest needs.
 * Searches meanwhile use FTS5, which is always current.
 */
export const SETTLE_MS = 2000;

/**
 * Keeps a MemoryLexicon in step with the store for a long-running process. `current()`
 * returns it only while it describes the store's current generation (writes from any
 * process bump it), so a search never sees stale postings; otherwise the caller uses FTS5
 * and, once the store has settled, a rebuild runs in the background (a worker thread).
 */
export class LexiconKeeper {
  private lexicon: MemoryLexicon | null = null;
  private building: Promise<boolean> | null = null;
  private seen = { generation: -1, since: 0 };
  private closed = false;

  constructor(
    private readonly source: LexiconSource,
    private readonly log: (message: string) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** The lexicon when it matches the store, else null (and a rebuild is started once the store has settled). */
  current(): MemoryLexicon | null {
    const generation = this.source.generation();
    if (this.lexicon?.generation === generation) return this.lexicon;
    if (generation !== this.seen.generation) this.seen = { generation, since: this.now() };
    if (!this.building && !this.closed && this.now() - this.seen.since >= SETTLE_MS) void this.rebuild();
    return null;
  }

  /** Builds now (or joins the build under way); resolves to whether a current lexicon is in place. */
  rebuild(): Promise<boolean> {
    this.building ??= this.build().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  close(): void {
    this.closed = true;
    this.lexicon = null;
  }

  private async build(): Promise<boolean> {
    const started = this.now();
    try {
      const built = await this.source.build();
      // A write after the snapshot (here or in another process) makes it describe no current generation.
      if (this.closed || built.generation !== this.source.generation()) return false;
      this.lexicon = built;
      this.log(`In-memory lexical index: ${built.passageCount} passages, ${Math.round(built.bytes / 1e6)} MB, built in ${this.now() - started} ms.`);
      return true;
    } catch (error) {
      // The store closed or failed under the build: searches keep using FTS5.
      if (!this.closed) this.log(`In-memory lexical index not built: ${(error as Error).message}`);
      return false;
    }
  }
}
