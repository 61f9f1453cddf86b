import type { DeskSource, FeedSchedule, NewDeskSource, SearchScope, ServerSettings } from '../../core/ports/newsDesks.js';
import type { DatedArticle, DayRange, DigestSchedule, NewDigestSchedule } from '../../core/ports/digests.js';
import * as digests from './sqliteDigests.js';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QuestionRateLimit } from '../../core/ports/questionRateLimit.js';
import type { DocumentRecord, StoredPassage } from '../../core/types.js';
import type { AnnIndex } from '../annIndex.js';
import { calibrationRows, readCalibration } from '../calibrationMeta.js';
import type { ProbePassage, StoredCalibration } from '../../core/ports/knowledgeStore.js';
import type { AnswerSummary, AnswerWindow, AnswerWithFeedback, FeedbackWrite, NewAnswerRecord } from '../../core/ports/answerLog.js';
import type {
  ArticleWrite,
  CopyCandidate,
  EventCandidate,
  DateFilter,
  Fingerprint,
  FoundDocument,
  HttpValidators,
  IngestRun,
  KnowledgeStore,
  RunSummary,
  SourceStatus,
  StoreManifest,
  StoreStats,
  StoredArticle,
  StoryInfo,
  VectorSpace,
  WriteResult,
} from '../../core/ports/knowledgeStore.js';
import { ScopedPassageCache, scopeSourceIds, type ScopedPassages } from '../rules/scopedPassages.js';
import { asSeenInScope, standInIds } from '../rules/scopeStandIns.js';
import { runNow } from '../rules/storageRule.js';
import { ExactVectors } from '../exactVectors.js';
import { scopedVectorSearch } from '../scopedVectorSearch.js';
import * as answers from './sqliteAnswers.js';
import * as desks from './sqliteDeskSources.js';
import * as feedPolls from './sqliteFeedPolls.js';
import * as memberships from './sqliteMemberships.js';
import { encodeValidators, parseValidators, validatorsMetaKey } from '../rules/validators.js';
import { useVectorSpace, vectorSpaceFromMeta, vectorSpaceRows } from '../rules/vectorSpaceSwitch.js';
import * as articles from './sqliteArticles.js';
import { SqliteDatabase } from './sqliteDatabase.js';
import { acquireIngestLock } from './sqliteIngestLock.js';
import { SqliteLexicalIndex } from './sqliteLexical.js';
import { InProcessRateLimiter } from './sqliteRateLimiter.js';
import * as records from './sqliteRecords.js';
import { articlesWithoutFingerprint, articleVectors, copyCandidates, eventBackground, eventCandidates, setFingerprint, stories } from './sqliteStories.js';
import { SqliteVectorGraph } from './sqliteVectorGraph.js';
import * as vectors from './sqliteVectors.js';

export const STORE_FILE = 'news.db';
export const ANN_FILE = 'vectors.hnsw';
export const LOCK_FILE = 'ingest.lock';
export const MANIFEST_FILE = 'manifest.json';

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
 * graph derived from its stored vectors, saved beside it. Implements KnowledgeStore, the
 * interface the rest of the system uses; `sqlite`, `lexicon` and the graph methods are
 * exposed for the backend's own tests and benchmarks only.
 */
export class SqliteStore implements KnowledgeStore {
  readonly paths: ReturnType<typeof storePaths>;
  readonly lexicon: SqliteLexicalIndex;
  private readonly graph: SqliteVectorGraph;

  private constructor(
    readonly dataDir: string,
    readonly sqlite: SqliteDatabase,
    log: (message: string) => void,
  ) {
    this.paths = storePaths(dataDir);
    this.lexicon = new SqliteLexicalIndex(sqlite);
    this.graph = new SqliteVectorGraph(sqlite, this.paths, log);
  }

  static open(dataDir: string, options: { log?: (message: string) => void } = {}): SqliteStore {
    mkdirSync(dataDir, { recursive: true });
    const sqlite = new SqliteDatabase(storePaths(dataDir).db);
    return new SqliteStore(dataDir, sqlite, options.log ?? (() => undefined));
  }

  // ----- articles

  async writeArticle(article: ArticleWrite): Promise<WriteResult> {
    const graph = this.graph.forWrites(this.currentVectorSpace());
    const result = articles.writeArticle(this.sqlite, article, new Date().toISOString());
    if (graph) {
      for (const id of result.removedPassageIds) graph.remove(id);
      for (const { id, vector } of result.added) if (vector) graph.add(id, vector);
    }
    return result;
  }

  async removeKeys(keys: string[]): Promise<number> {
    const graph = this.graph.forWrites(this.currentVectorSpace());
    const removed = articles.removeKeys(this.sqlite, keys);
    for (const id of removed) graph?.remove(id);
    return removed.length;
  }

