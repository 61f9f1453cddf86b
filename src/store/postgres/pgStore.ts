import type { DeskSource, FeedSchedule, NewDeskSource, SearchScope, ServerSettings } from '../../core/ports/newsDesks.js';
import type { DatedArticle, DayRange, DigestSchedule, NewDigestSchedule } from '../../core/ports/digests.js';
import * as digests from './pgDigests.js';
import type { QuestionRateLimit } from '../../core/ports/questionRateLimit.js';
import type { DocumentRecord, StoredPassage } from '../../core/types.js';
import { CALIBRATION_META_KEYS, calibrationRows, readCalibration } from '../calibrationMeta.js';
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
import { runAwaiting } from '../rules/storageRule.js';
import { ExactVectors } from '../exactVectors.js';
import { scansExactly } from '../scopedVectorSearch.js';
import { encodeValidators, parseValidators, validatorsMetaKey } from '../rules/validators.js';
import { useVectorSpace, VECTOR_SPACE_KEYS, vectorSpaceFromMeta, vectorSpaceRows } from '../rules/vectorSpaceSwitch.js';
import * as articles from './pgArticles.js';
import * as answers from './pgAnswers.js';
import * as desks from './pgDeskSources.js';
import * as feedPolls from './pgFeedPolls.js';
import * as memberships from './pgMemberships.js';
import { notifyChanges, PgChangeFeed, pruneChanges } from './pgChanges.js';
import { PgDatabase, type PgConnection } from './pgDatabase.js';
import { acquireIngestLock } from './pgIngestLock.js';
import { PgLexicalIndex } from './pgLexical.js';
import { getMeta, setMeta } from './pgMeta.js';
import { PgRateLimiter } from './pgRateLimiter.js';
import * as records from './pgRecords.js';
import { migrate } from './pgSchema.js';
import { articlesWithoutFingerprint, articleVectors, copyCandidates, eventBackground, eventCandidates, setFingerprint, stories } from './pgStories.js';
import { PgVectorGraph } from './pgVectorGraph.js';
import * as vectors from './pgVectors.js';

/**
 * The PostgreSQL backend (`DATABASE_URL`): every process (bot shards, ingest worker) shares
 * one knowledge base. Each article is written in one transaction; each process searches its
 * own hnswlib graph derived from the stored vectors and kept in step through the change
 * sequence (woken by LISTEN/NOTIFY), or with pgvector searches in SQL; one ingest at a time
 * through an advisory lock. `db` and `lexicon` are exposed for the backend's own tests.
 */
export class PgStore implements KnowledgeStore {
  readonly lexicon: PgLexicalIndex;
  private readonly changes: PgChangeFeed;
  private readonly graph: PgVectorGraph;

  private constructor(
    readonly db: PgConnection,
    /** Whether nearest-neighbour search runs in SQL (pgvector) rather than in this process's graph. */
    readonly pgvector: boolean,
  ) {
    this.changes = new PgChangeFeed(db);
    this.lexicon = new PgLexicalIndex(db, this.changes);
    this.graph = new PgVectorGraph(db);
  }

  /** Connects and brings the schema up to date (refusing a schema newer than this program). */
  static async open(url: string, options: { schema?: string } = {}): Promise<PgStore> {
    const db = new PgDatabase(url, options.schema ?? null);
    try {
      return await PgStore.openOn(db, options.schema ?? null);
    } catch (error) {
      await db.close();
      throw new Error(`PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`);
    }
  }

  /** The store on an open connection (any PostgreSQL that speaks SQL: a server pool, or PGlite in tests). */
  static async openOn(db: PgConnection, schema: string | null = null): Promise<PgStore> {
    return new PgStore(db, await migrate(db, schema));
  }

  // ----- articles

  async writeArticle(article: ArticleWrite): Promise<WriteResult> {
    const now = new Date().toISOString();
    const result = await this.db.transaction((tx) => articles.writeArticle(tx, article, now, this.pgvector));
    this.changes.changed();
    return result;
  }

  async removeKeys(keys: string[]): Promise<number> {
    const removed = await this.db.transaction((tx) => articles.removeKeys(tx, keys));
    this.changes.changed();
    return removed.length;
  }

  async documentByKey(key: string): Promise<FoundDocument | undefined> {
    return articles.documentByKey(this.db, key);
  }

  async documentByContentHash(contentHash: string): Promise<DocumentRecord | undefined> {
    return articles.documentByContentHash(this.db, contentHash);
  }

