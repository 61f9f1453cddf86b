import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleWrite } from '../../src/core/ports/knowledgeStore.js';
import { ftsPatterns } from '../../src/store/ftsQuery.js';
import { buildLexiconInThread } from '../../src/store/sqlite/lexiconBuild.js';
import { LexiconKeeper, SETTLE_MS } from '../../src/store/sqlite/lexiconKeeper.js';
import { MemoryLexicon } from '../../src/store/sqlite/memoryLexicon.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { indexTerms } from '../../src/core/text/terms.js';
import { ARTICLES } from '../support/articles.js';
import { tempDir } from '../support/tempDir.js';

function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

// Real words of three languages (folded and stemmed as ingestion does) plus made-up ones,
// drawn with a skewed distribution so some terms are common and prefixes overlap.
const REAL = Object.values(ARTICLES).flatMap((text) => [...indexTerms(text, 'en'), ...indexTerms(text, 'de'), ...indexTerms(text, 'it')]);
const MADE_UP = Array.from(
  { length: 300 },
  (_, i) => `ter${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))}${i % 13 === 0 ? '' : i}`,
);
const WORDS = [...new Set([...REAL, ...MADE_UP])];

function passageTerms(random: () => number): string {
  const length = 5 + Math.floor(random() * 60);
  return Array.from({ length }, () => WORDS[Math.floor(random() ** 2.5 * WORDS.length)]!).join(' ');
}

function article(key: string, terms: string[]): ArticleWrite {
  return {
    key,
    sourceId: '/src',
    rawHash: `raw-${key}`,
    contentHash: `content-${key}`,
    extractorVersion: 1,
    metadata: { title: key, published: '2026-01-01', language: 'en', outlet: null, url: null, source: key, location: key, author: null },
    body: terms,
    comments: [],
    summaryOnly: false,
    passages: terms.map((t, position) => ({ position, section: 'body' as const, text: t, terms: t })),
    vectors: null,
    model: null,
  };
}

async function storeWithPassages(count: number, seed = 5): Promise<SqliteStore> {
  const random = seeded(seed);
  const store = SqliteStore.open(join(tempDir(), 'data'));
  for (let a = 0; a < count / 4; a++)
    await store.writeArticle(
      article(
        `a${a}`,
        Array.from({ length: 4 }, () => passageTerms(random)),
      ),
    );
  return store;
}

function randomForms(random: () => number): string[] {
  return Array.from({ length: 1 + Math.floor(random() * 5) }, () => {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    return random() < 0.3 && word.length > 6 ? word.slice(0, 5 + Math.floor(random() * (word.length - 5))) : word;
  });
}

