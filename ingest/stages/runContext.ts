import type { NewsEmbeddings } from '../../src/core/ports/newsEmbeddings.js';
import type { EmbeddingStatus } from '../../src/core/ports/newsEmbeddings.js';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import type { IngestProgress, IngestSummary } from '../summary.js';

/** A summary with nothing counted yet. */
export function emptySummary(embedding: EmbeddingStatus): IngestSummary {
  return {
    added: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    copies: 0,
    removed: 0,
    missingKept: 0,
    summaryOnly: 0,
    skipped: [],
    failedSources: [],
    refused: [],
    backingOff: [],
    sourcesRead: 0,
    passagesWritten: 0,
    vectorsAdded: 0,
    totalArticles: 0,
    totalPassages: 0,
    durationMs: 0,
    embeddingMs: 0,
    embedding,
    vectorsInUse: false,
    vectorCalibration: null,
  };
}

/** The message of anything thrown, never empty (a skip reason must say something). */
export function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)) || 'unknown error';
}

export interface RunContextInit {
  store: KnowledgeStore;
  runId: number;
  /** When the run began (Date.now()): its duration is measured from here. */
  startedAt: number;
  /** The embedding model, or null when it could not be loaded (lexical-only run). */
  embeddings: NewsEmbeddings | null;
  embeddingStatus: EmbeddingStatus;
  log: (message: string) => void;
  onProgress?: (progress: IngestProgress) => void;
  /** Stops the run between articles. */
  signal?: AbortSignal;
}

/**
 * What every stage of one ingestion run shares: the store, the run's record, the summary
 * being counted, the log and the progress reports.
 */
export class RunContext {
  readonly store: KnowledgeStore;
  readonly runId: number;
  readonly startedAt: number;
  readonly embeddings: NewsEmbeddings | null;
  readonly log: (message: string) => void;
  readonly signal: AbortSignal | undefined;
  readonly summary: IngestSummary;
  /** Articles (and skipped entries) listed so far, for progress reports. */
  processed = 0;
  /**
   * Source id -> keys whose membership must still be recorded (recordMembership.ts): articles
   * a source lists that are stored under another source or via an alias. Articles written
   * this run, and those stored under the listing source itself, need none: the store records
   * the writing source with every write and alias, and a document's own source_id is always
   * among its members.
   */
  readonly members = new Map<string, Set<string>>();
  private readonly onProgress: ((progress: IngestProgress) => void) | undefined;

  constructor(init: RunContextInit) {
    this.store = init.store;
    this.runId = init.runId;
    this.startedAt = init.startedAt;
    this.embeddings = init.embeddings;
    this.log = init.log;
    this.signal = init.signal;
    this.onProgress = init.onProgress;
    this.summary = emptySummary(init.embeddingStatus);
  }

  /** Remembers that `sourceId` brings the article under `key`, to be recorded once the run's writes are in. */
  noteMember(sourceId: string, key: string): void {
    let keys = this.members.get(sourceId);
    if (!keys) {
      keys = new Set();
      this.members.set(sourceId, keys);
    }
    keys.add(key);
  }

  /** Reports an article (or file) left out of the store, with why. */
  skip(location: string, reason: string): void {
    this.summary.skipped.push({ location, reason });
    this.log(`Skipped ${location}: ${reason}`);
  }

  /** Reports the phase; the total is known (all processed) once listing and writing are over. */
  progress(phase: IngestProgress['phase'], current: string | null): void {
    const totalKnown = phase === 'saving' || phase === 'done';
    this.onProgress?.({ phase, processed: this.processed, total: totalKnown ? this.processed : null, current });
  }
}
