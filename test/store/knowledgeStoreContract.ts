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
        expect(await store.useVectorSpace({ model: 'm', dim: 3 })).toBe(true);
        const first = await store.writeArticle(article('a', ['the harbour reopened', 'ferries run again']));
        expect(first.added).toHaveLength(2);
        expect(await store.documentByKey('a')).toMatchObject({ key: 'a', viaAlias: false, title: 'Title a' });
        expect((await store.documentByContentHash((await store.documentByKey('a'))!.contentHash))?.key).toBe('a');
        expect((await store.vectorSearch(Float32Array.from([1, 1, 0]), 1))[0]!.id).toBe(first.added[0]!.id);
        const second = await store.writeArticle(article('a', ['the harbour closed again']));
        expect(second.removedPassageIds.sort()).toEqual(first.added.map((p) => p.id).sort());
        expect(await store.stats()).toMatchObject({ documents: 1, passages: 1, vectors: 1 });
        expect((await store.lexicalSearch(['closed'], 10)).map((h) => h.id)).toEqual([second.added[0]!.id]);
        expect(await store.lexicalSearch(['ferries'], 10)).toEqual([]);
        expect((await store.passagesByIds([second.added[0]!.id]))[0]).toMatchObject({ section: 'body', text: 'the harbour closed again', document: { key: 'a' } });
      } finally {
        await store.close();
      }
    });

    it('records each source\'s fetch status (for backoff and /status) and replaces it', async () => {
      const store = await openEmpty();
      try {
        expect(await store.sourceStatus('https://a.example/feed')).toBeUndefined();
        expect(await store.sourceStatuses()).toEqual([]);
        const failing = { sourceId: 'https://b.example/feed', lastSuccessAt: '2026-03-01T08:00:00.000Z', lastErrorAt: '2026-03-01T10:00:00.000Z', lastError: 'HTTP 503 Service Unavailable', consecutiveFailures: 2, nextAttemptAt: '2026-03-01T10:30:00.000Z' };
        const fine = { sourceId: 'https://a.example/feed', lastSuccessAt: '2026-03-01T10:00:00.000Z', lastErrorAt: null, lastError: null, consecutiveFailures: 0, nextAttemptAt: null };
        await store.recordSourceStatus(failing);
        await store.recordSourceStatus(fine);
        expect(await store.sourceStatus(failing.sourceId)).toEqual(failing);
        expect(await store.sourceStatuses()).toEqual([fine, failing]);
        const recovered = { ...failing, consecutiveFailures: 0, nextAttemptAt: null, lastSuccessAt: '2026-03-01T11:00:00.000Z' };
        await store.recordSourceStatus(recovered);
        expect(await store.sourceStatus(failing.sourceId)).toEqual(recovered);
        expect(await store.sourceStatuses()).toHaveLength(2);
      } finally {
        await store.close();
      }
    });

    it('keeps aliases, removes by key, and exports what it stores', async () => {
      const store = await openEmpty();
      try {
        const written = await store.writeArticle(article('a', ['one story told once']));
        const id = (await store.documentByKey('a'))!.id;
        await store.addAlias('b', id, '/other', 'raw-b');
        expect(await store.documentByKey('b')).toMatchObject({ id, viaAlias: true, aliasRawHash: 'raw-b' });
        expect(await store.keysForSource('/other')).toEqual(['b']);
        const exported = [];
        for await (const a of store.exportArticles()) exported.push(a);
        expect(exported).toHaveLength(1);
        expect(exported[0]).toMatchObject({ key: 'a', body: 'one story told once', comments: [{ author: 'Ann', published: null, text: 'A comment.' }], passages: 1 });
        expect(exported[0]!.passageVectors).toBeUndefined();
        // With vectors: each passage with its vector in the store's space (none before a space is set).
        const withoutSpace = [];
        for await (const a of store.exportArticles({ withVectors: true })) withoutSpace.push(a);
        expect(withoutSpace[0]!.passageVectors).toBeUndefined();
        await store.useVectorSpace({ model: 'm', dim: 3 });
        await store.storeVectors('m', [{ id: written.added[0]!.id, vector: Float32Array.from([0.5, 0.25, 1]) }]);
        const withVectors = [];
        for await (const a of store.exportArticles({ withVectors: true })) withVectors.push(a);
        expect(withVectors[0]!.passageVectors).toEqual({ model: 'm', dim: 3, passages: [{ section: 'body', text: 'one story told once', vector: Float32Array.from([0.5, 0.25, 1]) }] });
        await store.updateRawHash(id, 'raw-new');
        expect((await store.documentByKey('a'))!.rawHash).toBe('raw-new');
        expect(await store.removeKeys(['b'])).toBe(0); // only the alias went
        expect(await store.removeKeys(['a'])).toBe(written.added.length);
        expect((await store.stats()).documents).toBe(0);
      } finally {
        await store.close();
      }
    });

    it('gives calibration probes spread over the store and keeps the calibration with its parts', async () => {
      const store = await openEmpty();
      try {
        await store.useVectorSpace({ model: 'm', dim: 3 });
        for (const key of ['a', 'b', 'c', 'd']) await store.writeArticle(article(key, [`passage one of ${key}`, `passage two of ${key}`]));
        await store.writeArticle(article('e', ['a passage of another model'], { model: 'other' }));
        const probes = await store.probePassages('m', 5);
        expect(probes).toHaveLength(5);
        expect(new Set(probes.map((p) => p.documentId)).size).toBeGreaterThan(1); // spread, not the first article's passages
        expect(probes[0]).toMatchObject({ id: expect.any(Number), text: expect.stringMatching(/^passage/), language: 'en' });
        expect(probes[0]!.vector).toBeInstanceOf(Float32Array);
        expect(await store.probePassages('m', 5)).toEqual(probes); // the same sample each time
        expect(await store.probePassages('unknown', 5)).toEqual([]);

        expect(await store.calibration()).toEqual({ vector: null, operatingPoint: null });
        const vector = { model: 'm', dim: 3, probes: 8, passages: 9, measuredAt: '2026-01-01T00:00:00.000Z', unrelatedMedian: 0.1, unrelatedHigh: 0.3, relatedMedian: 0.7, separatedShare: 0.9, separates: true };
        await store.saveCalibration({ vector });
        const point = { minRelevance: 0.4, minVectorMargin: Infinity, model: 'm', questions: 10, wronglyDeclined: 0.05, honest: 0.8, fittedAt: '2026-01-02T00:00:00.000Z' };
        await store.saveCalibration({ operatingPoint: point });
        expect(await store.calibration()).toEqual({ vector, operatingPoint: point });
        await store.saveCalibration({ vector: null });
        expect(await store.calibration()).toEqual({ vector: null, operatingPoint: point });
      } finally {
        await store.close();
      }
    });

    it('answers vocabulary questions, filters by date, and keeps runs, validators and summary-only marks', async () => {
      const store = await openEmpty();
      try {
        await store.writeArticle(article('old', ['election results announced'], { metadata: { ...article('old', []).metadata, published: '2020-05-01' } }));
        await store.writeArticle(article('new', ['election campaign starts'], { metadata: { ...article('new', []).metadata, published: '2026-05-01' }, summaryOnly: true }));
        expect(await store.passageCount()).toBe(2);
        expect(await store.passageFrequencies([['election'], ['campaign', 'results'], ['zebra']])).toEqual([2, 2, 0]);
        expect(await store.knownTerms(['campaign', 'zebra', 'election'])).toEqual(new Set(['campaign', 'election']));
        expect(await store.lexicalSearch(['election'], 10, { since: '2025-01-01' })).toHaveLength(1);
        expect(await store.hasSummaryOnly('/src')).toBe(true);
        const run = await store.beginRun('2026-05-02T00:00:00Z');
        await store.finishRun(run, 'ok', '2026-05-02T00:01:00Z', { added: 2 });
        expect(await store.lastRun()).toMatchObject({ status: 'ok', summary: { added: 2 } });
        await store.setHttpValidators('https://x.example/feed', { etag: '"v1"' });
        expect(await store.httpValidators('https://x.example/feed')).toEqual({ etag: '"v1"' });
        const release = await store.lockForIngest();
        await expect(store.lockForIngest()).rejects.toThrow(IngestLockedError);
        await release();
        await (await store.lockForIngest())();
      } finally {
        await store.close();
      }
    });
  });
}