  async addAlias(aliasKey: string, documentId: number, sourceId: string, rawHash: string): Promise<void> {
    await articles.addAlias(this.db, aliasKey, documentId, sourceId, rawHash);
  }

  async updateRawHash(documentId: number, rawHash: string): Promise<void> {
    await articles.updateRawHash(this.db, documentId, rawHash);
  }

  async articlesWithoutFingerprint(limit: number): Promise<Array<{ id: number; body: string[]; comments: string[]; summaryOnly: boolean }>> {
    return articlesWithoutFingerprint(this.db, limit);
  }

  async setFingerprint(documentId: number, fingerprint: Fingerprint | null): Promise<void> {
    await this.db.transaction((tx) => setFingerprint(tx, documentId, fingerprint));
  }

  async copyCandidates(bands: string[]): Promise<CopyCandidate[]> {
    return copyCandidates(this.db, bands);
  }

  async stories(documentIds: number[], scope?: SearchScope): Promise<Map<number, StoryInfo>> {
    return stories(this.db, documentIds, scope && scopeSourceIds(scope));
  }

  async keysForSource(sourceId: string): Promise<string[]> {
    return articles.keysForSource(this.db, sourceId);
  }

  async keysBroughtByOthers(sourceId: string, keys: readonly string[]): Promise<Set<string>> {
    return articles.keysBroughtByOthers(this.db, sourceId, keys);
  }

  async hasSummaryOnly(sourceId: string): Promise<boolean> {
    return articles.hasSummaryOnly(this.db, sourceId);
  }

  async *exportArticles(options: { withVectors?: boolean } = {}): AsyncIterable<StoredArticle> {
    yield* articles.exportArticles(this.db, options.withVectors ? await this.readVectorSpace() : null);
  }

  // ----- search

  async lexicalSearch(forms: string[], limit: number, dates: DateFilter = {}, scope?: SearchScope): Promise<Array<{ id: number }>> {
    return this.lexicon.search(forms, limit, dates, scope && scopeSourceIds(scope));
  }

  async vectorSearch(vector: Float32Array, k: number, scope?: SearchScope): Promise<Array<{ id: number; similarity: number }>> {
    const space = await this.vectorSpace();
    if (!space) return [];
    if (this.pgvector && scope) return vectors.searchPgVectorInScope(this.db, space, vector, k, memberships.scopedDocumentsSql, scopeSourceIds(scope));
    if (this.pgvector) return this.db.transaction((tx) => vectors.searchPgVector(tx, space, vector, k));
    await this.syncGraph(space);
    if (!scope) return this.graph.search(vector, k);
    const scoped = await this.scopedPassages(scope);
    if (!scoped.vectors && scansExactly(scoped.ids.size, this.graph.size)) {
      // A scan's vectors read in one query (asking the graph for each costs tens of microseconds).
      const stored = await vectors.vectorsOf(this.db, space.model, scoped.ids);
      scoped.vectors = ExactVectors.collect(scoped.ids, space.dim, (id) => stored.get(id) ?? null);
    }
    return this.graph.searchScoped(vector, k, scoped);
  }

  /** The passages of a scope, kept until passages or memberships change (rules/scopedPassages.ts). */
  private async scopedPassages(scope: SearchScope): Promise<ScopedPassages> {
    const stamp = `${await this.changes.latestSeq()}:${await memberships.membershipStamp(this.db)}`;
    return this.scopes.get(stamp, scope, (sourceIds) => memberships.scopedPassageIds(this.db, sourceIds));
  }

  private readonly scopes = new ScopedPassageCache();

  async hasSearchableVectors(): Promise<boolean> {
    const space = await this.vectorSpace();
    if (!space) return false;
    if (this.pgvector) {
      return this.changes.cached(
        'searchable-vectors',
        async () => (await this.db.query('SELECT 1 FROM passage_vectors WHERE embedding IS NOT NULL LIMIT 1')).length > 0,
      );
    }
    await this.syncGraph(space);
    return this.graph.size > 0;
  }

  private async syncGraph(space: VectorSpace): Promise<void> {
    await this.changes.listen();
    if (this.graph.seq === 0 || (await this.changes.latestSeq()) > this.graph.seq || this.graph.size === 0) await this.graph.sync(space);
  }

