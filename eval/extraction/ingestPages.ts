import { ingest } from '../../ingest/pipeline.js';
import { parseLocation } from '../../ingest/sources/sourceSpecs.js';
import type { IngestSummary } from '../../ingest/summary.js';
import type { ExtractedComment } from '../../src/core/types.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';

export interface StoredText {
  body: string;
  comments: ExtractedComment[];
}

/**
 * Runs the production ingestion (no embedding model: only the extraction is scored) over a
 * folder of pages and returns what it stored per file, with the pages it skipped.
 */
export async function ingestPages(pagesDir: string, dataDir: string): Promise<{ stored: Map<string, StoredText>; skipped: IngestSummary['skipped'] }> {
  const summary = await ingest({
    dataDir,
    sources: [parseLocation(pagesDir)],
    embeddings: { embeddings: null, status: { model: 'none', available: false, dimension: null, reason: 'not needed to score extraction' } },
    fetchTimeoutMs: 10_000,
    maxArticleBytes: 20_000_000,
  });
  const store = SqliteStore.open(dataDir);
  const stored = new Map<string, StoredText>();
  for await (const article of store.exportArticles()) stored.set(article.location, { body: article.body, comments: article.comments });
  await store.close();
  return { stored, skipped: summary.skipped };
}
