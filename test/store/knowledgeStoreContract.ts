import { describe, expect, it } from 'vitest';
import { IngestLockedError } from '../../src/store/errors.js';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import { article, fingerprint, withOpenedStore } from './storeFixtures.js';
import { storiesContract } from './storiesContract.js';

/** A copy as ingest writes one: no passages of its body (a test that gives a copy a reader comment adds that passage itself). */
const COPY = { comments: [], passages: [], vectors: null };

/** One story: head "h" (outlet A) with copies "c1" (B) and "c2" (A again), stored without body passages. */
async function writeStory(store: KnowledgeStore): Promise<{ head: number; c1: number; c2: number; passages: number[] }> {
  const written = await store.writeArticle(
    article('h', ['the tram line was approved', 'work starts in spring'], {
      metadata: { ...article('h', []).metadata, outlet: 'Outlet A' },
      comments: [],
      fingerprint: fingerprint(1, ['b1', 'b2']),
    }),
  );
  for (const [key, outlet] of [
    ['c1', 'Outlet B'],
    ['c2', 'Outlet A'],
  ] as const) {
    const copy = await store.writeArticle(
      article(key, ['Edition 2.', 'the tram line was approved', 'work starts in spring'], {
        metadata: { ...article(key, []).metadata, outlet },
        ...COPY,
        copyOf: 'h',
        fingerprint: fingerprint(2, ['b1', 'b3']),
      }),
    );
    expect(copy.added).toEqual([]);
  }
  const id = async (key: string) => (await store.documentByKey(key))!.id;
  return { head: await id('h'), c1: await id('c1'), c2: await id('c2'), passages: written.added.map((p) => p.id) };
}

/** What a backend's contract test file gives the contract besides fresh stores. */
export interface ContractHooks<S extends KnowledgeStore> {
  /** Records in the store a schema version newer than this program's, then opens the same store again. */
  reopenWithNewerSchema(store: S): Promise<S> | S;
}

/**
 * The behaviour every KnowledgeStore backend must have, each storage rule included. Each
 * backend's test file (sqliteStoreContract.test.ts, pgStoreContract.test.ts) calls this with
 * a function that opens a fresh, empty store.
 */
