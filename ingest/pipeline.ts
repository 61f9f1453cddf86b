import { indexTerms } from '../src/core/text/terms.js';
import type { ExtractedArticle, PassageDraft } from '../src/core/types.js';
import { embedPassages, type LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import { currentCalibration } from '../src/core/calibration/currentCalibration.js';
import { openStore } from '../src/store/openStore.js';
import type { ArticleWrite, KnowledgeStore } from '../src/store/knowledgeStore.js';
import { chunkArticle } from './chunk.js';
import { CopyDetector, fingerprintStoredArticles, passagesFor } from './copies/copyDetector.js';
import { ExtractionPool, withExtractionTimeout } from './extract/extractionPool.js';
import { SourceBackoff } from './sourceBackoff.js';
import { FetchPolicy, type FetchPolicyOptions } from './sources/fetchPolicy.js';
import { listSource, sha256, type Candidate, type Extraction, type Extractor, type HttpValidatorCache } from './sources/candidates.js';
import type { Validators } from './sources/fetchResource.js';
import type { SourceSpec } from './sources/sourceSpecs.js';
import type { IngestProgress, IngestSummary } from './summary.js';
import { validateArticle } from './validateArticle.js';
import { countWords } from './extract/words.js';

/** Bump when extraction or chunking changes, so unchanged files are re-extracted once. */
export const EXTRACTOR_VERSION = 6;
/**
 * Passages gathered (across articles) before a batch goes to the model. Small, so the model
 * starts early and always has the next batch queued while this one is written; larger
 * batches only delayed the first embedding (the model embeds one passage per call anyway).
 */
const EMBED_BATCH_PASSAGES = 16;

export interface IngestOptions {
  dataDir: string;
  sources: SourceSpec[];
  embeddings: LoadedEmbeddings;
  /** Remove stored articles no longer listed by a source that was read successfully. */
  prune?: boolean;
  fetchTimeoutMs: number;
  maxArticleBytes: number;
  /** Time one article's extraction may take before it is skipped (EXTRACTION_TIMEOUT_MS). */
  extractionTimeoutMs?: number;
  /** Overall time for a feed's item pages (FEED_DEADLINE_MS). */
  feedDeadlineMs?: number;
  userAgent?: string;
  /** Extraction function; by default a worker-thread pool with the time limit above. */
  extractor?: Extractor;
  onProgress?: (progress: IngestProgress) => void;
  log?: (message: string) => void;
  /** Opened store to reuse (the bot's); otherwise the pipeline opens and closes its own SQLite store in dataDir. */
  store?: KnowledgeStore;
  /** Stops the run between articles (shutdown); what was written so far stays consistent. */
  signal?: AbortSignal;
  /** FETCH_ALLOW_PRIVATE_NETWORKS / FETCH_ALLOWED_HOSTS (and a resolver for tests); the sources' own URLs are always trusted. */
  fetchGuard?: Omit<FetchPolicyOptions, 'operatorUrls'>;
  /** Clock for source backoff (tests). */
  now?: () => number;
}

export class IngestAbortedError extends Error {
  override name = 'IngestAbortedError';
  constructor() {
    super('ingestion was stopped before it finished; articles written so far are complete, the rest are unchanged');
  }
}

interface PendingArticle {
  write: ArticleWrite;
  isUpdate: boolean;
  embedTexts: string[];
  location: string;
}

/** Articles extracted (fetched) at once: feed item pages are fetched concurrently, within each host's limit. */
const EXTRACTION_WINDOW = 8;
const DEFAULT_EXTRACTION_TIMEOUT_MS = 20_000;
/** Fewer words than this is a label or a button left over, not an article (the shortest news brief is a sentence). */
const MIN_ARTICLE_WORDS = 5;
const DEFAULT_FEED_DEADLINE_MS = 120_000;

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)) || 'unknown error';
}

export function contentHashOf(article: ExtractedArticle): string {
  return sha256(JSON.stringify([article.title, article.published, article.body, article.comments.map((c) => c.text)]));
}

