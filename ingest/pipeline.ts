import { indexTerms } from '../src/core/text/terms.js';
import type { ExtractedArticle, PassageDraft } from '../src/core/types.js';
import { embedPassages, type LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import { acquireIngestLock } from '../src/store/ingestLock.js';
import { NewsStore } from '../src/store/newsStore.js';
import type { ArticleWrite } from '../src/store/sqliteStore.js';
import { chunkArticle } from './chunk.js';
import { listSource, sha256, type Candidate } from './sources/candidates.js';
import type { SourceSpec } from './sources/sourceSpecs.js';
import type { IngestProgress, IngestSummary } from './summary.js';

/** Bump when extraction or chunking changes, so unchanged files are re-extracted once. */
export const EXTRACTOR_VERSION = 4;
/** Passages embedded per model call batch across articles. */
const EMBED_BATCH_PASSAGES = 64;

export interface IngestOptions {
  dataDir: string;
  sources: SourceSpec[];
  embeddings: LoadedEmbeddings;
  /** Remove stored articles no longer listed by a source that was read successfully. */
  prune?: boolean;
  fetchTimeoutMs: number;
  maxArticleBytes: number;
  onProgress?: (progress: IngestProgress) => void;
  log?: (message: string) => void;
  /** Opened store to reuse (the bot's); otherwise the pipeline opens and closes its own. */
  store?: NewsStore;
  /** Stops the run between articles (shutdown); what was written so far stays consistent. */
  signal?: AbortSignal;
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
}

function contentHashOf(article: ExtractedArticle): string {
  return sha256(JSON.stringify([article.title, article.published, article.body, article.comments.map((c) => c.text)]));
}

function toWrite(candidate: Candidate, article: ExtractedArticle, passages: PassageDraft[], contentHash: string): PendingArticle {
  const { body: _body, comments: _comments, ...metadata } = article;
  return {
    isUpdate: false,
    embedTexts: passages.map((p) => (p.section === 'body' ? `${article.title}. ${p.text}` : p.text)),
    write: {
      key: candidate.key,
      sourceId: candidate.sourceId,
      rawHash: candidate.rawHash,
      contentHash,
      extractorVersion: EXTRACTOR_VERSION,
      metadata,
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

/**
 * Ingests sources into the store incrementally: unchanged articles are skipped by hash,
 * changed ones replaced atomically, duplicates stored once, vectors added when the model is
 * available (including ones missing from earlier lexical-only runs). One run at a time per
 * data directory (lock file). Returns a summary; bad articles are skipped, never fatal.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const store = options.store ?? NewsStore.open(options.dataDir, { log });
  const releaseLock = acquireIngestLock(store.paths.lock);
  const runId = store.sqlite.beginRun(new Date(started).toISOString());
  const { embeddings, status } = options.embeddings;
  const summary: IngestSummary = {
    added: 0, updated: 0, unchanged: 0, duplicates: 0, removed: 0, missingKept: 0,
    skipped: [], failedSources: [], passagesWritten: 0, vectorsAdded: 0,
    totalArticles: 0, totalPassages: 0, durationMs: 0, embeddingMs: 0, embedding: status, vectorsInUse: false,
  };
  const progress = (p: IngestProgress) => options.onProgress?.(p);
  try {
    store.sqlite.db.prepare("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running' AND id <> ?").run(runId);
    // One embedding space per store: a new model replaces the old vectors instead of mixing with them.
    if (embeddings) {
      const space = store.vectorSpace();
      if (!space || space.model !== embeddings.modelId || space.dim !== embeddings.dimension) {
        if (space) log(`Embedding model changed from ${space.model} to ${embeddings.modelId}: re-embedding all passages.`);
        store.sqlite.transaction(() => {
          store.sqlite.deleteVectorsNotFrom(embeddings.modelId);
          store.setVectorSpace({ model: embeddings.modelId, dim: embeddings.dimension });
        });
        store.resetVectorIndex();
      }
    }
    const ann = embeddings ? store.vectorIndex({ forWriting: true }) : null;

    const seen = new Set<string>();
    const failedSourceIds = new Set<string>();
    let pending: PendingArticle[] = [];
    let pendingPassages = 0;
    // Twins of articles still waiting in the batch become aliases once the batch is written.
    const pendingByHash = new Map<string, string>();
    let pendingAliases: Array<{ key: string; twinKey: string; sourceId: string; rawHash: string }> = [];
    let processed = 0;

    const flush = async () => {
      if (pending.length === 0) return;
      if (embeddings) {
        const texts = pending.flatMap((p) => p.embedTexts);
        const t0 = Date.now();
        const vectors = await embedPassages(embeddings, texts);
        summary.embeddingMs += Date.now() - t0;
        let offset = 0;
        for (const p of pending) {
          p.write.vectors = vectors.slice(offset, offset + p.embedTexts.length);
          p.write.model = embeddings.modelId;
          offset += p.embedTexts.length;
        }
      }
      const now = new Date().toISOString();
      for (const p of pending) {
        const result = store.sqlite.writeArticle(p.write, now);
        for (const id of result.removedPassageIds) ann?.remove(id);
        for (const { id, vector } of result.added) if (vector && ann) ann.add(id, vector);
        summary.passagesWritten += result.added.length;
        if (p.write.vectors) summary.vectorsAdded += result.added.length;
        if (p.isUpdate) summary.updated++;
        else summary.added++;
      }
      for (const alias of pendingAliases) {
        const twin = store.sqlite.documentByKey(alias.twinKey);
        if (twin) store.sqlite.addAlias(alias.key, twin.id, alias.sourceId, alias.rawHash);
      }
      pending = [];
      pendingPassages = 0;
      pendingByHash.clear();
      pendingAliases = [];
    };

    for (const spec of options.sources) {
      progress({ phase: 'listing', processed, total: null, current: spec.id });
      for await (const event of listSource(spec, { timeoutMs: options.fetchTimeoutMs, maxBytes: options.maxArticleBytes })) {
        if (options.signal?.aborted) throw new IngestAbortedError();
        if (event.type === 'source-failed') {
          failedSourceIds.add(event.sourceId);
          summary.failedSources.push({ source: event.sourceId, reason: event.reason });
          log(`Source ${event.sourceId} failed: ${event.reason}`);
          continue;
        }
        processed++;
        progress({ phase: 'articles', processed, total: null, current: event.location });
        if (event.type === 'skipped') {
          summary.skipped.push({ location: event.location, reason: event.reason });
          continue;
        }
        if (seen.has(event.key)) continue;
        seen.add(event.key);
        const existing = store.sqlite.documentByKey(event.key);
        const existingRaw = existing?.viaAlias ? existing.aliasRawHash : existing?.rawHash;
        if (existing && existingRaw === event.rawHash && existing.extractorVersion === EXTRACTOR_VERSION) {
          summary.unchanged++;
          continue;
        }
        let article: ExtractedArticle;
        try {
          article = await event.extract();
        } catch (error) {
          summary.skipped.push({ location: event.location, reason: (error as Error).message });
          continue;
        }
        if (article.body.join('').trim().length === 0 && article.comments.length === 0) {
          summary.skipped.push({ location: event.location, reason: 'no article text found (empty or only site chrome)' });
          continue;
        }
        const contentHash = contentHashOf(article);
        if (existing && !existing.viaAlias && existing.contentHash === contentHash && existing.extractorVersion === EXTRACTOR_VERSION) {
          store.sqlite.db.prepare('UPDATE documents SET raw_hash = ? WHERE id = ?').run(event.rawHash, existing.id);
          summary.unchanged++;
          continue;
        }
        const twin = store.sqlite.documentByContentHash(contentHash);
        if (twin && twin.key !== event.key) {
          store.sqlite.addAlias(event.key, twin.id, event.sourceId, event.rawHash);
          summary.duplicates++;
          continue;
        }
        const pendingTwin = pendingByHash.get(contentHash);
        if (pendingTwin) {
          pendingAliases.push({ key: event.key, twinKey: pendingTwin, sourceId: event.sourceId, rawHash: event.rawHash });
          summary.duplicates++;
          continue;
        }
        pendingByHash.set(contentHash, event.key);
        const passages = chunkArticle(article);
        const item = toWrite(event, article, passages, contentHash);
        item.isUpdate = Boolean(existing && !existing.viaAlias);
        pending.push(item);
        pendingPassages += passages.length;
        if (pendingPassages >= EMBED_BATCH_PASSAGES) await flush();
      }
    }
    await flush();

    // Articles whose source no longer lists them: removed only when asked, never after a failed read.
    for (const spec of options.sources) {
      if (failedSourceIds.has(spec.id)) continue;
      const gone = store.sqlite.keysForSource(spec.id).filter((key) => !seen.has(key));
      if (gone.length === 0) continue;
      if (options.prune || spec.prune) {
        for (const id of store.sqlite.removeKeys(gone)) ann?.remove(id);
        summary.removed += gone.length;
      } else {
        summary.missingKept += gone.length;
      }
    }

    // Vectors missing from earlier runs (model was unavailable then) are added now.
    if (embeddings && ann) {
      for (;;) {
        const missing = store.sqlite.passagesMissingVectors(embeddings.modelId, EMBED_BATCH_PASSAGES);
        if (missing.length === 0) break;
        progress({ phase: 'vectors', processed, total: null, current: `${missing.length} passages` });
        const t0 = Date.now();
        const vectors = await embedPassages(embeddings, missing.map((m) => m.text));
        summary.embeddingMs += Date.now() - t0;
        const pairs = missing.map((m, i) => ({ id: m.id, vector: vectors[i]! }));
        store.sqlite.storeVectors(embeddings.modelId, pairs);
        for (const { id, vector } of pairs) ann.add(id, vector);
        summary.vectorsAdded += pairs.length;
      }
      progress({ phase: 'saving', processed, total: processed, current: null });
      store.saveVectorIndex();
    }

    const stats = store.sqlite.stats();
    summary.totalArticles = stats.documents;
    summary.totalPassages = stats.passages;
    const space = store.vectorSpace();
    summary.vectorsInUse = Boolean(embeddings && space && stats.vectors >= stats.passages && stats.passages > 0);
    summary.durationMs = Date.now() - started;
    store.writeManifest({
      updatedAt: new Date().toISOString(),
      embedding: { ...status, vectorSpace: space, vectors: stats.vectors, passagesWithoutVectors: stats.passages - stats.vectors },
      retrieval: summary.vectorsInUse ? 'hybrid (BM25 + vectors)' : 'lexical (BM25) only',
      documents: stats.documents,
      passages: stats.passages,
      sources: options.sources.map((s) => s.id),
      lastIngest: { ...summary, skipped: summary.skipped.length },
    });
    store.sqlite.finishRun(runId, 'ok', new Date().toISOString(), summary);
    progress({ phase: 'done', processed, total: processed, current: null });
    return summary;
  } catch (error) {
    // Graph updates made in memory for articles already committed are saved, so the file stays current.
    if (error instanceof IngestAbortedError && embeddings) store.saveVectorIndex();
    store.sqlite.finishRun(runId, 'failed', new Date().toISOString(), { error: (error as Error).message });
    throw error;
  } finally {
    releaseLock();
    if (!options.store) store.close();
  }
}
