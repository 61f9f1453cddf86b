import type { DocumentRecord, ExtractedComment, PassageDraft, Section, StoredPassage, ArticleMetadata } from '../types.js';
import type { QuestionRateLimit } from './questionRateLimit.js';
import type { OperatingPoint } from '../calibration/operatingPoint.js';
import type { DeskSource, FeedSchedule, NewDeskSource, SearchScope, ServerSettings } from './newsDesks.js';
import type { VectorCalibration } from '../calibration/vectorCalibration.js';
import type { DatedArticle, DayRange, DigestSchedule, NewDigestSchedule } from './digests.js';
import type { AnswerSummary, AnswerWindow, AnswerWithFeedback, FeedbackWrite, NewAnswerRecord } from './answerLog.js';

/** The embedding space the stored vectors belong to. */
export interface VectorSpace {
  model: string;
  dim: number;
}

/** One article to write: its identity, metadata, text and passages (with vectors when embedded). */
export interface ArticleWrite {
  key: string;
  sourceId: string;
  rawHash: string;
  contentHash: string;
  extractorVersion: number;
  metadata: ArticleMetadata;
  /** The article text as stored: paragraphs, and reader comments with author and date. */
  body: string[];
  comments: ExtractedComment[];
  /** Stored from a feed summary because the page could not be fetched; retried on later ingests. */
  summaryOnly: boolean;
  passages: Array<PassageDraft & { terms: string }>;
  /** One vector per passage (null for a passage not embedded), or null when written lexical-only. */
  vectors: Array<Float32Array | null> | null;
  model: string | null;
  /**
   * Key of the first stored article of the same story when this one is a near-identical copy
   * (ingest/copies): it is stored as its own document, linked to the story's head, with only
   * the passages given (ingest gives those of its own reader comments, never its body's, which
   * would only repeat the story's), so copies neither crowd searches nor change term statistics.
   */
  copyOf?: string | null;
  /** MinHash fingerprint of the body (null for texts too short to judge); a story's head is found by its bands. */
  fingerprint?: Fingerprint | null;
  /** The distinctive terms of its headline and lead (ingest/stories/eventTerms.ts), kept for later articles to be compared with. */
  storyTerms?: string | null;
  /**
   * Id of a stored article reporting the same event (ingest/stories): this one joins that
   * article's story. Not given (or null): it tells a story of its own. A copy always shares its head's.
   */
  sameEventAs?: number | null;
}

/** A stored article an article about the same event may be: a story's head published within the window. */
export interface EventCandidate {
  id: number;
  storyId: number;
  published: string;
  /** The first and last publication dates of its story's articles (a story spans at most the event window). */
  storyStart: string;
  storyEnd: string;
  outlet: string | null;
  language: string;
  /** Its stored story terms; null for an article written before they were kept (computed from title and lead then). */
  terms: string | null;
  title: string;
  /** The start of its body (only read when terms is null). */
  lead: string;
}

/** An article's MinHash signature and its LSH band keys (ingest/copies/minhash.ts). */
export interface Fingerprint {
  signature: Uint32Array;
  bands: string[];
}

/** A story's head that shares a band with a fingerprint. */
export interface CopyCandidate {
  id: number;
  key: string;
  signature: Uint32Array;
  /** Texts of its reader comments (a copy's own comments are kept searchable, the head's are not repeated). */
  comments: string[];
}

/** One story as an answer names it: its head's id, how many articles tell it, their distinct outlets. */
export interface StoryInfo {
  id: number;
  articles: number;
  /** Distinct outlet names, the asked document's own first. */
  outlets: string[];
}

export interface WriteResult {
  /** Passages written, with the vector each got (null when lexical-only). */
  added: Array<{ id: number; vector: Float32Array | null }>;
  removedPassageIds: number[];
}

export interface DateFilter {
  since?: string;
  until?: string;
}

export interface StoreStats {
  documents: number;
  passages: number;
  vectors: number;
  sources: number;
}

/** A stored article as found by key: through its own key or through an alias (a second URL). */
export type FoundDocument = DocumentRecord & { extractorVersion: number; viaAlias: boolean; aliasRawHash?: string };

export interface StoredArticle extends DocumentRecord {
  body: string;
  comments: ExtractedComment[];
  passages: number;
  /** With `exportArticles({ withVectors: true })`: each passage with its vector in the store's vector space. */
  passageVectors?: PassageVectors;
}

/** An article's passages and their vectors (null for a passage not embedded yet). */
export interface PassageVectors {
  model: string;
  dim: number;
  passages: Array<{ section: Section; text: string; vector: Float32Array | null }>;
}

