import { describe, expect, it } from 'vitest';
import { IngestLockedError } from '../../src/store/errors.js';
import type { ArticleWrite, KnowledgeStore } from '../../src/store/knowledgeStore.js';

function article(key: string, texts: string[], overrides: Partial<ArticleWrite> = {}): ArticleWrite {
  return {
    key,
    sourceId: '/src',
    rawHash: `raw-${key}`,
    contentHash: `content-${key}-${texts.join('|')}`,
    extractorVersion: 1,
    metadata: { title: `Title ${key}`, published: '2026-01-01', language: 'en', outlet: null, url: null, source: key, location: key, author: null },
    body: texts,
    comments: [{ author: 'Ann', published: null, text: 'A comment.' }],
    summaryOnly: false,
    passages: texts.map((text, position) => ({ position, section: 'body', text, terms: text.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '') })),
    vectors: texts.map((_, i) => Float32Array.from([1, i + 1, 0])),
    model: 'm',
    ...overrides,
  };
}

/**
 * The behaviour every KnowledgeStore backend must have. Each backend's test file calls this
 * with a function that opens a fresh, empty store (SQLite today; PostgreSQL next).
 */
export function knowledgeStoreContract(backend: string, openEmpty: () => Promise<KnowledgeStore> | KnowledgeStore): void {
  describe(`KnowledgeStore contract: ${backend}`, () => {
    it('writes an article with passages and vectors, finds it by key and hash, and replaces it atomically', async () => {
      const store = await openEmpty();
      try {
        expect(store.useVectorSpace({ model: 'm', dim: 3 })).toBe(true);
        const first = store.writeArticle(article('a', ['the harbour reopened', 'ferries run again']));
        expect(first.added).toHaveLength(2);
        expect(store.documentByKey('a')).toMatchObject({ key: 'a', viaAlias: false, title: 'Title a' });
        expect(store.documentByContentHash(store.documentByKey('a')!.contentHash)?.key).toBe('a');
        expect(store.vectorSearch(Float32Array.from([1, 1, 0]), 1)[0]!.id).toBe(first.added[0]!.id);
        const second = store.writeArticle(article('a', ['the harbour closed again']));
        expect(second.removedPassageIds.sort()).toEqual(first.added.map((p) => p.id).sort());
        expect(store.stats()).toMatchObject({ documents: 1, passages: 1, vectors: 1 });
        expect(store.lexicalSearch(['closed'], 10).map((h) => h.id)).toEqual([second.added[0]!.id]);
        expect(store.lexicalSearch(['ferries'], 10)).toEqual([]);
        expect(store.passagesByIds([second.added[0]!.id])[0]).toMatchObject({ section: 'body', text: 'the harbour closed again', document: { key: 'a' } });
      } finally {
        store.close();
      }
    });

    it('keeps aliases, removes by key, and exports what it stores', async () => {
      const store = await openEmpty();
      try {
        const written = store.writeArticle(article('a', ['one story told once']));
        const id = store.documentByKey('a')!.id;
        store.addAlias('b', id, '/other', 'raw-b');
        expect(store.documentByKey('b')).toMatchObject({ id, viaAlias: true, aliasRawHash: 'raw-b' });
        expect(store.keysForSource('/other')).toEqual(['b']);
        const [exported] = [...store.exportArticles()];
        expect(exported).toMatchObject({ key: 'a', body: 'one story told once', comments: [{ author: 'Ann', published: null, text: 'A comment.' }], passages: 1 });
        store.updateRawHash(id, 'raw-new');
        expect(store.documentByKey('a')!.rawHash).toBe('raw-new');
        expect(store.removeKeys(['b'])).toBe(0); // only the alias went
        expect(store.removeKeys(['a'])).toBe(written.added.length);
        expect(store.stats().documents).toBe(0);
      } finally {
        store.close();
      }
    });

    it('answers vocabulary questions, filters by date, and keeps runs, validators and summary-only marks', async () => {
      const store = await openEmpty();
      try {
        store.writeArticle(article('old', ['election results announced'], { metadata: { ...article('old', []).metadata, published: '2020-05-01' } }));
        store.writeArticle(article('new', ['election campaign starts'], { metadata: { ...article('new', []).metadata, published: '2026-05-01' }, summaryOnly: true }));
        expect(store.passageCount()).toBe(2);
        expect(store.passageFrequency(['election'])).toBe(2);
        expect(store.hasTerm('campaign')).toBe(true);
        expect(store.hasTerm('zebra')).toBe(false);
        expect(store.lexicalSearch(['election'], 10, { since: '2025-01-01' })).toHaveLength(1);
        expect(store.hasSummaryOnly('/src')).toBe(true);
        const run = store.beginRun('2026-05-02T00:00:00Z');
        store.finishRun(run, 'ok', '2026-05-02T00:01:00Z', { added: 2 });
        expect(store.lastRun()).toMatchObject({ status: 'ok', summary: { added: 2 } });
        store.setHttpValidators('https://x.example/feed', { etag: '"v1"' });
        expect(store.httpValidators('https://x.example/feed')).toEqual({ etag: '"v1"' });
        const release = store.lockForIngest();
        expect(() => store.lockForIngest()).toThrow(IngestLockedError);
        release();
        store.lockForIngest()();
      } finally {
        store.close();
      }
    });
  });
}
