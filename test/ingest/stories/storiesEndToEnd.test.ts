import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toExportRecord } from '../../../ingest/exportRecord.js';
import { importRecords } from '../../../ingest/importRecords.js';
import { ingest } from '../../../ingest/pipeline.js';
import { parseSourceEntry } from '../../../ingest/sources/sourceSpecs.js';
import { formatAnswer } from '../../../src/core/answer/format.js';
import { KnowledgeBase } from '../../../src/core/knowledgeBase.js';
import type { LoadedEmbeddings } from '../../../src/embeddings/loadEmbeddings.js';
import { HashingEmbeddings } from '../../../src/embeddings/hashingEmbeddings.js';
import { SqliteStore } from '../../../src/store/sqlite/sqliteStore.js';
import { loaded, unavailable } from '../../support/countingEmbeddings.js';
import { NEWS_EVENTS, writeNewsEvents, type CorpusArticle } from '../../support/newsEventsCorpus.js';
import { tempDir } from '../../support/tempDir.js';

/** Ingests the fictional news corpus (real HTML pages, real extraction) into a fresh SQLite store. */
async function ingestCorpus(model: LoadedEmbeddings, articles: CorpusArticle[] = NEWS_EVENTS, root = tempDir()): Promise<{ store: SqliteStore; root: string }> {
  const pages = join(root, 'pages');
  mkdirSync(pages, { recursive: true });
  writeNewsEvents(pages, articles);
  const summary = await ingest({
    dataDir: join(root, 'data'),
    sources: [parseSourceEntry(pages)],
    embeddings: model,
    fetchTimeoutMs: 2000,
    maxArticleBytes: 100_000,
  });
  expect(summary.skipped).toEqual([]);
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

describe('articles arriving day by day', () => {
  it('are grouped into the same stories as when ingested at once (the undated analysis arriving first)', async () => {
    const root = tempDir();
    const days = [...new Set(NEWS_EVENTS.map((a) => a.published ?? ''))].sort();
    let arrived: CorpusArticle[] = [];
    for (const day of days) {
      arrived = [...arrived, ...NEWS_EVENTS.filter((a) => (a.published ?? '') === day)];
      await (await ingestCorpus(unavailable(), arrived, root)).store.close();
    }
    const { store } = await ingestCorpus(unavailable(), arrived, root);
    try {
      expect(arrived).toHaveLength(NEWS_EVENTS.length);
      expect(await storedStories(store)).toEqual(labelledStories());
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('retrieval over stories several outlets report', () => {
  it('shows each story’s best article before another article of a story already shown, and loses none', async () => {
    const { store } = await ingestCorpus(unavailable());
    try {
      const kb = new KnowledgeBase({ store, embeddings: null, embeddingStatus: unavailable().status });
      const { passages } = await kb.retrieve('Halvik dock strike pay union ships', { k: 20 });
      const shownBy = new Map<number, number>();
      let demotedSeen = false;
      for (const p of passages) {
        expect(p.storyId).toBeDefined();
        const first = shownBy.get(p.storyId!);
        if (first === undefined) {
          // A story's first passage never comes after a demoted one.
          expect(demotedSeen).toBe(false);
          shownBy.set(p.storyId!, p.documentId);
        } else if (first !== p.documentId) demotedSeen = true;
      }
      expect(demotedSeen).toBe(true);
      // Every strike-start article with passages of its own (the wire copy has none) is still there.
      const strikeStart = new Set(NEWS_EVENTS.filter((x) => x.story === 'strike-start').map((x) => x.url));
      const withPassages: string[] = [];
      for await (const a of store.exportArticles()) if (a.url && strikeStart.has(a.url) && a.passages > 0) withPassages.push(a.url);
      expect(withPassages).toHaveLength(3);
      const urls = new Set(passages.map((p) => p.document.url));
      for (const url of withPassages) expect(urls).toContain(url);
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

describe('stories kept in step with their articles', () => {
  it('are made again when an export is imported into another store', async () => {
    const { store } = await ingestCorpus(unavailable());
    const target = SqliteStore.open(join(tempDir(), 'imported'));
    try {
      const lines: string[] = [];
      for await (const article of store.exportArticles()) lines.push(JSON.stringify(toExportRecord(article)));
      const summary = await importRecords(
        target,
        async function* () {
          yield* lines;
        },
        { embeddings: unavailable(), sourceId: 'import' },
      );
      expect(summary).toMatchObject({ imported: NEWS_EVENTS.length, skipped: [] });
      expect(await storedStories(target)).toEqual(labelledStories());
    } finally {
      await store.close();
      await target.close();
    }
  }, 60_000);

  it('re-evaluates the story of an article whose page changed to another event, the rest of its story staying together', async () => {
    const root = tempDir();
    await (await ingestCorpus(unavailable(), NEWS_EVENTS, root)).store.close();
    // The Daily Ledger's strike report is replaced, under the same address, by unrelated news of the same day.
    const changed = NEWS_EVENTS.map((a) =>
      a.file === 'ledger-strike-start.html'
        ? {
            ...a,
            title: 'Museum of Coastal Trades reopens after renovation',
            paragraphs: [
              'The Museum of Coastal Trades in Westbridge reopened on Monday after a renovation that took three years and cost 7 million euros.',
              'Curator Lene Vikra said the new hall shows 40 restored fishing boats and a rope workshop where visitors can try the old methods.',
            ],
          }
        : a,
    );
    const { store } = await ingestCorpus(unavailable(), changed, root);
    try {
      const stories = await storedStories(store);
      const strike = NEWS_EVENTS.filter((a) => a.story === 'strike-start' && a.file !== 'ledger-strike-start.html').map((a) => a.file);
      expect(stories).toContainEqual(['ledger-strike-start.html']);
      expect(stories).toContainEqual(strike.sort());
    } finally {
      await store.close();
    }
  }, 60_000);
});
