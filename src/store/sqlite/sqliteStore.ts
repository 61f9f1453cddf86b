import { existsSync, mkdirSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { AnnIndex } from '../annIndex.js';
import { acquireIngestLock, lockHolder } from './ingestLock.js';
import type { ArticleWrite, CopyCandidate, DateFilter, Fingerprint, FoundDocument, HttpValidators, IngestRun, KnowledgeStore, SourceStatus, StoreStats, StoredArticle, StoryInfo, VectorSpace, WriteResult } from '../knowledgeStore.js';
import { articlesWithoutFingerprint, copyCandidates, setFingerprint, stories } from './sqliteStories.js';
import { SqliteDatabase } from './sqliteDatabase.js';
import { calibrationRows, readCalibration, type ProbePassage, type StoredCalibration } from '../calibrationMeta.js';
import type { DocumentRecord, StoredPassage } from '../../core/types.js';

export const STORE_FILE = 'news.db';
export const ANN_FILE = 'vectors.hnsw';
export const LOCK_FILE = 'ingest.lock';
export const MANIFEST_FILE = 'manifest.json';

/** The embedding space of the stored vectors, as recorded by the last ingest that embedded. */
export type { VectorSpace } from '../knowledgeStore.js';

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
 * The embedded knowledge base (the `DATA_DIR` default): SQLite as the truth plus an hnswlib
 * graph derived from its stored vectors. Implements KnowledgeStore, the interface the rest
 * of the system uses; `sqlite` is exposed for the backend's own tests and benchmarks only.
 */
export class SqliteStore implements KnowledgeStore {
  readonly paths: ReturnType<typeof storePaths>;
  private ann: AnnIndex | null = null;
  /** The graph being updated by writes in this process (set on the first write that has vectors). */
  private writing: AnnIndex | null = null;
  private annFileStamp = '';
  private lastAnnCheck = 0;

  private constructor(readonly dataDir: string, readonly sqlite: SqliteDatabase, private readonly log: (message: string) => void) {
    this.paths = storePaths(dataDir);
  }

  static open(dataDir: string, options: { log?: (message: string) => void } = {}): SqliteStore {
    mkdirSync(dataDir, { recursive: true });
    const sqlite = new SqliteDatabase(storePaths(dataDir).db);
    return new SqliteStore(dataDir, sqlite, options.log ?? (() => undefined));
  }

  async vectorSpace(): Promise<VectorSpace | null> {
    return this.currentVectorSpace();
  }

  private currentVectorSpace(): VectorSpace | null {
    const model = this.sqlite.getMeta('vector_model');
    const dim = Number(this.sqlite.getMeta('vector_dim') ?? '0');
    return model && dim > 0 ? { model, dim } : null;
  }

  setVectorSpace(space: VectorSpace): void {
    this.sqlite.setMeta('vector_model', space.model);
    this.sqlite.setMeta('vector_dim', String(space.dim));
  }

  async useVectorSpace(space: VectorSpace): Promise<boolean> {
    const current = this.currentVectorSpace();
    if (current && current.model === space.model && current.dim === space.dim) return false;
    this.sqlite.transaction(() => {
      this.sqlite.deleteVectorsNotFrom(space.model);
      this.setVectorSpace(space);
    });
    this.resetVectorIndex();
    return true;
  }

  /** The graph that writes of this process update, loaded (or rebuilt) once per store handle. */
  private graphForWrites(): AnnIndex | null {
    if (!this.currentVectorSpace()) return null;
    this.writing ??= this.vectorIndex({ forWriting: true });
    return this.writing;
  }

  // The graph is taken before each write: loaded (or rebuilt from stored vectors) afterwards,
  // it would already hold the new vectors and get them twice.
  async writeArticle(article: ArticleWrite): Promise<WriteResult> {
    const graph = this.graphForWrites();
    const result = this.sqlite.writeArticle(article, new Date().toISOString());
    if (graph) {
      for (const id of result.removedPassageIds) graph.remove(id);
      for (const { id, vector } of result.added) if (vector) graph.add(id, vector);
    }
    return result;
  }

  async removeKeys(keys: string[]): Promise<number> {
    const graph = this.graphForWrites();
    const removed = this.sqlite.removeKeys(keys);
    for (const id of removed) graph?.remove(id);
    return removed.length;
  }

  async storeVectors(model: string, vectors: Array<{ id: number; vector: Float32Array }>): Promise<void> {
    const graph = this.graphForWrites();
    this.sqlite.storeVectors(model, vectors);
    for (const { id, vector } of vectors) graph?.add(id, vector);
  }

  /**
   * Saves the graph this process updated and lets go of it: the next run of writes loads the
   * graph afresh, so one saved meanwhile by another process (a CLI ingest) is not overwritten.
   */
  async flushVectorIndex(): Promise<void> {
    if (!this.writing) return;
    this.saveVectorIndex();
    this.writing = null;
  }

  async vectorSearch(vector: Float32Array, k: number): Promise<Array<{ id: number; similarity: number }>> {
    const graph = this.vectorIndex();
    return graph && graph.size > 0 ? graph.search(vector, k) : [];
  }

  async hasSearchableVectors(): Promise<boolean> {
    return (this.vectorIndex()?.size ?? 0) > 0;
  }

  async documentByKey(key: string): Promise<FoundDocument | undefined> {
    return this.sqlite.documentByKey(key);
  }

  async documentByContentHash(contentHash: string): Promise<DocumentRecord | undefined> {
    return this.sqlite.documentByContentHash(contentHash);
  }

  async addAlias(aliasKey: string, documentId: number, sourceId: string, rawHash: string): Promise<void> {
    this.sqlite.addAlias(aliasKey, documentId, sourceId, rawHash);
  }

  async updateRawHash(documentId: number, rawHash: string): Promise<void> {
    this.sqlite.updateRawHash(documentId, rawHash);
  }

  async articlesWithoutFingerprint(limit: number): Promise<Array<{ id: number; body: string[]; comments: string[]; summaryOnly: boolean }>> {
    return articlesWithoutFingerprint(this.sqlite.db, limit);
  }

  async setFingerprint(documentId: number, fingerprint: Fingerprint | null): Promise<void> {
    setFingerprint(this.sqlite.db, documentId, fingerprint);
  }

  async copyCandidates(bands: string[]): Promise<CopyCandidate[]> {
    return copyCandidates(this.sqlite.db, bands);
  }

  async stories(documentIds: number[]): Promise<Map<number, StoryInfo>> {
    return stories(this.sqlite.db, documentIds);
  }

  async keysForSource(sourceId: string): Promise<string[]> {
    return this.sqlite.keysForSource(sourceId);
  }

  async hasSummaryOnly(sourceId: string): Promise<boolean> {
    return this.sqlite.hasSummaryOnly(sourceId);
  }

  async *exportArticles(options: { withVectors?: boolean } = {}): AsyncIterable<StoredArticle> {
    yield* this.sqlite.exportArticles(options.withVectors ? this.currentVectorSpace() : null);
  }

  async lexicalSearch(forms: string[], limit: number, dates: DateFilter = {}): Promise<Array<{ id: number }>> {
    return this.sqlite.lexicalSearch(forms, limit, dates);
  }

  async passagesByIds(ids: number[]): Promise<StoredPassage[]> {
    return this.sqlite.passagesByIds(ids);
  }

  async passageCount(): Promise<number> {
    return this.sqlite.passageCount();
  }

  async passageFrequencies(formGroups: string[][]): Promise<number[]> {
    return this.sqlite.passageFrequencies(formGroups);
  }

  keepLexiconInMemory(log?: (message: string) => void): Promise<boolean> {
    return this.sqlite.keepLexiconInMemory(log);
  }

  async knownTerms(terms: string[]): Promise<Set<string>> {
    return this.sqlite.knownTerms(terms);
  }

  async passagesMissingVectors(model: string, limit: number): Promise<Array<{ id: number; text: string }>> {
    return this.sqlite.passagesMissingVectors(model, limit);
  }

  async probePassages(model: string, limit: number): Promise<ProbePassage[]> {
    return this.sqlite.probePassages(model, limit);
  }

  async calibration(): Promise<StoredCalibration> {
    return readCalibration((key) => this.sqlite.getMeta(key));
  }

  async saveCalibration(update: Partial<StoredCalibration>): Promise<void> {
    this.sqlite.transaction(() => {
      for (const [key, value] of calibrationRows(update)) this.sqlite.setMeta(key, value);
    });
  }

  async lockForIngest(): Promise<() => Promise<void>> {
    const release = acquireIngestLock(this.paths.lock);
    return async () => release();
  }

  async beginRun(startedAt: string): Promise<number> {
    return this.sqlite.beginRun(startedAt);
  }

  async finishRun(id: number, status: 'ok' | 'failed', finishedAt: string, summary: unknown): Promise<void> {
    this.sqlite.finishRun(id, status, finishedAt, summary);
  }

  async markInterruptedRuns(currentRunId: number): Promise<void> {
    this.sqlite.markInterruptedRuns(currentRunId);
  }

  async lastRun(): Promise<IngestRun | undefined> {
    return this.sqlite.lastRun();
  }

  async httpValidators(url: string): Promise<HttpValidators | undefined> {
    return this.sqlite.httpValidators(url);
  }

  async setHttpValidators(url: string, validators: HttpValidators): Promise<void> {
    this.sqlite.setHttpValidators(url, validators);
  }

  async sourceStatus(sourceId: string): Promise<SourceStatus | undefined> {
    return this.sqlite.sourceStatus(sourceId);
  }

  async sourceStatuses(): Promise<SourceStatus[]> {
    return this.sqlite.sourceStatuses();
  }

  async recordSourceStatus(status: SourceStatus): Promise<void> {
    this.sqlite.recordSourceStatus(status);
  }

  async stats(): Promise<StoreStats> {
    return this.sqlite.stats();
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
    const space = this.currentVectorSpace();
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
    this.writing = null;
  }

  annBytesOnDisk(): number {
    try {
      return statSync(this.paths.ann).size;
    } catch {
      return 0;
    }
  }

  async storeBytesOnDisk(): Promise<number> {
    let total = 0;
    for (const suffix of ['', '-wal', '-shm']) {
      const path = this.paths.db + suffix;
      if (existsSync(path)) total += statSync(path).size;
    }
    return total + this.annBytesOnDisk();
  }

  async writeManifest(manifest: unknown): Promise<void> {
    const tmp = `${this.paths.manifest}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(tmp, this.paths.manifest);
    this.sqlite.setMeta('manifest', JSON.stringify(manifest));
  }

  manifest(): Record<string, unknown> | null {
    const raw = this.sqlite.getMeta('manifest');
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
  }

  async close(): Promise<void> {
    this.sqlite.close();
  }
}
