import { basename } from 'node:path';
import type { ExtractedArticle } from '../src/core/types.js';
import { embedPassages, type LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import type { KnowledgeStore } from '../src/store/knowledgeStore.js';
import { chunkArticle } from './chunk.js';
import type { ExportRecord } from './exportRecord.js';
import { contentHashOf, toWrite } from './pipeline.js';
import { validateArticle } from './validateArticle.js';

export interface ImportSummary {
  imported: number;
  unchanged: number;
  skipped: Array<{ line: number; reason: string }>;
  vectors: number;
}

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
    body: r.body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean),
    comments: Array.isArray(r.comments)
      ? r.comments.filter((c) => c && typeof c.text === 'string').map((c) => ({ author: text(c.author), published: text(c.published), text: c.text }))
      : [],
  });
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
  const summary: ImportSummary = { imported: 0, unchanged: 0, skipped: [], vectors: 0 };
  const { embeddings } = options.embeddings;
  if (embeddings) await store.useVectorSpace({ model: embeddings.modelId, dim: embeddings.dimension });
  let lineNumber = 0;
  for await (const line of openLines()) {
    lineNumber++;
    options.onLine?.(lineNumber);
    if (line.trim() === '') continue;
    try {
      const record = JSON.parse(line) as ExportRecord;
      const article = articleFromRecord(record);
      const contentHash = contentHashOf(article);
      const existing = await store.documentByKey(article.location);
      if (existing && existing.contentHash === contentHash) {
        summary.unchanged++;
        continue;
      }
      const key = { key: article.location, sourceId: options.sourceId, rawHash: `import:${contentHash}`, location: article.location };
      const pending = toWrite(key, article, chunkArticle(article), contentHash, record.summaryOnly === true);
      if (embeddings && pending.embedTexts.length > 0) {
        pending.write.vectors = await embedPassages(embeddings, pending.embedTexts);
        pending.write.model = embeddings.modelId;
      }
      const result = await store.writeArticle(pending.write);
      if (pending.write.vectors) summary.vectors += result.added.length;
      summary.imported++;
    } catch (error) {
      summary.skipped.push({ line: lineNumber, reason: (error as Error).message });
    }
  }
  await store.flushVectorIndex();
  return summary;
}