describe('in-memory lexical index', () => {
  it('ranks exactly as FTS5 bm25 does: same passages, same scores, same order, prefixes included', async () => {
    const store = await storeWithPassages(600);
    const random = seeded(99);
    const queries = Array.from({ length: 300 }, () => randomForms(random));
    const viaFts = queries.map((forms) => store.lexicon.search(forms, 1000));
    const frequenciesViaFts = store.lexicon.passageFrequencies(queries);
    const countViaFts = store.lexicon.passageCount();
    const knownViaFts = store.lexicon.knownTerms(WORDS.slice(0, 200));
    expect(await store.warmUpForQuestions()).toBe(true);

    let compared = 0;
    queries.forEach((forms, i) => {
      const inMemory = store.lexicon.search(forms, 1000);
      expect(inMemory.map((h) => h.id).sort((a, b) => a - b)).toEqual(viaFts[i]!.map((h) => h.id).sort((a, b) => a - b));
      const ftsScore = new Map(viaFts[i]!.map((h) => [h.id, h.bm25]));
      for (const hit of inMemory) expect(hit.bm25).toBeCloseTo(ftsScore.get(hit.id)!, 9);
      // Order: identical wherever scores differ (FTS5 leaves the order of exact ties open).
      for (let k = 1; k < inMemory.length; k++) expect(inMemory[k - 1]!.bm25).toBeLessThanOrEqual(inMemory[k]!.bm25);
      compared += inMemory.length;
    });
    expect(compared).toBeGreaterThan(1000); // the queries really matched
    expect(store.lexicon.passageCount()).toBe(countViaFts);
    expect(store.lexicon.passageFrequencies(queries)).toEqual(frequenciesViaFts);
    expect(store.lexicon.knownTerms(WORDS.slice(0, 200))).toEqual(knownViaFts);
    expect(knownViaFts.size).toBeGreaterThan(50);
    expect(store.lexicon.search(queries[0]!, 5)).toEqual(store.lexicon.search(queries[0]!, 1000).slice(0, 5));
    await store.close();
  });

  it('never answers from a stale copy: a write anywhere switches searches to FTS5 until the store has settled and the copy is rebuilt', async () => {
    const store = await storeWithPassages(40);
    expect(await store.warmUpForQuestions()).toBe(true);
    // Another process writes (a CLI ingest): a second handle on the same files.
    const other = SqliteStore.open(store.dataDir);
    await other.writeArticle(article('fresh', ['zanzibarwort harbour']));
    await other.close();
    const hits = store.lexicon.search(['zanzibarwort'], 10);
    expect(hits).toHaveLength(1);
    expect(store.lexicon.knownTerms(['zanzibarwort']).has('zanzibarwort')).toBe(true);
    expect(await store.warmUpForQuestions()).toBe(true); // rebuilt on demand (the bot waits for SETTLE_MS)
    expect(store.lexicon.search(['zanzibarwort'], 10)).toEqual(hits);
    await store.close();
  });

  it('rebuilds only after the store has stayed unchanged for a while, and drops a build that a write overtook', async () => {
    let generation = 1;
    let clock = 0;
    let builds = 0;
    const lexiconOf = (snapshot: number) => {
      const builder = MemoryLexicon.builder();
      for (let id = 1; id <= 4500; id++) builder.add(id, `alpha beta${id % 7}`);
      return builder.finish(snapshot);
    };
    const keeper = new LexiconKeeper(
      {
        generation: () => generation,
        build: async () => {
          builds++;
          const snapshot = generation;
          if (builds === 1) generation++; // a write lands while the first build runs
          return lexiconOf(snapshot);
        },
      },
      () => undefined,
      () => clock,
    );
    expect(await keeper.rebuild()).toBe(false); // overtaken: nothing stale installed
    expect(keeper.current()).toBeNull();
    clock += SETTLE_MS - 1;
    expect(keeper.current()).toBeNull(); // not settled yet: no build started
    expect(builds).toBe(1);
    clock += 1;
    expect(keeper.current()).toBeNull(); // settled: a build starts in the background
    expect(builds).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(keeper.current()?.passageCount).toBe(4500);
    expect(keeper.current()?.search(ftsPatterns(['alpha']), 3)).toHaveLength(3);
    keeper.close();
    expect(keeper.current()).toBeNull();
  });

  it('builds in a worker thread from the database file, and a failed build leaves searches on FTS5', async () => {
    const store = await storeWithPassages(20);
    const built = await buildLexiconInThread(store.sqlite.path);
    expect(built.passageCount).toBe(20);
    expect(built.generation).toBe(store.sqlite.generation());
    await expect(buildLexiconInThread(join(tempDir(), 'missing.db'))).rejects.toThrow();
    const logged: string[] = [];
    const keeper = new LexiconKeeper({ generation: () => 1, build: () => buildLexiconInThread(join(tempDir(), 'missing.db')) }, (m) => logged.push(m));
    expect(await keeper.rebuild()).toBe(false);
    expect(keeper.current()).toBeNull();
    expect(logged.join('\n')).toMatch(/not built/);
    await store.close();
  });

  it('handles an empty store and empty queries', () => {
    const empty = MemoryLexicon.builder().finish(0);
    expect(empty.search(ftsPatterns(['anything']), 10)).toEqual([]);
    const one = MemoryLexicon.builder();
    one.add(7, 'solo  word ');
    const lexicon = one.finish(1);
    expect(lexicon.search([], 10)).toEqual([]);
    expect(lexicon.search(ftsPatterns(['solo']), 10).map((h) => h.id)).toEqual([7]);
    expect(lexicon.documentFrequency({ term: 'wor', prefix: true })).toBe(1);
  });
});
