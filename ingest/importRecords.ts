import { basename } from 'node:path';
import type { ExtractedArticle } from '../src/core/types.js';
import type { LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import { embedPassages } from '../src/core/ports/newsEmbeddings.js';
import type { NewsEmbeddings } from '../src/core/ports/newsEmbeddings.js';
import type { KnowledgeStore, VectorSpace } from '../src/core/ports/knowledgeStore.js';
import { chunkArticle } from './chunk.js';
import { vectorFromBase64, type ExportRecord } from './exportRecord.js';
import { CopyDetector, passagesFor } from './copies/copyDetector.js';
import { EventGrouper } from './stories/eventGrouper.js';
import { contentHashOf } from './stages/detectChanges.js';
import { toWrite, type PendingArticle } from './stages/prepareWrite.js';
import { validateArticle } from './validateArticle.js';

export interface ImportSummary {
  imported: number;
  unchanged: number;
  skipped: Array<{ line: number; reason: string }>;
  /** Vectors written: carried from the export plus embedded here. */
  vectors: number;
  /** Of those, vectors taken from the export (`--with-vectors`) instead of embedded again. */
  vectorsCarried: number;
  /** Why carried vectors were not used, once (e.g. another model than the one loaded). */
  vectorNote: string | null;
}

/**
 * Decides whose vector space carried vectors must belong to: the loaded model's, else the
 * store's, else the first export line's (which then becomes the store's).
 */
class CarriedVectorPolicy {
  private space: VectorSpace | null | undefined;
  note: string | null = null;

  constructor(
    private readonly store: KnowledgeStore,
    private readonly loaded: VectorSpace | null,
  ) {}

  /** The carried vectors of a record by passage, or null when they cannot be used. */
  async vectorsFor(record: ExportRecord): Promise<Map<string, Float32Array> | null> {
    const carried = record.vectors;
    if (!carried || typeof carried.model !== 'string' || !Number.isInteger(carried.dim) || !Array.isArray(carried.passages)) return null;
    if (this.space === undefined) {
      this.space = this.loaded ?? (await this.store.vectorSpace());
      if (!this.space) {
        this.space = { model: carried.model, dim: carried.dim };
        await this.store.useVectorSpace(this.space);
      }
    }
    const space = this.space!;
    if (carried.model !== space.model || carried.dim !== space.dim) {
      this.note ??= `the export's vectors are from ${carried.model} (${carried.dim}-d), the store uses ${space.model} (${space.dim}-d): ${this.loaded ? 'embedded again' : 'imported lexical-only; the next ingest with the model adds vectors'}`;
      return null;
    }
    const byPassage = new Map<string, Float32Array>();
    for (const p of carried.passages)
      if (p && typeof p.vector === 'string') byPassage.set(passageKey(p.section, p.text), vectorFromBase64(p.vector, carried.dim));
    return byPassage;
  }
}

const passageKey = (section: string, text: string) => `${section}\u0000${text}`;

/** An export line back into an article, checked like freshly extracted text. */
export function articleFromRecord(value: unknown): ExtractedArticle {
  if (!value || typeof value !== 'object') throw new Error('not a JSON object');
  const r = value as Partial<ExportRecord>;
  if (typeof r.source !== 'string' || r.source === '') throw new Error('"source" is missing');
  if (typeof r.title !== 'string') throw new Error('"title" is missing');
  if (typeof r.body !== 'string') throw new Error('"body" is missing');
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return validateArticle({
    title: r.title,
    published: text(r.published),
    language: text(r.language) ?? 'und',
    outlet: text(r.outlet),
    url: text(r.url),
    source: text(r.url) ?? basename(r.source),
    location: r.source,
    author: text(r.author),
    body: r.body
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean),
    comments: Array.isArray(r.comments)
      ? r.comments.filter((c) => c && typeof c.text === 'string').map((c) => ({ author: text(c.author), published: text(c.published), text: c.text }))
      : [],
  });
}

/** What every line of one import shares. */
interface ImportRun {
  store: KnowledgeStore;
  sourceId: string;
  embeddings: NewsEmbeddings | null;
  /** The loaded model's vector space, or null without a model. */
  loaded: VectorSpace | null;
  carriedPolicy: CarriedVectorPolicy;
  copies: CopyDetector;
  /** Articles reporting the same event as earlier imported (or stored) ones join their story, as at ingest. */
  stories: EventGrouper;
  summary: ImportSummary;
}