  async documentByKey(key: string): Promise<FoundDocument | undefined> {
    return articles.documentByKey(this.sqlite, key);
  }

  async documentByContentHash(contentHash: string): Promise<DocumentRecord | undefined> {
    return articles.documentByContentHash(this.sqlite, contentHash);
  }

  async addAlias(aliasKey: string, documentId: number, sourceId: string, rawHash: string): Promise<void> {
    articles.addAlias(this.sqlite, aliasKey, documentId, sourceId, rawHash);
  }

  async updateRawHash(documentId: number, rawHash: string): Promise<void> {
    articles.updateRawHash(this.sqlite, documentId, rawHash);
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

  async stories(documentIds: number[], scope?: SearchScope): Promise<Map<number, StoryInfo>> {
    return stories(this.sqlite.db, documentIds, scope && scopeSourceIds(scope));
  }

  async keysForSource(sourceId: string): Promise<string[]> {
    return articles.keysForSource(this.sqlite, sourceId);
  }

  async keysBroughtByOthers(sourceId: string, keys: readonly string[]): Promise<Set<string>> {
    return articles.keysBroughtByOthers(this.sqlite, sourceId, keys);
  }

  async hasSummaryOnly(sourceId: string): Promise<boolean> {
    return articles.hasSummaryOnly(this.sqlite, sourceId);
  }

  async *exportArticles(options: { withVectors?: boolean } = {}): AsyncIterable<StoredArticle> {
    yield* articles.exportArticles(this.sqlite, options.withVectors ? this.currentVectorSpace() : null);
  }

  // ----- search

  async lexicalSearch(forms: string[], limit: number, dates: DateFilter = {}, scope?: SearchScope): Promise<Array<{ id: number }>> {
    if (!scope) return this.lexicon.search(forms, limit, dates);
    return this.lexicon.search(forms, limit, dates, { sourceIds: scopeSourceIds(scope), passageIds: () => this.scopedPassages(scope).ids });
  }

  async vectorSearch(vector: Float32Array, k: number, scope?: SearchScope): Promise<Array<{ id: number; similarity: number }>> {
    const graph = this.vectorIndex();
    if (!graph || graph.size === 0) return [];
    if (!scope) return graph.search(vector, k);
    return scopedVectorSearch(graph, vector, k, this.scopedPassages(scope), (ids) => {
      const stored = vectors.vectorsOf(this.sqlite, graph.model, ids);
      return ExactVectors.collect(ids, graph.dim, (id) => stored.get(id) ?? null);
    });
  }

  /** The passages of a scope, kept until the store changes (rules/scopedPassages.ts). */
  private scopedPassages(scope: SearchScope): ScopedPassages {
    return this.scopes.at(this.sqlite.changeStamp(), scope, (sourceIds) => memberships.scopedPassageIds(this.sqlite, sourceIds));
  }

  private readonly scopes = new ScopedPassageCache();

  async hasSearchableVectors(): Promise<boolean> {
    return (this.vectorIndex()?.size ?? 0) > 0;
  }

  async passagesByIds(ids: number[], scope?: SearchScope): Promise<StoredPassage[]> {
    const passages = articles.passagesByIds(this.sqlite, ids);
    if (!scope || passages.length === 0) return passages;
    const standIns = memberships.scopeStandIns(
      this.sqlite,
      passages.map((p) => p.documentId),
      scopeSourceIds(scope),
    );
    return asSeenInScope(passages, standIns, articles.documentsById(this.sqlite, standInIds(standIns)));
  }

  async passageCount(): Promise<number> {
    return this.lexicon.passageCount();
  }

  async passageFrequencies(formGroups: string[][]): Promise<number[]> {
    return this.lexicon.passageFrequencies(formGroups);
  }

  async knownTerms(terms: string[]): Promise<Set<string>> {
    return this.lexicon.knownTerms(terms);
  }

  warmUpForQuestions(log?: (message: string) => void): Promise<boolean> {
    return this.lexicon.keepInMemory(log);
  }

  // ----- vectors

  async vectorSpace(): Promise<VectorSpace | null> {
    return this.currentVectorSpace();
  }

  private currentVectorSpace(): VectorSpace | null {
    return vectorSpaceFromMeta((key) => this.sqlite.getMeta(key));
  }

  /** Records the vector space without touching stored vectors (benchmarks that write vectors directly). */
  setVectorSpace(space: VectorSpace): void {
    for (const [key, value] of vectorSpaceRows(space)) this.sqlite.setMeta(key, value);
  }

  async useVectorSpace(space: VectorSpace): Promise<boolean> {
    const changed = runNow(
      useVectorSpace(space, {
        currentVectorSpace: () => this.currentVectorSpace(),
        replaceVectorSpace: (wanted) => vectors.replaceVectorSpace(this.sqlite, wanted, vectorSpaceRows(wanted)),
      }),
    );
    if (changed) this.graph.reset();
    return changed;
  }

  async passagesMissingVectors(model: string, limit: number): Promise<Array<{ id: number; text: string }>> {
    return vectors.passagesMissingVectors(this.sqlite, model, limit);
  }

  async storeVectors(model: string, stored: Array<{ id: number; vector: Float32Array }>): Promise<void> {
    const graph = this.graph.forWrites(this.currentVectorSpace());
    vectors.storeVectors(this.sqlite, model, stored);
    for (const { id, vector } of stored) graph?.add(id, vector);
  }

  async endWriteBatch(): Promise<void> {
    this.graph.endWriteBatch();
  }

  /** The vector graph for searching, kept in step with the store (sqliteVectorGraph.ts). */
  vectorIndex(options: { forWriting?: boolean } = {}): AnnIndex | null {
    return this.graph.current(this.currentVectorSpace(), options);
  }

  /** Saves the graph (atomically) so it reflects the current store generation. */
  saveVectorIndex(): void {
    this.graph.save();
  }

  annBytesOnDisk(): number {
    return this.graph.bytesOnDisk();
  }

  // ----- answer calibration

  async probePassages(model: string, limit: number): Promise<ProbePassage[]> {
    return vectors.probePassages(this.sqlite, model, limit);
  }

  async calibration(): Promise<StoredCalibration> {
    return readCalibration((key) => this.sqlite.getMeta(key));
  }

  async saveCalibration(update: Partial<StoredCalibration>): Promise<void> {
    this.sqlite.transaction(() => {
      for (const [key, value] of calibrationRows(update)) this.sqlite.setMeta(key, value);
    });
  }

  // ----- runs and meta

  async lockForIngest(): Promise<() => Promise<void>> {
    const release = acquireIngestLock(this.paths.lock);
    return async () => release();
  }

  async beginRun(startedAt: string): Promise<number> {
    return records.beginRun(this.sqlite, startedAt);
  }

  async finishRun(id: number, status: 'ok' | 'failed', finishedAt: string, summary: RunSummary): Promise<void> {
    records.finishRun(this.sqlite, id, status, finishedAt, summary);
  }

  async markInterruptedRuns(currentRunId: number): Promise<void> {
    records.markInterruptedRuns(this.sqlite, currentRunId);
  }

  async lastRun(): Promise<IngestRun | undefined> {
    return records.lastRun(this.sqlite);
  }

  async httpValidators(url: string): Promise<HttpValidators | undefined> {
    return parseValidators(this.sqlite.getMeta(validatorsMetaKey(url)));
  }

  async setHttpValidators(url: string, validators: HttpValidators): Promise<void> {
    const value = encodeValidators(validators);
    if (value) this.sqlite.setMeta(validatorsMetaKey(url), value);
  }

  async sourceStatus(sourceId: string): Promise<SourceStatus | undefined> {
    return records.sourceStatus(this.sqlite, sourceId);
  }

  async sourceStatuses(): Promise<SourceStatus[]> {
    return records.sourceStatuses(this.sqlite);
  }

  async recordSourceStatus(status: SourceStatus): Promise<void> {
    records.recordSourceStatus(this.sqlite, status);
  }

  questionRateLimit(perMinute: number): QuestionRateLimit {
    return new InProcessRateLimiter(perMinute);
  }

  async stats(scope?: SearchScope): Promise<StoreStats> {
    return scope ? memberships.scopedStats(this.sqlite, scopeSourceIds(scope)) : records.stats(this.sqlite);
  }

  async storeBytesOnDisk(): Promise<number> {
    let total = 0;
    for (const suffix of ['', '-wal', '-shm']) {
      const path = this.paths.db + suffix;
      if (existsSync(path)) total += statSync(path).size;
    }
    return total + this.annBytesOnDisk();
  }

  async writeManifest(manifest: StoreManifest): Promise<void> {
    const tmp = `${this.paths.manifest}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(tmp, this.paths.manifest);
    this.sqlite.setMeta('manifest', JSON.stringify(manifest));
  }

  manifest(): StoreManifest | null {
    const raw = this.sqlite.getMeta('manifest');
    return raw ? (JSON.parse(raw) as StoreManifest) : null;
  }

  async close(): Promise<void> {
    this.lexicon.close();
    this.sqlite.close();
  }

  // ----- news desks

  async addDeskSource(source: NewDeskSource, limit?: number): Promise<{ source: DeskSource; created: boolean }> {
    return desks.addDeskSource(this.sqlite, source, new Date().toISOString(), limit);
  }

  async deskSources(guildId?: string): Promise<DeskSource[]> {
    return desks.deskSources(this.sqlite, guildId);
  }

  async removeDeskSource(guildId: string, id: number): Promise<DeskSource | null> {
    return desks.removeDeskSource(this.sqlite, guildId, id);
  }

  async addDocumentSource(key: string, sourceId: string): Promise<void> {
    memberships.addDocumentSource(this.sqlite, key, sourceId);
  }

  async removeSourceArticles(sourceId: string): Promise<number> {
    const graph = this.graph.forWrites(this.currentVectorSpace());
    const removed = memberships.removeSourceArticles(this.sqlite, sourceId);
    for (const id of removed.passageIds) graph?.remove(id);
    if (removed.articles > 0) this.graph.endWriteBatch();
    return removed.articles;
  }

  async articleCounts(sourceIds: readonly string[]): Promise<Map<string, number>> {
    return memberships.articleCounts(this.sqlite, sourceIds);
  }

  async feedSchedule(sourceId: string): Promise<FeedSchedule | undefined> {
    return feedPolls.feedSchedule(this.sqlite, sourceId);
  }

  async feedSchedules(): Promise<FeedSchedule[]> {
    return feedPolls.feedSchedules(this.sqlite);
  }

  async saveFeedSchedule(schedule: FeedSchedule): Promise<void> {
    feedPolls.saveFeedSchedule(this.sqlite, schedule);
  }

  async claimFeedPoll(sourceId: string, holder: string, ttlMs: number): Promise<boolean> {
    return feedPolls.claimFeedPoll(this.sqlite, sourceId, holder, ttlMs, Date.now());
  }

  async releaseFeedPoll(sourceId: string, holder: string): Promise<void> {
    feedPolls.releaseFeedPoll(this.sqlite, sourceId, holder);
  }

  async serverSettings(guildId: string): Promise<ServerSettings> {
    return desks.serverSettings(this.sqlite, guildId);
  }

  async saveServerSettings(settings: ServerSettings): Promise<void> {
    desks.saveServerSettings(this.sqlite, settings);
  }
  // Digests (issue 24 part 3)
  async datedArticles(days: DayRange, scope?: SearchScope): Promise<DatedArticle[]> {
    return digests.datedArticles(this.sqlite, days, scope && scopeSourceIds(scope));
  }

  async saveDigestSchedule(schedule: NewDigestSchedule): Promise<DigestSchedule> {
    return digests.saveDigestSchedule(this.sqlite, schedule);
  }

  async digestSchedules(guildId?: string): Promise<DigestSchedule[]> {
    return digests.digestSchedules(this.sqlite, guildId);
  }

  async removeDigestSchedules(guildId: string, channelId?: string): Promise<DigestSchedule[]> {
    return digests.removeDigestSchedules(this.sqlite, guildId, channelId);
  }

  async claimDigestRun(id: number, localDate: string, runAt: string): Promise<boolean> {
    return digests.claimDigestRun(this.sqlite, id, localDate, runAt);
  }

  // ----- answers and feedback (issue 24 part 4; sqliteAnswers.ts)

  async recordAnswer(record: NewAnswerRecord): Promise<number> {
    return answers.recordAnswer(this.sqlite, record);
  }

  async recordFeedback(feedback: FeedbackWrite): Promise<boolean> {
    return answers.recordFeedback(this.sqlite, feedback);
  }

  async answerSummary(window: AnswerWindow, declinedLimit: number): Promise<AnswerSummary> {
    return answers.answerSummary(this.sqlite, window, declinedLimit);
  }

  async *exportAnswers(window: AnswerWindow): AsyncIterable<AnswerWithFeedback> {
    yield* answers.exportAnswers(this.sqlite, window);
  }

  async pruneAnswers(before: string): Promise<number> {
    return answers.pruneAnswers(this.sqlite, before);
  }

  // Stories across outlets (issue 24)
  async eventCandidates(window: { from: string; until: string }, limit: number, exceptKey?: string): Promise<EventCandidate[]> {
    return eventCandidates(this.sqlite.db, window, limit, exceptKey);
  }

  async eventBackground(window: { from: string; until: string }, limit: number): Promise<number[]> {
    return eventBackground(this.sqlite.db, window, limit);
  }

  async articleVectors(documentIds: number[], model: string): Promise<Map<number, Float32Array>> {
    return articleVectors(this.sqlite.db, documentIds, model);
  }
}