  async passagesByIds(ids: number[], scope?: SearchScope): Promise<StoredPassage[]> {
    const passages = await articles.passagesByIds(this.db, ids);
    if (!scope || passages.length === 0) return passages;
    const standIns = await memberships.scopeStandIns(
      this.db,
      passages.map((p) => p.documentId),
      scopeSourceIds(scope),
    );
    return asSeenInScope(passages, standIns, await articles.documentsById(this.db, standInIds(standIns)));
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

  /** Nothing to build: postings are tables, and the vector graph follows the change sequence as searches come. */
  async warmUpForQuestions(): Promise<boolean> {
    return true;
  }

  // ----- vectors

  async vectorSpace(): Promise<VectorSpace | null> {
    // Asked on every question: kept until the change sequence moves (a new space appends 'x').
    return this.changes.cached('vector-space', () => this.readVectorSpace());
  }

  private async readVectorSpace(): Promise<VectorSpace | null> {
    const meta = await getMeta(this.db, Object.values(VECTOR_SPACE_KEYS));
    return vectorSpaceFromMeta((key) => meta.get(key));
  }

  async useVectorSpace(space: VectorSpace): Promise<boolean> {
    const changed = await runAwaiting(
      useVectorSpace(space, {
        currentVectorSpace: () => this.readVectorSpace(),
        replaceVectorSpace: (wanted) =>
          this.db.transaction(async (tx) => {
            await vectors.replaceVectorSpace(tx, wanted, vectorSpaceRows(wanted), this.pgvector);
            await notifyChanges(tx);
          }),
      }),
    );
    if (changed) this.changes.changed();
    return changed;
  }

  async passagesMissingVectors(model: string, limit: number): Promise<Array<{ id: number; text: string }>> {
    return vectors.passagesMissingVectors(this.db, model, limit);
  }

  async storeVectors(model: string, stored: Array<{ id: number; vector: Float32Array }>): Promise<void> {
    if (stored.length === 0) return;
    await this.db.transaction(async (tx) => {
      await vectors.storeVectors(tx, model, stored, this.pgvector);
      await notifyChanges(tx);
    });
    this.changes.changed();
  }

  /** Nothing to save (every process derives its graph from the stored vectors): the change sequence is pruned. */
  async endWriteBatch(): Promise<void> {
    await pruneChanges(this.db);
  }

  // ----- answer calibration

  async probePassages(model: string, limit: number): Promise<ProbePassage[]> {
    return vectors.probePassages(this.db, model, limit);
  }

  async calibration(): Promise<StoredCalibration> {
    const values = await getMeta(this.db, Object.values(CALIBRATION_META_KEYS));
    return readCalibration((key) => values.get(key));
  }

  async saveCalibration(update: Partial<StoredCalibration>): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const [key, value] of calibrationRows(update)) await setMeta(tx, key, value);
    });
  }

  // ----- runs and meta

  async lockForIngest(): Promise<() => Promise<void>> {
    return acquireIngestLock(this.db);
  }

  async beginRun(startedAt: string): Promise<number> {
    return records.beginRun(this.db, startedAt);
  }

  async finishRun(id: number, status: 'ok' | 'failed', finishedAt: string, summary: RunSummary): Promise<void> {
    await records.finishRun(this.db, id, status, finishedAt, summary);
  }

  async markInterruptedRuns(currentRunId: number): Promise<void> {
    await records.markInterruptedRuns(this.db, currentRunId);
  }

  async lastRun(): Promise<IngestRun | undefined> {
    return records.lastRun(this.db);
  }

  async httpValidators(url: string): Promise<HttpValidators | undefined> {
    const key = validatorsMetaKey(url);
    return parseValidators((await getMeta(this.db, [key])).get(key));
  }

  async setHttpValidators(url: string, validators: HttpValidators): Promise<void> {
    const value = encodeValidators(validators);
    if (value) await setMeta(this.db, validatorsMetaKey(url), value);
  }

  async sourceStatus(sourceId: string): Promise<SourceStatus | undefined> {
    return records.sourceStatus(this.db, sourceId);
  }

  async sourceStatuses(): Promise<SourceStatus[]> {
    return records.sourceStatuses(this.db);
  }

  async recordSourceStatus(status: SourceStatus): Promise<void> {
    await records.recordSourceStatus(this.db, status);
  }

  questionRateLimit(perMinute: number): QuestionRateLimit {
    return new PgRateLimiter(this.db, perMinute);
  }

  async stats(scope?: SearchScope): Promise<StoreStats> {
    return scope ? memberships.scopedStats(this.db, scopeSourceIds(scope)) : records.stats(this.db);
  }

  async storeBytesOnDisk(): Promise<number> {
    const [row] = await this.db.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n');
    return Number(row!.n);
  }

  async writeManifest(manifest: StoreManifest): Promise<void> {
    await setMeta(this.db, 'manifest', JSON.stringify(manifest));
  }

  async close(): Promise<void> {
    this.changes.close();
    await this.db.close();
  }

  // ----- news desks

  async addDeskSource(source: NewDeskSource, limit?: number): Promise<{ source: DeskSource; created: boolean }> {
    if (limit === undefined) return desks.addDeskSource(this.db, source, new Date().toISOString());
    return desks.addDeskSourceWithinLimit(this.db, source, new Date().toISOString(), limit);
  }

  async deskSources(guildId?: string): Promise<DeskSource[]> {
    return desks.deskSources(this.db, guildId);
  }

  async removeDeskSource(guildId: string, id: number): Promise<DeskSource | null> {
    return desks.removeDeskSource(this.db, guildId, id);
  }

  async addDocumentSource(key: string, sourceId: string): Promise<void> {
    await memberships.addDocumentSource(this.db, key, sourceId);
  }

  async removeSourceArticles(sourceId: string): Promise<number> {
    const removed = await this.db.transaction((tx) => memberships.removeSourceArticles(tx, sourceId, (id) => articles.deleteDocument(tx, id)));
    this.changes.changed();
    return removed.articles;
  }

  async articleCounts(sourceIds: readonly string[]): Promise<Map<string, number>> {
    return memberships.articleCounts(this.db, sourceIds);
  }

  async feedSchedule(sourceId: string): Promise<FeedSchedule | undefined> {
    return feedPolls.feedSchedule(this.db, sourceId);
  }

  async feedSchedules(): Promise<FeedSchedule[]> {
    return feedPolls.feedSchedules(this.db);
  }

  async saveFeedSchedule(schedule: FeedSchedule): Promise<void> {
    await feedPolls.saveFeedSchedule(this.db, schedule);
  }

  async claimFeedPoll(sourceId: string, holder: string, ttlMs: number): Promise<boolean> {
    return feedPolls.claimFeedPoll(this.db, sourceId, holder, ttlMs);
  }

  async releaseFeedPoll(sourceId: string, holder: string): Promise<void> {
    await feedPolls.releaseFeedPoll(this.db, sourceId, holder);
  }

  async serverSettings(guildId: string): Promise<ServerSettings> {
    return desks.serverSettings(this.db, guildId);
  }

  async saveServerSettings(settings: ServerSettings): Promise<void> {
    await desks.saveServerSettings(this.db, settings);
  }
  // Digests (issue 24 part 3)
  async datedArticles(days: DayRange, scope?: SearchScope): Promise<DatedArticle[]> {
    return digests.datedArticles(this.db, days, scope && scopeSourceIds(scope));
  }

  async saveDigestSchedule(schedule: NewDigestSchedule): Promise<DigestSchedule> {
    return digests.saveDigestSchedule(this.db, schedule);
  }

  async digestSchedules(guildId?: string): Promise<DigestSchedule[]> {
    return digests.digestSchedules(this.db, guildId);
  }

  async removeDigestSchedules(guildId: string, channelId?: string): Promise<DigestSchedule[]> {
    return digests.removeDigestSchedules(this.db, guildId, channelId);
  }

  async claimDigestRun(id: number, localDate: string, runAt: string): Promise<boolean> {
    return digests.claimDigestRun(this.db, id, localDate, runAt);
  }

  // ----- answers and feedback (issue 24 part 4; pgAnswers.ts)

  async recordAnswer(record: NewAnswerRecord): Promise<number> {
    return answers.recordAnswer(this.db, record);
  }

  async recordFeedback(feedback: FeedbackWrite): Promise<boolean> {
    return answers.recordFeedback(this.db, feedback);
  }

  async answerSummary(window: AnswerWindow, declinedLimit: number): Promise<AnswerSummary> {
    return answers.answerSummary(this.db, window, declinedLimit);
  }

  async *exportAnswers(window: AnswerWindow): AsyncIterable<AnswerWithFeedback> {
    yield* answers.exportAnswers(this.db, window);
  }

  async pruneAnswers(before: string): Promise<number> {
    return answers.pruneAnswers(this.db, before);
  }

  // Stories across outlets (issue 24)
  async eventCandidates(window: { from: string; until: string }, limit: number, exceptKey?: string): Promise<EventCandidate[]> {
    return eventCandidates(this.db, window, limit, exceptKey);
  }

  async eventBackground(window: { from: string; until: string }, limit: number): Promise<number[]> {
    return eventBackground(this.db, window, limit);
  }

  async articleVectors(documentIds: number[], model: string): Promise<Map<number, Float32Array>> {
    return articleVectors(this.db, documentIds, model);
  }
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
