import { ARTICLES, log } from '../benchScale.js';
import { benchIngestion, type IngestionResult } from '../ingestion.js';
import type { BenchEmbedders } from './embedders.js';

/** A first ingest and a re-ingest of synthetic articles on SQLite. */
export async function ingestionSection(embedders: BenchEmbedders): Promise<IngestionResult> {
  log(`ingestion of ${ARTICLES} articles`);
  return benchIngestion(ARTICLES, embedders.ingestion);
}