export interface IngestRun {
  startedAt: string;
  finishedAt: string | null;
  /** 'running', 'ok', 'failed', or 'interrupted' (a process that died while running it). */
  status: string;
  summary: RunSummary | null;
}

/**
 * What a finished ingest run recorded, stored whole as JSON: a successful run's summary
 * (ingest/summary.ts's IngestSummary, which satisfies this) or a failed run's error. These
 * are the fields readers of the run records (/status) use.
 */
export interface RunSummary {
  added?: number;
  updated?: number;
  removed?: number;
  skipped?: ReadonlyArray<{ location: string; reason: string }>;
  error?: string;
}

/**
 * What the last ingest left for people and tools to read (DATA_DIR/manifest.json for the
 * SQLite store, the `manifest` meta row on both): the store's contents and the model in use.
 */
export interface StoreManifest {
  updatedAt: string;
  embedding: {
    model: string;
    available: boolean;
    dimension: number | null;
    reason: string | null;
    vectorSpace: VectorSpace | null;
    vectors: number;
    passagesWithoutVectors: number;
  };
  retrieval: string;
  documents: number;
  passages: number;
  sources: string[];
  /** The run's summary, its skipped articles counted rather than listed. */
  lastIngest: Omit<RunSummary, 'skipped'> & { skipped: number };
}

export interface HttpValidators {
  etag?: string | null;
  lastModified?: string | null;
}

/** How fetching one source has gone across ingests: for backoff, /status and the ingest summary. */
export interface SourceStatus {
  sourceId: string;
  /** ISO times. */
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  /** Failed reads since the last successful one. */
  consecutiveFailures: number;
  /** Until then ingests skip the source unless it is named on the command line; null when not backing off. */
  nextAttemptAt: string | null;
}

/**
 * What the rest of the system needs from a knowledge base, whatever holds it. Core,
 * ingestion and Discord code use only this; query syntax (SQL, FTS) stays inside the backend.
 * Word forms are the index terms the text module produces (folded, stemmed).
 */
export interface KnowledgeStore {
  // Articles
  /** Replaces (or creates) one article with all its passages and vectors, atomically; the vector index follows. */
  writeArticle(article: ArticleWrite): Promise<WriteResult>;
  documentByKey(key: string): Promise<FoundDocument | undefined>;
  documentByContentHash(contentHash: string): Promise<DocumentRecord | undefined>;
  /** Records that another key (e.g. a second URL) leads to an already stored article. */
  addAlias(aliasKey: string, documentId: number, sourceId: string, rawHash: string): Promise<void>;
  /** Same content fetched with other bytes: only the raw hash moves. */
  updateRawHash(documentId: number, rawHash: string): Promise<void>;
  /**
   * Removes articles or aliases by key; returns how many passages went. A story's head that
   * has copies hands its passages to one of them (the story stays searchable); a copy just goes.
   */
  removeKeys(keys: string[]): Promise<number>;
  /** Articles stored before copies were recognised (no fingerprint examined yet), oldest first. */
  articlesWithoutFingerprint(limit: number): Promise<Array<{ id: number; body: string[]; comments: string[]; summaryOnly: boolean }>>;
  /** Records an older article's fingerprint (null: examined, not eligible); an article that heads a story gets its band keys. */
  setFingerprint(documentId: number, fingerprint: Fingerprint | null): Promise<void>;
  /** Heads of stories (articles that are no copy) sharing any of these LSH band keys. */
  copyCandidates(bands: string[]): Promise<CopyCandidate[]>;
  /** For each document id found: the story it belongs to (its copies and the articles about the same event; itself alone when none). */
  stories(documentIds: number[], scope?: SearchScope): Promise<Map<number, StoryInfo>>;
  keysForSource(sourceId: string): Promise<string[]>;
  /** Of a source's keys, those whose article another source also brings (pruning that source keeps them: they are in other scopes). */
  keysBroughtByOthers(sourceId: string, keys: readonly string[]): Promise<Set<string>>;
  hasSummaryOnly(sourceId: string): Promise<boolean>;
  /** Every article, oldest first, read lazily; with `withVectors`, their passages' vectors too (when the store has a vector space). */
  exportArticles(options?: { withVectors?: boolean }): AsyncIterable<StoredArticle>;