export function toWrite(candidate: Pick<Candidate, 'key' | 'sourceId' | 'rawHash' | 'location'>, article: ExtractedArticle, passages: PassageDraft[], contentHash: string, summaryOnly: boolean): PendingArticle {
  const { body, comments, ...metadata } = article;
  return {
    isUpdate: false,
    location: candidate.location,
    embedTexts: passages.map((p) => (p.section === 'body' ? `${article.title}. ${p.text}` : p.text)),
    write: {
      key: candidate.key,
      sourceId: candidate.sourceId,
      rawHash: candidate.rawHash,
      contentHash,
      extractorVersion: EXTRACTOR_VERSION,
      metadata,
      body,
      comments,
      summaryOnly,
      passages: passages.map((p) => ({
        ...p,
        // Passages also carry the headline's terms: the title says what the whole article, and
        // the comments under it, are about.
        terms: indexTerms(`${article.title} ${p.text}`, article.language).join(' '),
      })),
      vectors: null,
      model: null,
    },
  };
}

/** What the store held under the candidate's key when it was listed (only this run writes meanwhile: the ingest lock). */
type Existing = Awaited<ReturnType<KnowledgeStore['documentByKey']>>;

/** What happened to one candidate once extracted: skipped with a reason, or ready to handle. */
type Prepared = { candidate: Candidate; existing: Existing } & ({ error: string } | { extraction: Extraction; passages: PassageDraft[] });