export function knowledgeStoreContract<S extends KnowledgeStore>(backend: string, openEmpty: () => Promise<S> | S, hooks: ContractHooks<S>): void {
  /** Runs `test` on a fresh, empty store and closes it afterwards, whatever happens. */
  const withEmptyStore = (test: (store: S) => Promise<void>) => withOpenedStore(openEmpty, test);

  describe(`KnowledgeStore contract: ${backend}`, () => {
    it('writes an article with passages and vectors, finds it by key and hash, and replaces it atomically', async () => {
      await withEmptyStore(async (store) => {
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
        expect((await store.passagesByIds([second.added[0]!.id]))[0]).toMatchObject({
          section: 'body',
          text: 'the harbour closed again',
          document: { key: 'a' },
        });
      });
    });

    it("records each source's fetch status (for backoff and /status) and replaces it", async () => {
      await withEmptyStore(async (store) => {
        expect(await store.sourceStatus('https://a.example/feed')).toBeUndefined();
        expect(await store.sourceStatuses()).toEqual([]);
        const failing = {
          sourceId: 'https://b.example/feed',
          lastSuccessAt: '2026-03-01T08:00:00.000Z',
          lastErrorAt: '2026-03-01T10:00:00.000Z',
          lastError: 'HTTP 503 Service Unavailable',
          consecutiveFailures: 2,
          nextAttemptAt: '2026-03-01T10:30:00.000Z',
        };
        const fine = {
          sourceId: 'https://a.example/feed',
          lastSuccessAt: '2026-03-01T10:00:00.000Z',
          lastErrorAt: null,
          lastError: null,
          consecutiveFailures: 0,
          nextAttemptAt: null,
        };
        await store.recordSourceStatus(failing);
        await store.recordSourceStatus(fine);
        expect(await store.sourceStatus(failing.sourceId)).toEqual(failing);
        expect(await store.sourceStatuses()).toEqual([fine, failing]);
        const recovered = { ...failing, consecutiveFailures: 0, nextAttemptAt: null, lastSuccessAt: '2026-03-01T11:00:00.000Z' };
        await store.recordSourceStatus(recovered);
        expect(await store.sourceStatus(failing.sourceId)).toEqual(recovered);
        expect(await store.sourceStatuses()).toHaveLength(2);
      });
    });

    it('keeps aliases, removes by key, and exports what it stores', async () => {
      await withEmptyStore(async (store) => {
        const written = await store.writeArticle(article('a', ['one story told once']));
        const id = (await store.documentByKey('a'))!.id;
        await store.addAlias('b', id, '/other', 'raw-b');
        expect(await store.documentByKey('b')).toMatchObject({ id, viaAlias: true, aliasRawHash: 'raw-b' });
        expect(await store.keysForSource('/other')).toEqual(['b']);
        const exported = [];
        for await (const a of store.exportArticles()) exported.push(a);
        expect(exported).toHaveLength(1);
        expect(exported[0]).toMatchObject({
          key: 'a',
          body: 'one story told once',
          comments: [{ author: 'Ann', published: null, text: 'A comment.' }],
          passages: 1,
        });
        expect(exported[0]!.passageVectors).toBeUndefined();
        // With vectors: each passage with its vector in the store's space (none before a space is set).
        const withoutSpace = [];
        for await (const a of store.exportArticles({ withVectors: true })) withoutSpace.push(a);
        expect(withoutSpace[0]!.passageVectors).toBeUndefined();
        await store.useVectorSpace({ model: 'm', dim: 3 });
        await store.storeVectors('m', [{ id: written.added[0]!.id, vector: Float32Array.from([0.5, 0.25, 1]) }]);
        const withVectors = [];
        for await (const a of store.exportArticles({ withVectors: true })) withVectors.push(a);
        expect(withVectors[0]!.passageVectors).toEqual({
          model: 'm',
          dim: 3,
          passages: [{ section: 'body', text: 'one story told once', vector: Float32Array.from([0.5, 0.25, 1]) }],
        });
        await store.updateRawHash(id, 'raw-new');
        expect((await store.documentByKey('a'))!.rawHash).toBe('raw-new');
        expect(await store.removeKeys(['b'])).toBe(0); // only the alias went
        expect(await store.removeKeys(['a'])).toBe(written.added.length);
        expect((await store.stats()).documents).toBe(0);
      });
    });

    it('gives calibration probes spread over the store and keeps the calibration with its parts', async () => {
      await withEmptyStore(async (store) => {
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
        const vector = {
          model: 'm',
          dim: 3,
          probes: 8,
          passages: 9,
          measuredAt: '2026-01-01T00:00:00.000Z',
          unrelatedMedian: 0.1,
          unrelatedHigh: 0.3,
          relatedMedian: 0.7,
          separatedShare: 0.9,
          separates: true,
        };
        await store.saveCalibration({ vector });
        const point = {
          minRelevance: 0.4,
          minVectorMargin: Infinity,
          model: 'm',
          questions: 10,
          wronglyDeclined: 0.05,
          honest: 0.8,
          fittedAt: '2026-01-02T00:00:00.000Z',
        };
        await store.saveCalibration({ operatingPoint: point });
        expect(await store.calibration()).toEqual({ vector, operatingPoint: point });
        await store.saveCalibration({ vector: null });
        expect(await store.calibration()).toEqual({ vector: null, operatingPoint: point });
      });
    });

    it('keeps near-identical copies of a story without passages, found through their head by band, told as one story', async () => {
      await withEmptyStore(async (store) => {
        await store.useVectorSpace({ model: 'm', dim: 3 });
        const { head, c1, c2, passages } = await writeStory(store);
        expect(await store.stats()).toMatchObject({ documents: 3, passages: 2, vectors: 2 });
        expect((await store.lexicalSearch(['tram'], 10)).map((h) => h.id)).toEqual([passages[0]]);
        expect(await store.passageFrequencies([['tram']])).toEqual([1]);
        // Only heads are candidates, with the signature they were written with.
        const candidates = await store.copyCandidates(['b3', 'b1', 'zz']);
        expect(candidates.map((c) => ({ id: c.id, key: c.key, signature: Array.from(c.signature) }))).toEqual([
          { id: head, key: 'h', signature: Array.from(fingerprint(1, []).signature) },
        ]);
        expect(await store.copyCandidates(['b3'])).toEqual([]);
        const stories = await store.stories([head, c1, 999_999]);
        expect(stories.get(head)).toEqual({ id: head, articles: 3, outlets: ['Outlet A', 'Outlet B'] });
        expect(stories.get(c1)).toEqual({ id: head, articles: 3, outlets: ['Outlet B', 'Outlet A'] });
        expect(stories.has(999_999)).toBe(false);
        // Copies are articles of their own for export and for their sources.
        const exported = [];
        for await (const a of store.exportArticles()) exported.push({ key: a.key, passages: a.passages, body: a.body });
        expect(exported).toEqual([
          { key: 'h', passages: 2, body: 'the tram line was approved\n\nwork starts in spring' },
          { key: 'c1', passages: 0, body: 'Edition 2.\n\nthe tram line was approved\n\nwork starts in spring' },
          { key: 'c2', passages: 0, body: 'Edition 2.\n\nthe tram line was approved\n\nwork starts in spring' },
        ]);
        expect((await store.stories([c2])).get(c2)?.articles).toBe(3);
        // A copy of a copy joins the story's head; a copy's own reader comment is searchable, cited with the story.
        const c3 = await store.writeArticle(
          article('c3', ['the tram line was approved'], {
            ...COPY,
            copyOf: 'c1',
            passages: [{ position: 0, section: 'comment', text: 'Buses would have done', terms: 'buses would have done' }],
          }),
        );
        expect((await store.lexicalSearch(['buses'], 10)).map((h) => h.id)).toEqual([c3.added[0]!.id]);
        const [comment] = await store.passagesByIds([c3.added[0]!.id]);
        expect((await store.stories([comment!.documentId])).get(comment!.documentId)).toMatchObject({ id: head, articles: 4 });
      });
    });

    it('a rewritten head keeps the copies that still match it and lets the others go, to be read again', async () => {
      await withEmptyStore(async (store) => {
        await store.writeArticle(
          article('h', ['the tram line was approved', 'work starts in spring'], { comments: [], fingerprint: fingerprint(1, ['b1', 'b2']) }),
        );
        for (const key of ['c1', 'c2']) {
          await store.writeArticle(
            article(key, ['Edition 2.', 'the tram line was approved', 'work starts in spring'], {
              ...COPY,
              copyOf: 'h',
              fingerprint: fingerprint(1, ['b1', 'b2']),
            }),
          );
        }
        const head = (await store.documentByKey('h'))!.id;
        const c1 = (await store.documentByKey('c1'))!.id;
        // Same text again (the same fingerprint): the story stays whole.
        await store.writeArticle(
          article('h', ['the tram line was approved', 'work starts in spring'], { comments: [], fingerprint: fingerprint(1, ['b1', 'b2']) }),
        );
        expect((await store.stories([head])).get(head)?.articles).toBe(3);
        // Now the page says something else: its copies no longer tell its story.
        await store.writeArticle(article('h', ['the tram line was cancelled after all'], { comments: [], fingerprint: fingerprint(7, ['b7']) }));
        expect((await store.stories([head])).get(head)?.articles).toBe(1);
        expect((await store.stories([c1])).get(c1)).toMatchObject({ id: c1, articles: 1 });
        expect((await store.documentByKey('c1'))!.rawHash).toBe(''); // the next ingest reads it again
      });
    });

    it("keeps a removed head's reader comments with it: the copy that takes over is another outlet", async () => {
      await withEmptyStore(async (store) => {
        await store.useVectorSpace({ model: 'm', dim: 3 });
        const head = await store.writeArticle(
          article('h', ['the tram line was approved'], {
            fingerprint: fingerprint(1, ['b1']),
            passages: [
              { position: 0, section: 'body', text: 'the tram line was approved', terms: 'the tram line was approved' },
              { position: 1, section: 'comment', text: 'Buses would have been cheaper', terms: 'buses would have been cheaper' },
            ],
            vectors: [Float32Array.from([1, 1, 0]), Float32Array.from([1, 2, 0])],
          }),
        );
        await store.writeArticle(article('c1', ['Edition 2.', 'the tram line was approved'], { ...COPY, copyOf: 'h', fingerprint: fingerprint(2, ['b1']) }));
        expect(await store.removeKeys(['h'])).toBe(1); // the comment passage went with its article
        const [body] = await store.passagesByIds([head.added[0]!.id]);
        expect(body).toMatchObject({ section: 'body', document: { key: 'c1' } });
        expect(await store.passagesByIds([head.added[1]!.id])).toEqual([]);
        expect(await store.lexicalSearch(['buses'], 10)).toEqual([]);
        expect(await store.stats()).toMatchObject({ documents: 1, passages: 1, vectors: 1 });
      });
    });

    it("hands a removed head's passages to a copy, so the story stays; a removed copy just goes", async () => {
      await withEmptyStore(async (store) => {
        await store.useVectorSpace({ model: 'm', dim: 3 });
        const { c1, c2, passages } = await writeStory(store);
        expect(await store.removeKeys(['h'])).toBe(0);
        expect(await store.documentByKey('h')).toBeUndefined();
        const moved = await store.passagesByIds(passages);
        expect(moved.map((p) => p.document.key)).toEqual(['c1', 'c1']);
        expect((await store.lexicalSearch(['tram'], 10)).map((h) => h.id)).toEqual([passages[0]]);
        expect((await store.vectorSearch(Float32Array.from([1, 1, 0]), 1))[0]!.id).toBe(passages[0]);
        expect((await store.stories([c1])).get(c1)).toEqual({ id: c1, articles: 2, outlets: ['Outlet B', 'Outlet A'] });
        expect((await store.copyCandidates(['b2'])).map((c) => c.key)).toEqual(['c1']);
        expect(await store.removeKeys(['c2'])).toBe(0);
        expect((await store.stories([c1])).get(c1)).toEqual({ id: c1, articles: 1, outlets: ['Outlet B'] });
        expect(c2).toBeGreaterThan(0);
        expect(await store.removeKeys(['c1'])).toBe(2);
        expect(await store.stats()).toMatchObject({ documents: 0, passages: 0, vectors: 0 });
      });
    });

    it('re-examines a rewritten article: a changed copy becomes a head with passages; a head turned copy brings its copies', async () => {
      await withEmptyStore(async (store) => {
        const { head, c1 } = await writeStory(store);
        const own = await store.writeArticle(article('c1', ['an entirely new report about ferries'], { comments: [], fingerprint: fingerprint(3, ['b9']) }));
        expect(own.added).toHaveLength(1);
        expect((await store.stories([c1])).get(c1)).toMatchObject({ id: c1, articles: 1 });
        expect((await store.stories([head])).get(head)).toMatchObject({ id: head, articles: 2 });
        // The old head is now a copy of c1: it loses its passages, and its copy c2 follows it to c1.
        const turned = await store.writeArticle(article('h', ['an entirely new report about ferries', 'Edition 3.'], { ...COPY, copyOf: 'c1' }));
        expect(turned.removedPassageIds).toHaveLength(2);
        expect((await store.stories([c1])).get(c1)).toMatchObject({ id: c1, articles: 3 });
        expect(await store.stats()).toMatchObject({ documents: 3, passages: 1 });
        // Everything written now was examined; an article's fingerprint set later makes a head findable, never a copy.
        expect(await store.articlesWithoutFingerprint(10)).toEqual([]);
        await store.setFingerprint(c1, fingerprint(4, ['late']));
        await store.setFingerprint(head, fingerprint(5, ['late']));
        expect((await store.copyCandidates(['late'])).map((c) => [c.key, c.signature[0]])).toEqual([['c1', 400]]);
        await expect(store.writeArticle(article('x', ['text'], { ...COPY, copyOf: 'missing' }))).rejects.toThrow(/not stored/);
        expect(await store.documentByKey('x')).toBeUndefined();
      });
    });

    it('answers vocabulary questions, filters by date, and keeps runs, validators and summary-only marks', async () => {
      await withEmptyStore(async (store) => {
        await store.writeArticle(article('old', ['election results announced'], { metadata: { ...article('old', []).metadata, published: '2020-05-01' } }));
        await store.writeArticle(
          article('new', ['election campaign starts'], { metadata: { ...article('new', []).metadata, published: '2026-05-01' }, summaryOnly: true }),
        );
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
      });
    });
    it('moves an article removed by key to an alias of it (its heir), and removes it with its last key', async () => {
      await withEmptyStore(async (store) => {
        const { added } = await store.writeArticle(article('https://a.example/1', ['same story']));
        const doc = (await store.documentByKey('https://a.example/1'))!;
        await store.addAlias('https://mirror.example/1', doc.id, '/mirror', 'raw2');
        expect(await store.documentByKey('https://mirror.example/1')).toMatchObject({ id: doc.id, viaAlias: true });
        // Removing the original keeps the article reachable through the alias, which becomes its key.
        expect(await store.removeKeys(['https://a.example/1'])).toBe(0);
        expect(await store.documentByKey('https://mirror.example/1')).toMatchObject({ id: doc.id, viaAlias: false, sourceId: '/mirror', rawHash: 'raw2' });
        expect(await store.documentByKey('https://a.example/1')).toBeUndefined();
        expect(await store.removeKeys(['https://mirror.example/1'])).toBe(added.length);
        expect((await store.stats()).documents).toBe(0);
      });
    });

    it('makes a key that was an alias a document of its own when an article is written under it', async () => {
      await withEmptyStore(async (store) => {
        await store.writeArticle(article('a', ['first text']));
        const first = (await store.documentByKey('a'))!;
        await store.addAlias('b', first.id, '/src', 'raw-b');
        await store.writeArticle(article('b', ['second text']));
        const second = (await store.documentByKey('b'))!;
        expect(second).toMatchObject({ viaAlias: false, key: 'b' });
        expect(second.id).not.toBe(first.id);
        expect(await store.keysForSource('/src')).toEqual(expect.arrayContaining(['a', 'b']));
        expect((await store.stats()).documents).toBe(2);
      });
    });

    it('switches the vector space: the same space changes nothing, another model drops the vectors of the old one', async () => {
      await withEmptyStore(async (store) => {
        expect(await store.vectorSpace()).toBeNull();
        expect(await store.useVectorSpace({ model: 'm', dim: 3 })).toBe(true);
        const { added } = await store.writeArticle(article('a', ['harbour news', 'ferry news']));
        expect(await store.useVectorSpace({ model: 'm', dim: 3 })).toBe(false);
        expect((await store.stats()).vectors).toBe(2);
        await store.endWriteBatch();
        expect(await store.hasSearchableVectors()).toBe(true);
        expect(await store.useVectorSpace({ model: 'other', dim: 2 })).toBe(true);
        expect(await store.vectorSpace()).toEqual({ model: 'other', dim: 2 });
        expect((await store.stats()).vectors).toBe(0);
        expect(await store.vectorSearch(Float32Array.from([1, 1]), 5)).toEqual([]);
        expect((await store.passagesMissingVectors('other', 10)).map((p) => p.id)).toEqual(added.map((p) => p.id));
        await store.storeVectors(
          'other',
          added.map((p, i) => ({ id: p.id, vector: Float32Array.from([1, i]) })),
        );
        await store.endWriteBatch();
        expect((await store.vectorSearch(Float32Array.from([1, 1]), 1))[0]!.id).toBe(added[1]!.id);
      });
    });

    it('keeps run records: the last run with its summary or error, and runs a dead process left running marked interrupted', async () => {
      await withEmptyStore(async (store) => {
        expect(await store.lastRun()).toBeUndefined();
        const abandoned = await store.beginRun('2026-05-01T00:00:00Z');
        expect(await store.lastRun()).toEqual({ startedAt: '2026-05-01T00:00:00Z', finishedAt: null, status: 'running', summary: null });
        await store.markInterruptedRuns(0); // 0: no run of the caller's, so every run left running is marked
        expect(await store.lastRun()).toMatchObject({ startedAt: '2026-05-01T00:00:00Z', status: 'interrupted', finishedAt: null });
        const failed = await store.beginRun('2026-05-03T00:00:00Z');
        expect(failed).not.toBe(abandoned);
        await store.markInterruptedRuns(failed); // the caller's own run stays running
        expect(await store.lastRun()).toMatchObject({ status: 'running' });
        await store.finishRun(failed, 'failed', '2026-05-03T00:01:00Z', { error: 'the feed was gone' });
        expect(await store.lastRun()).toEqual({
          startedAt: '2026-05-03T00:00:00Z',
          finishedAt: '2026-05-03T00:01:00Z',
          status: 'failed',
          summary: { error: 'the feed was gone' },
        });
      });
    });

    it('keeps HTTP validators per URL, and keeps the stored ones when a response has none', async () => {
      await withEmptyStore(async (store) => {
        expect(await store.httpValidators('https://x.example/feed')).toBeUndefined();
        await store.setHttpValidators('https://x.example/feed', { etag: '"v1"', lastModified: 'Mon, 04 May 2026 10:00:00 GMT' });
        await store.setHttpValidators('https://x.example/feed', { etag: null, lastModified: null });
        expect(await store.httpValidators('https://x.example/feed')).toEqual({ etag: '"v1"', lastModified: 'Mon, 04 May 2026 10:00:00 GMT' });
        await store.setHttpValidators('https://x.example/feed', { lastModified: 'Tue, 05 May 2026 10:00:00 GMT' });
        expect(await store.httpValidators('https://x.example/feed')).toEqual({ lastModified: 'Tue, 05 May 2026 10:00:00 GMT' });
        expect(await store.httpValidators('https://y.example/feed')).toBeUndefined();
      });
    });

    it('limits questions per user, warms up for questions, and ends write batches with searches unchanged', async () => {
      await withEmptyStore(async (store) => {
        const limit = store.questionRateLimit(2);
        expect(await limit.take('user-1')).toBeNull();
        expect(await limit.take('user-1')).toBeNull();
        expect(await limit.take('user-1')).toBeGreaterThanOrEqual(1);
        expect(await limit.take('user-2')).toBeNull();
        const { added } = await store.writeArticle(article('a', ['the harbour reopened']));
        await store.endWriteBatch();
        expect(await store.warmUpForQuestions()).toBe(true);
        expect((await store.lexicalSearch(['harbour'], 10)).map((h) => h.id)).toEqual([added[0]!.id]);
        expect(await store.knownTerms(['harbour'])).toEqual(new Set(['harbour']));
      });
    });

    // Stories across outlets (issue 24)
    storiesContract(withEmptyStore);

    it('refuses a store written by a newer program rather than half understand it', async () => {
      await withEmptyStore(async (store) => {
        await expect(Promise.resolve().then(() => hooks.reopenWithNewerSchema(store))).rejects.toThrow(
          /schema version \d+, newer than this program understands \(\d+\); update the bot/,
        );
      });
    });
  });
}