/**
 * Writes exported articles into a store (`npm run import`): chunked and indexed as an ingest
 * would, embedded when the model is available (otherwise the next ingest adds the vectors).
 * Each line is checked and written on its own: a bad line is reported and costs no other.
 */
export async function importRecords(
  store: KnowledgeStore,
  /** Opened only when reading starts: readline drops lines emitted before iteration begins. */
  openLines: () => AsyncIterable<string>,
  options: { embeddings: LoadedEmbeddings; sourceId: string; onLine?: (n: number) => void },
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, unchanged: 0, skipped: [], vectors: 0, vectorsCarried: 0, vectorNote: null };
  const { embeddings } = options.embeddings;
  const loaded = embeddings ? { model: embeddings.modelId, dim: embeddings.dimension } : null;
  if (loaded) await store.useVectorSpace(loaded);
  const run: ImportRun = {
    store,
    sourceId: options.sourceId,
    embeddings,
    loaded,
    carriedPolicy: new CarriedVectorPolicy(store, loaded),
    copies: new CopyDetector(store),
    stories: new EventGrouper(store),
    summary,
  };
  let lineNumber = 0;
  for await (const line of openLines()) {
    lineNumber++;
    options.onLine?.(lineNumber);
    if (line.trim() === '') continue;
    try {
      await importLine(line, run);
    } catch (error) {
      summary.skipped.push({ line: lineNumber, reason: (error as Error).message });
    }
  }
  await store.endWriteBatch();
  summary.vectorNote = run.carriedPolicy.note;
  return summary;
}

/** Imports one export line: unchanged content is left alone, anything else is written with its vectors. */
async function importLine(line: string, run: ImportRun): Promise<void> {
  const { store, summary } = run;
  const record = JSON.parse(line) as ExportRecord;
  const article = articleFromRecord(record);
  const contentHash = contentHashOf(article);
  const existing = await store.documentByKey(article.location);
  if (existing && existing.contentHash === contentHash) {
    summary.unchanged++;
    return;
  }
  const key = { key: article.location, sourceId: run.sourceId, rawHash: `import:${contentHash}`, location: article.location };
  // Copies of a story (exported after their head) are recognised again, as ingest does.
  const story = await run.copies.classify(key.key, article, record.summaryOnly === true);
  const pending = toWrite(key, article, passagesFor(story, article, chunkArticle(article)), contentHash, record.summaryOnly === true);
  pending.write.copyOf = story.copyOf;
  pending.write.fingerprint = story.fingerprint;
  const vectors = await attachVectors(pending, record, run);
  Object.assign(pending.write, await run.stories.place(pending.write));
  await store.writeArticle(pending.write);
  summary.vectors += vectors.attached;
  summary.vectorsCarried += vectors.carried;
  summary.imported++;
}

/**
 * Vectors carried in the export are used for the passages they match (same text); the rest
 * are embedded when the model is loaded. Returns how many vectors were attached, and how many of those carried.
 */
async function attachVectors(pending: PendingArticle, record: ExportRecord, run: ImportRun): Promise<{ attached: number; carried: number }> {
  const carried = await run.carriedPolicy.vectorsFor(record);
  const vectors: Array<Float32Array | null> = pending.write.passages.map((p) => carried?.get(passageKey(p.section, p.text)) ?? null);
  const carriedCount = vectors.filter(Boolean).length;
  const missing = vectors.flatMap((v, i) => (v ? [] : [i]));
  if (run.embeddings && missing.length > 0) {
    const embedded = await embedPassages(
      run.embeddings,
      missing.map((i) => pending.embedTexts[i]!),
    );
    missing.forEach((i, n) => {
      vectors[i] = embedded[n]!;
    });
  }
  if (vectors.some(Boolean)) {
    pending.write.vectors = vectors;
    pending.write.model = run.loaded?.model ?? record.vectors!.model;
  }
  return { attached: vectors.filter(Boolean).length, carried: carriedCount };
}