  // Search
  /** BM25 over passages holding any of the forms, best first. */
  lexicalSearch(forms: string[], limit: number, dates?: DateFilter, scope?: SearchScope): Promise<Array<{ id: number }>>;
  /** Nearest passages to a vector of the store's vector space; empty without vectors. */
  vectorSearch(vector: Float32Array, k: number, scope?: SearchScope): Promise<Array<{ id: number; similarity: number }>>;
  /** Whether any vector can be searched (so a question need not be embedded for nothing). */
  hasSearchableVectors(): Promise<boolean>;
  /**
   * Passages by id, in the order asked. With a scope, a passage reached through an in-scope
   * copy of its story is shown as that copy's (another server's article is never named), and
   * one the scope cannot reach is left out.
   */
  passagesByIds(ids: number[], scope?: SearchScope): Promise<StoredPassage[]>;

  // Vocabulary statistics
  passageCount(): Promise<number>;
  /** For each group of forms, about how many passages hold any of them (for IDF weights). */
  passageFrequencies(formGroups: string[][]): Promise<number[]>;
  /** The terms the index holds, of those asked (to split compounds against real words). */
  knownTerms(terms: string[]): Promise<Set<string>>;
  /**
   * Called once by a long-running process that answers questions (the bot): from then on the
   * store keeps whatever in-memory search structures it has in step with its data (SQLite:
   * a copy of the lexical index, rebuilt in the background after changes; PostgreSQL keeps
   * its postings in tables and has none to build). Resolves when searches run at full speed
   * (true) or the structures could not be built (false: searches work, more slowly).
   */
  warmUpForQuestions(log?: (message: string) => void): Promise<boolean>;

  // Vectors
  vectorSpace(): Promise<VectorSpace | null>;
  /** Makes `space` the store's vector space; vectors of another model are dropped. Returns whether it changed. */
  useVectorSpace(space: VectorSpace): Promise<boolean>;
  passagesMissingVectors(model: string, limit: number): Promise<Array<{ id: number; text: string }>>;
  storeVectors(model: string, vectors: Array<{ id: number; vector: Float32Array }>): Promise<void>;
  /**
   * Ends a batch of writes (called after each batch and before giving up on one): what this
   * process derived from them is made durable and bookkeeping no reader needs any more goes.
   * SQLite saves the vector graph this process updated (and lets go of it, so a graph saved
   * meanwhile by another process is loaded afresh); PostgreSQL, whose processes derive their
   * graphs from the stored vectors, prunes the change sequence they follow.
   */
  endWriteBatch(): Promise<void>;

  // Answer calibration
  /** Body passages with a vector of `model`, a fixed sample spread over the store: what the model's scores are measured on. */
  probePassages(model: string, limit: number): Promise<ProbePassage[]>;
  /** The measured score scale and the fitted operating point (each null until written). */
  calibration(): Promise<StoredCalibration>;
  /** Writes the parts given; a part given as null is cleared. */
  saveCalibration(update: Partial<StoredCalibration>): Promise<void>;

  // Runs and meta
  /** Takes the store's one-ingest-at-a-time lock (throws IngestLockedError when held); returns its release. */
  lockForIngest(): Promise<() => Promise<void>>;
  beginRun(startedAt: string): Promise<number>;
  finishRun(id: number, status: 'ok' | 'failed', finishedAt: string, summary: RunSummary): Promise<void>;
  markInterruptedRuns(currentRunId: number): Promise<void>;
  lastRun(): Promise<IngestRun | undefined>;
  httpValidators(url: string): Promise<HttpValidators | undefined>;
  setHttpValidators(url: string, validators: HttpValidators): Promise<void>;
  sourceStatus(sourceId: string): Promise<SourceStatus | undefined>;
  /** Every source with a recorded status, by source id. */
  sourceStatuses(): Promise<SourceStatus[]>;
  /** Creates or replaces a source's status. */
  recordSourceStatus(status: SourceStatus): Promise<void>;
  /** The per-user question limit, shared by every process using this store (SQLite: one process, in its memory; PostgreSQL: a table). */
  questionRateLimit(perMinute: number): QuestionRateLimit;
  /** Counts of the whole store, or of the articles in a scope (a server's /status). */
  stats(scope?: SearchScope): Promise<StoreStats>;

