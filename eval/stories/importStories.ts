import { join } from 'node:path';
import { importRecords, type ImportSummary } from '../../ingest/importRecords.js';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import type { LoadedEmbeddings } from '../../src/embeddings/loadEmbeddings.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';

/** Documents asked about per stories() call: well under SQLite's bound-parameter limit. */
const STORY_BATCH = 500;

export interface ImportedStories {
  /** Source -> the id of its story's head, for every article the store kept. */
  storyOf: Map<string, string>;
  summary: ImportSummary;
}

/**
 * Imports the dataset's lines into a fresh SQLite store in `workDir` through the real import
 * path (`npm run import`: copy detection and whatever story grouping ingest does), then reads
 * back the story the store gives each document.
 */
export async function importStories(lines: string[], embeddings: LoadedEmbeddings, workDir: string): Promise<ImportedStories> {
  const store = SqliteStore.open(join(workDir, 'data'));
  try {
    const summary = await importRecords(
      store,
      async function* () {
        yield* lines;
      },
      { embeddings, sourceId: 'eval:stories' },
    );
    return { storyOf: await storiesBySource(store), summary };
  } finally {
    await store.close();
  }
}

/** Every stored document's story head, keyed by the document's source (its location). */
async function storiesBySource(store: KnowledgeStore): Promise<Map<string, string>> {
  const locations = new Map<number, string>();
  for await (const article of store.exportArticles()) locations.set(article.id, article.location);
  const ids = [...locations.keys()];
  const storyOf = new Map<string, string>();
  for (let start = 0; start < ids.length; start += STORY_BATCH) {
    const batch = ids.slice(start, start + STORY_BATCH);
    const stories = await store.stories(batch);
    // A document the store reports no story for stands alone.
    for (const id of batch) storyOf.set(locations.get(id)!, String(stories.get(id)?.id ?? id));
  }
  return storyOf;
}
