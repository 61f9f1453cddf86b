import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../ingest/pipeline.js';
import { parseSourceEntry } from '../../../ingest/sources/sourceSpecs.js';
import { formatAnswer } from '../../../src/core/answer/format.js';
import { KnowledgeBase } from '../../../src/core/knowledgeBase.js';
import type { LoadedEmbeddings } from '../../../src/embeddings/loadEmbeddings.js';
import { HashingEmbeddings } from '../../../src/embeddings/hashingEmbeddings.js';
import { SqliteStore } from '../../../src/store/sqlite/sqliteStore.js';
import { loaded, unavailable } from '../../support/countingEmbeddings.js';
import { NEWS_EVENTS, writeNewsEvents } from '../../support/newsEventsCorpus.js';
import { tempDir } from '../../support/tempDir.js';

/** Ingests the fictional news corpus (real HTML pages, real extraction) into a fresh SQLite store. */
async function ingestCorpus(model: LoadedEmbeddings): Promise<{ store: SqliteStore; root: string }> {
  const root = tempDir();
  const pages = join(root, 'pages');
  mkdirSync(pages, { recursive: true });
  writeNewsEvents(pages);
  const summary = await ingest({
    dataDir: join(root, 'data'),
    sources: [parseSourceEntry(pages)],
    embeddings: model,
    fetchTimeoutMs: 2000,
    maxArticleBytes: 100_000,
  });
  expect(summary).toMatchObject({ added: NEWS_EVENTS.length, skipped: [] });
  return { store: SqliteStore.open(join(root, 'data')), root };
}

/** The stories the store made, as sets of corpus labels' files: one sorted list of files per story. */
async function storedStories(store: SqliteStore): Promise<string[][]> {
  const byUrl = new Map(NEWS_EVENTS.map((a) => [a.url, a.file]));
  const documents: Array<{ id: number; file: string }> = [];
  for await (const article of store.exportArticles()) documents.push({ id: article.id, file: byUrl.get(article.url ?? '') ?? article.source });
  const stories = await store.stories(documents.map((d) => d.id));
  const groups = new Map<number, string[]>();
  for (const d of documents) groups.set(stories.get(d.id)!.id, [...(groups.get(stories.get(d.id)!.id) ?? []), d.file]);
  return [...groups.values()].map((files) => files.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

function labelledStories(): string[][] {
  const groups = new Map<string, string[]>();
  for (const a of NEWS_EVENTS) groups.set(a.story, [...(groups.get(a.story) ?? []), a.file]);
  return [...groups.values()].map((files) => files.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

describe.each([
  { name: 'lexically (no model)', load: () => unavailable() },
  { name: 'with the hashing embeddings', load: () => loaded(new HashingEmbeddings()) },
])('articles about one event from several outlets, $name', ({ load }) => {
  it('are grouped into exactly the labelled stories: copies, other outlets, other languages; follow-ups days later and the undated analysis apart', async () => {
    const { store } = await ingestCorpus(load());
    try {
      expect(await storedStories(store)).toEqual(labelledStories());
    } finally {
      await store.close();
    }
  }, 60_000);
});

describe('an answer about a story several outlets report', () => {
  it('cites one article of the story, counts all four and says which other outlets report it', async () => {
    const { store } = await ingestCorpus(unavailable());
    try {
      const kb = new KnowledgeBase({ store, embeddings: null, embeddingStatus: unavailable().status });
      const answer = await kb.ask('How much of a pay rise is the Halvik Dockers Union asking for?');
      expect(answer.noAnswer).toBe(false);
      const strikeStart = NEWS_EVENTS.filter((a) => a.story === 'strike-start');
      const cited = answer.citations.filter((c) => strikeStart.some((a) => a.url === c.url));
      // One citation stands for the story (two articles of it would have been merged into one).
      expect(cited).toHaveLength(1);
      const [citation] = cited;
      expect(citation!.story.articles).toBe(4);
      expect([...citation!.story.outlets].sort()).toEqual([...new Set(strikeStart.map((a) => a.outlet))].sort());
      expect(citation!.story.outlets[0]).toBe(citation!.outlet);
      // The strike's end, four days later, is another story.
      const strikeEnd = NEWS_EVENTS.filter((a) => a.story === 'strike-end').map((a) => a.outlet);
      expect(citation!.story.outlets.some((o) => strikeEnd.includes(o) && !strikeStart.some((a) => a.outlet === o))).toBe(false);
      const others = citation!.story.outlets.filter((o) => o !== citation!.outlet);
      const line = formatAnswer(answer)
        .split('\n')
        .find((l) => l.startsWith(`[${citation!.n}]`))!;
      expect(line).toContain(`also reported by: ${others.slice(0, 2).join(', ')}${others.length > 2 ? `, +${others.length - 2}` : ''}`);
    } finally {
      await store.close();
    }
  }, 60_000);
});