  // News desks (src/core/ports/newsDesks.ts)
  /**
   * Adds a server's source; an existing one (same server, URL and channel) is returned with created false.
   * With `limit`, a server that already has that many sources gets a SourceLimitError instead, decided
   * in the same transaction as the insert (two shards adding at once cannot both pass).
   */
  addDeskSource(source: NewDeskSource, limit?: number): Promise<{ source: DeskSource; created: boolean }>;
  /** One server's sources, or every server's when no id is given (the poller). */
  deskSources(guildId?: string): Promise<DeskSource[]>;
  /** Removes a server's source by id; null when that server has no such source. */
  removeDeskSource(guildId: string, id: number): Promise<DeskSource | null>;
  /** Records that a source brings a stored article (one article, in the scope of every source that brings it). */
  addDocumentSource(key: string, sourceId: string): Promise<void>;
  /** Drops a source's claim on its articles; articles no source brings any more are removed. Returns how many were removed. */
  removeSourceArticles(sourceId: string): Promise<number>;
  /** Articles held per source id (for /feeds list). */
  articleCounts(sourceIds: readonly string[]): Promise<Map<string, number>>;
  feedSchedule(sourceId: string): Promise<FeedSchedule | undefined>;
  feedSchedules(): Promise<FeedSchedule[]>;
  saveFeedSchedule(schedule: FeedSchedule): Promise<void>;
  /** Takes the claim to poll a feed for ttlMs, across every process sharing the store; false when another holder has it. */
  claimFeedPoll(sourceId: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseFeedPoll(sourceId: string, holder: string): Promise<void>;
  serverSettings(guildId: string): Promise<ServerSettings>;
  saveServerSettings(settings: ServerSettings): Promise<void>;
  storeBytesOnDisk(): Promise<number>;
  writeManifest(manifest: StoreManifest): Promise<void>;
  close(): Promise<void>;

  // Digests (issue 24 part 3: /digest, npm run digest; src/core/ports/digests.ts)
  /** Articles whose stated publication day is in the range, newest first, in the scope when given; undated articles never. */
  datedArticles(days: DayRange, scope?: SearchScope): Promise<DatedArticle[]>;
  /** Creates a server's digest schedule for a channel, or replaces the one that channel has. */
  saveDigestSchedule(schedule: NewDigestSchedule): Promise<DigestSchedule>;
  /** One server's digest schedules, or every server's when no id is given (the scheduler). */
  digestSchedules(guildId?: string): Promise<DigestSchedule[]>;
  /** Removes a server's schedule for one channel, or all of them; returns those removed. */
  removeDigestSchedules(guildId: string, channelId?: string): Promise<DigestSchedule[]>;
  /**
   * Marks a schedule as run for a server-local date (YYYY-MM-DD) at `runAt`, unless it already
   * ran that date: one conditional update, so of several processes exactly one gets true.
   */
  claimDigestRun(id: number, localDate: string, runAt: string): Promise<boolean>;

  // Answers and feedback (issue 24 part 4; src/core/ports/answerLog.ts)
  /** Records an answered or declined question; returns its id (the feedback buttons carry it). */
  recordAnswer(record: NewAnswerRecord): Promise<number>;
  /** Creates or replaces one person's vote on an answer; false when the answer is no longer stored (pruned). */
  recordFeedback(feedback: FeedbackWrite): Promise<boolean>;
  /** Counts of a window and its newest declined questions (at most `declinedLimit`). */
  answerSummary(window: AnswerWindow, declinedLimit: number): Promise<AnswerSummary>;
  /** Every recorded answer of a window with its votes, oldest first, read lazily. */
  exportAnswers(window: AnswerWindow): AsyncIterable<AnswerWithFeedback>;
  /** Deletes answers recorded before `before` (ISO) and their votes; returns how many answers went. */
  pruneAnswers(before: string): Promise<number>;

  // Stories across outlets (issue 24; src/store/stories.ts, ingest/stories)
  /**
   * Stories' heads (no copies) published on or after `from` and before `until` (ISO, compared
   * as stored), most recently published first, at most `limit`, without the article under `exceptKey`.
   */
  eventCandidates(window: { from: string; until: string }, limit: number, exceptKey?: string): Promise<EventCandidate[]>;
  /** Ids of dated heads published outside the window, the nearest on each side (about limit/2 each): unrelated articles to measure a model on. */
  eventBackground(window: { from: string; until: string }, limit: number): Promise<number[]>;
  /** Per article asked, the mean of its body passages' vectors of `model` (left out when it has none). */
  articleVectors(documentIds: number[], model: string): Promise<Map<number, Float32Array>>;
}

/**
 * The answer calibration as kept in either backend's meta table: the model's measured score
 * scale on this store (written by ingest) and the operating point `npm run calibrate` fitted.
 */
export interface StoredCalibration {
  vector: VectorCalibration | null;
  operatingPoint: OperatingPoint | null;
}

/** A passage with its vector, as the calibration probes read them. */
export interface ProbePassage {
  id: number;
  documentId: number;
  text: string;
  language: string;
  vector: Float32Array;
}
