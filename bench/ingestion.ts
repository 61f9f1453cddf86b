import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../ingest/pipeline.js';
import { parseSourceEntry } from '../ingest/sources/sourceSpecs.js';
import type { LoadedEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import type { KnowledgeStore } from '../src/core/ports/knowledgeStore.js';
import { makeVocabulary, sentence, zipfSampler } from './synthetic.js';

export interface IngestionResult {
  articles: number;
  /** First-ingest throughput. */
  articlesPerSecond: number;
  passages: number;
  embedder: string;
  firstSeconds: number;
  embeddingSeconds: number;
  shareOutsideModel: number;
  overheadMsPerArticle: number;
  reingestSeconds: number;
  reingestSpeedup: number;
  /** Bytes in the data folder after the first ingest (SQLite store, vector graph); null on PostgreSQL. */
  diskBytes: number | null;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/** Writes `count` article files (title, dateline, four paragraphs, a comment thread). */
export function writeSyntheticArticles(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const word = zipfSampler(makeVocabulary(20_000), 17);
  for (let i = 0; i < count; i++) {
    const paragraphs = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => sentence(word, 14)).join(' '));
    const comments = Array.from({ length: 2 }, (_, c) => `  • reader${c}\n\n${sentence(word, 10)}`);
    writeFileSync(
      join(dir, `article-${String(i).padStart(5, '0')}.txt`),
      `${sentence(word, 7).slice(0, -1)}\n\n${1 + (i % 28)} March 2026\n\n${paragraphs.join('\n\n')}\n\n${comments.join('\n\n')}\n`,
    );
  }
}

/**
 * First ingest of a synthetic corpus through the production pipeline, then an unchanged
 * re-ingest: into SQLite in a temporary folder, or into the store `store` (PostgreSQL).
 */
export async function benchIngestion(count: number, embeddings: LoadedEmbeddings, store?: KnowledgeStore): Promise<IngestionResult> {
  const root = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  try {
    writeSyntheticArticles(join(root, 'docs'), count);
    const options = {
      dataDir: join(root, 'data'),
      sources: [parseSourceEntry(join(root, 'docs'))],
      embeddings,
      fetchTimeoutMs: 1000,
      maxArticleBytes: 1e6,
      store,
    };
    let t = performance.now();
    const first = await ingest(options);
    const firstSeconds = (performance.now() - t) / 1000;
    const diskBytes = store ? null : folderBytes(options.dataDir);
    t = performance.now();
    const again = await ingest(options);
    const reingestSeconds = (performance.now() - t) / 1000;
    if (again.unchanged !== count) throw new Error(`re-ingest saw ${again.unchanged} unchanged articles, expected ${count}`);
    const embeddingSeconds = first.embeddingMs / 1000;
    return {
      articles: first.added,
      articlesPerSecond: first.added / firstSeconds,
      passages: first.totalPassages,
      embedder: embeddings.status.model,
      firstSeconds,
      embeddingSeconds,
      shareOutsideModel: (firstSeconds - embeddingSeconds) / firstSeconds,
      overheadMsPerArticle: ((firstSeconds - embeddingSeconds) * 1000) / count,
      reingestSeconds,
      reingestSpeedup: firstSeconds / reingestSeconds,
      diskBytes,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