/**
 * Ingests sources into the store incrementally: unchanged articles are skipped by hash,
 * changed ones replaced atomically, duplicates stored once, vectors added when the model is
 * available (including ones missing from earlier lexical-only runs). One run at a time per
 * data directory (lock file). Any failure of one article (fetching, extracting, chunking,
 * embedding, writing) is reported in the summary with its source and never costs the others.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const store: KnowledgeStore = options.store ?? (await openStore({ dataDir: options.dataDir, log }));
  const releaseLock = await store.lockForIngest();
  const runId = await store.beginRun(new Date(started).toISOString());
  const { embeddings, status } = options.embeddings;
  const extractionTimeoutMs = options.extractionTimeoutMs ?? DEFAULT_EXTRACTION_TIMEOUT_MS;
  // The pool terminates a worker that runs over the limit; a supplied extractor gets the same limit here.
  const pool = options.extractor ? null : new ExtractionPool({ timeoutMs: extractionTimeoutMs });
  const supplied = options.extractor;
  const extractor: Extractor = supplied ? (bytes, origin) => withExtractionTimeout(supplied(bytes, origin), extractionTimeoutMs) : (bytes, origin) => pool!.extract(bytes, origin);
  const summary: IngestSummary = {
    added: 0, updated: 0, unchanged: 0, duplicates: 0, copies: 0, removed: 0, missingKept: 0, summaryOnly: 0,
    skipped: [], failedSources: [], refused: [], backingOff: [], sourcesRead: 0, passagesWritten: 0, vectorsAdded: 0,
    totalArticles: 0, totalPassages: 0, durationMs: 0, embeddingMs: 0, embedding: status, vectorsInUse: false, vectorCalibration: null,
  };
  const progress = (p: IngestProgress) => options.onProgress?.(p);
  const skip = (location: string, reason: string) => {
    summary.skipped.push({ location, reason });
    log(`Skipped ${location}: ${reason}`);
  };
  // One batch is embedded (and then written) while the next one is extracted and chunked,
  // so the model never waits for the pipeline; batches are written in order.
  let writing: Promise<void> = Promise.resolve();
  try {
    await store.markInterruptedRuns(runId);
    // One embedding space per store: a new model replaces the old vectors instead of mixing with them.
    if (embeddings) {
      const previous = await store.vectorSpace();
      if ((await store.useVectorSpace({ model: embeddings.modelId, dim: embeddings.dimension })) && previous) {
        log(`Embedding model changed from ${previous.model} to ${embeddings.modelId}: re-embedding all passages.`);
      }
    }

    // Links from feeds and redirects must lead to public addresses; the operator's own source origins may be local.
    const policy = new FetchPolicy({ ...options.fetchGuard, operatorUrls: options.sources.filter((s) => s.kind === 'url').map((s) => s.id) });
    const backoff = new SourceBackoff(store, options.now);
    // Articles stored before copies were recognised get fingerprints once, so their copies find them.
    await fingerprintStoredArticles(store);

    const seen = new Set<string>();
    const failedSourceIds = new Set<string>();
    let pending: PendingArticle[] = [];
    let pendingPassages = 0;
    // Twins of articles still waiting in the batch become aliases once the batch is written.
    const pendingByHash = new Map<string, string>();
    // Near-identical copies of a story (other URLs, other outlets) are stored without passages.
    const copies = new CopyDetector(store);
    let pendingAliases: Array<{ key: string; twinKey: string; sourceId: string; rawHash: string }> = [];
    let processed = 0;

    // Time during which any embedding was in progress (batches overlap: counted once).
    let embeddingsActive = 0;
    let embeddingSince = 0;
    const embedBatch = async (batch: PendingArticle[]): Promise<PendingArticle[]> => {
      if (!embeddings || batch.length === 0) return batch;
      if (embeddingsActive++ === 0) embeddingSince = Date.now();
      try {
        const vectors = await embedPassages(embeddings, batch.flatMap((p) => p.embedTexts));
        let offset = 0;
        for (const p of batch) {
          p.write.vectors = vectors.slice(offset, offset + p.embedTexts.length);
          p.write.model = embeddings.modelId;
          offset += p.embedTexts.length;
        }
        return batch;
      } catch (error) {
        if (batch.length === 1) {
          skip(batch[0]!.location, `embedding failed (${errorMessage(error)})`);
          return [];
        }
        // Find the article the model fails on; the rest of the batch is embedded without it.
        const ok: PendingArticle[] = [];
        for (const p of batch) ok.push(...(await embedBatch([p])));
        return ok;
      } finally {
        if (--embeddingsActive === 0) summary.embeddingMs += Date.now() - embeddingSince;
      }
    };

    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending;
      const aliases = pendingAliases;
      pending = [];
      pendingPassages = 0;
      pendingAliases = [];
      const previous = writing;
      writing = (async () => {
        const embedded = await embedBatch(batch);
        await previous;
        for (const p of embedded) {
          try {
            const result = await store.writeArticle(p.write);
            summary.passagesWritten += result.added.length;
            if (p.write.vectors) summary.vectorsAdded += result.added.length;
            if (p.write.summaryOnly) summary.summaryOnly++;
            if (p.write.copyOf) summary.copies++;
            if (p.isUpdate) summary.updated++;
            else summary.added++;
          } catch (error) {
            skip(p.location, `could not be stored (${errorMessage(error)})`);
          }
        }
        for (const alias of aliases) {
          const twin = await store.documentByKey(alias.twinKey);
          if (twin) await store.addAlias(alias.key, twin.id, alias.sourceId, alias.rawHash);
        }
        // Twins of these articles are found in the store from now on.
        for (const p of batch) pendingByHash.delete(p.write.contentHash);
      })();
      await previous;
    };

    const prepare = async (candidate: Candidate, existing: Existing): Promise<Prepared> => {
      try {
        const extraction = await candidate.extract(extractor);
        const article = validateArticle(extraction.article);
        return { candidate, existing, extraction: { ...extraction, article }, passages: chunkArticle(article) };
      } catch (error) {
        return { candidate, existing, error: errorMessage(error) };
      }
    };

    const handle = async (prepared: Prepared) => {
      const { candidate: event, existing } = prepared;
      if ('error' in prepared) return skip(event.location, prepared.error);
      const { article, summaryOnly } = prepared.extraction;
      // Words as Unicode segments them: a Japanese or Chinese paragraph has no spaces to split on.
      const bodyWords = countWords(article.body.join('\n'));
      // A feed summary is kept however short: it is labelled and replaced once the page arrives.
      if (bodyWords < (summaryOnly ? 1 : MIN_ARTICLE_WORDS) && article.comments.length === 0) {
        return skip(event.location, `no article text found (${bodyWords} words; empty or only site chrome)`);
      }
      const contentHash = contentHashOf(article);
      if (existing && !existing.viaAlias && existing.contentHash === contentHash && existing.extractorVersion === EXTRACTOR_VERSION && existing.summaryOnly === summaryOnly) {
        await store.updateRawHash(existing.id, event.rawHash);
        summary.unchanged++;
        if (summaryOnly) summary.summaryOnly++;
        return;
      }
      const twin = await store.documentByContentHash(contentHash);
      if (twin && twin.key !== event.key) {
        await store.addAlias(event.key, twin.id, event.sourceId, event.rawHash);
        summary.duplicates++;
        return;
      }
      const pendingTwin = pendingByHash.get(contentHash);
      if (pendingTwin) {
        pendingAliases.push({ key: event.key, twinKey: pendingTwin, sourceId: event.sourceId, rawHash: event.rawHash });
        summary.duplicates++;
        return;
      }
      pendingByHash.set(contentHash, event.key);
      // A copy is written after its story's head (queued later), without its body's passages.
      const story = await copies.classify(event.key, article, summaryOnly);
      const item = toWrite(event, article, passagesFor(story, article, prepared.passages), contentHash, summaryOnly);
      item.write.copyOf = story.copyOf;
      item.write.fingerprint = story.fingerprint;
      item.isUpdate = Boolean(existing && !existing.viaAlias);
      pending.push(item);
      pendingPassages += prepared.passages.length;
      if (pendingPassages >= EMBED_BATCH_PASSAGES) await flush();
    };

    for (const spec of options.sources) {
      progress({ phase: 'listing', processed, total: null, current: spec.id });
      const waiting = await backoff.skipping(spec);
      if (waiting) {
        summary.backingOff.push(waiting);
        failedSourceIds.add(spec.id); // not read: its stored articles are not "gone"
        log(`Source ${spec.id} skipped: backing off after ${waiting.consecutiveFailures} failed reads, next attempt after ${waiting.nextAttemptAt}`);
        continue;
      }
      // ETag/Last-Modified are kept only when every article of the source went in, so a
      // "304 Not Modified" never hides an article that failed last time.
      let fetchedValidators: Validators | null = null;
      const skippedBefore = summary.skipped.length;
      // Read before listing: the source reader asks synchronously.
      const storedValidators = await store.httpValidators(spec.id);
      const refetch = await store.hasSummaryOnly(spec.id);
      const validators: HttpValidatorCache = {
        get: (url) => (url === spec.id ? storedValidators : undefined),
        set: (_url, v) => void (fetchedValidators = v),
      };
      const window: Array<Promise<Prepared>> = [];
      const events = listSource(spec, {
        timeoutMs: options.fetchTimeoutMs,
        maxBytes: options.maxArticleBytes,
        userAgent: options.userAgent,
        signal: options.signal,
        feedDeadlineMs: options.feedDeadlineMs ?? DEFAULT_FEED_DEADLINE_MS,
        validators,
        forceRefetch: (sourceId) => sourceId === spec.id && refetch,
        policy: spec.kind === 'url' ? policy.forSource(spec.id) : policy,
        onRefused: (location, reason) => summary.refused.push({ location, reason }),
        onPageFailed: (location, reason) => log(`Item page ${location} not fetched (${reason}): the feed's summary is used`),
      });
      let sourceFailure: string | null = null;
      for await (const event of events) {
        if (options.signal?.aborted) throw new IngestAbortedError();
        if (event.type === 'source-failed') {
          sourceFailure = event.reason;
          failedSourceIds.add(event.sourceId);
          summary.failedSources.push({ source: event.sourceId, reason: event.reason });
          log(`Source ${event.sourceId} failed: ${event.reason}`);
          continue;
        }
        if (event.type === 'not-modified') {
          const keys = await store.keysForSource(event.sourceId);
          for (const key of keys) seen.add(key);
          summary.unchanged += keys.length;
          continue;
        }
        processed++;
        progress({ phase: 'articles', processed, total: null, current: event.location });
        if (event.type === 'skipped') {
          skip(event.location, event.reason);
          continue;
        }
        if (seen.has(event.key)) continue;
        seen.add(event.key);
        const existing = await store.documentByKey(event.key);
        const existingRaw = existing?.viaAlias ? existing.aliasRawHash : existing?.rawHash;
        // A summary-only article is fetched again each time until its full page arrives.
        if (existing && existingRaw === event.rawHash && existing.extractorVersion === EXTRACTOR_VERSION && !existing.summaryOnly) {
          summary.unchanged++;
          continue;
        }
        window.push(prepare(event, existing));
        if (window.length >= EXTRACTION_WINDOW) await handle(await window.shift()!);
      }
      while (window.length > 0) {
        if (options.signal?.aborted) throw new IngestAbortedError();
        await handle(await window.shift()!);
      }
      if (sourceFailure === null) summary.sourcesRead++;
      const after = await backoff.record(spec, sourceFailure);
      if (after) summary.backingOff.push(after);
      if (fetchedValidators && summary.skipped.length === skippedBefore) await store.setHttpValidators(spec.id, fetchedValidators);
    }
    await flush();
    await writing;
    // Articles whose source no longer lists them: removed only when asked, never after a failed read.
    for (const spec of options.sources) {
      if (failedSourceIds.has(spec.id)) continue;
      const gone = (await store.keysForSource(spec.id)).filter((key) => !seen.has(key));
      if (gone.length === 0) continue;
      if (options.prune || spec.prune) {
        await store.removeKeys(gone);
        summary.removed += gone.length;
      } else {
        summary.missingKept += gone.length;
      }
    }

    // Vectors missing from earlier runs (model was unavailable then) are added now.
    if (embeddings) {
      for (;;) {
        const missing = await store.passagesMissingVectors(embeddings.modelId, EMBED_BATCH_PASSAGES);
        if (missing.length === 0) break;
        progress({ phase: 'vectors', processed, total: null, current: `${missing.length} passages` });
        const t0 = Date.now();
        const vectors = await embedPassages(embeddings, missing.map((m) => m.text));
        summary.embeddingMs += Date.now() - t0;
        const pairs = missing.map((m, i) => ({ id: m.id, vector: vectors[i]! }));
        await store.storeVectors(embeddings.modelId, pairs);
        summary.vectorsAdded += pairs.length;
      }
      progress({ phase: 'saving', processed, total: processed, current: null });
    }
    await store.endWriteBatch();

    const stats = await store.stats();
    summary.totalArticles = stats.documents;
    summary.totalPassages = stats.passages;
    const space = await store.vectorSpace();
    // The model's score scale on this store, measured when vectors are new or the store changed much.
    summary.vectorCalibration = embeddings && space && stats.vectors > 0 ? await currentCalibration(store, embeddings, log) : null;
    summary.vectorsInUse = Boolean(embeddings && space && stats.vectors >= stats.passages && stats.passages > 0 && summary.vectorCalibration?.separates);
    summary.durationMs = Date.now() - started;
    await store.writeManifest({
      updatedAt: new Date().toISOString(),
      embedding: { ...status, vectorSpace: space, vectors: stats.vectors, passagesWithoutVectors: stats.passages - stats.vectors },
      retrieval: summary.vectorsInUse ? 'hybrid (BM25 + vectors)' : 'lexical (BM25) only',
      documents: stats.documents,
      passages: stats.passages,
      sources: options.sources.map((s) => s.id),
      lastIngest: { ...summary, skipped: summary.skipped.length },
    });
    await store.finishRun(runId, 'ok', new Date().toISOString(), summary);
    progress({ phase: 'done', processed, total: processed, current: null });
    return summary;
  } catch (error) {
    // The batch being embedded is written first (or fails), never racing the steps below.
    await writing.catch(() => undefined);
    // Graph updates made in memory for articles already committed are saved, so the file stays current.
    await store.endWriteBatch();
    await store.finishRun(runId, 'failed', new Date().toISOString(), { error: (error as Error).message });
    throw error;
  } finally {
    await pool?.close();
    await releaseLock();
    if (!options.store) await store.close();
  }
}
