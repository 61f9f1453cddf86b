import { describe, expect, it } from 'vitest';
import { SourceLimitError } from '../../src/core/errors.js';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import type { FeedSchedule } from '../../src/core/ports/newsDesks.js';
import { article, fingerprint, withOpenedStore } from './storeFixtures.js';

/** What a backend's test file gives the news-desk contract besides fresh stores. */
export interface NewsDesksHooks<S extends KnowledgeStore> {
  /** A second handle on the same store (another process, shard or worker). */
  openAgain(store: S): Promise<S> | S;
  /** Turns the store into one written by the schema before news desks (desk tables gone, version set back), closes it and opens it again. */
  reopenFromSchemaBeforeDesks(store: S): Promise<S>;
}

const desk = (guildId: string, url: string, channelId: string | null = null) => ({
  guildId,
  channelId,
  url,
  kind: 'feed' as const,
  title: null,
  addedBy: 'u1',
});

/** An article of `sourceId` with one passage and a 3-d vector. */
const from = (sourceId: string, key: string, text: string, vector: number[]) =>
  article(key, [text], { sourceId, comments: [], vectors: [Float32Array.from(vector)], contentHash: `c-${key}` });

/**
 * The news-desk side of every KnowledgeStore backend (src/core/ports/newsDesks.ts): servers'
 * sources, which source brings which article, searches, stories and counts inside a scope,
 * feed schedules and poll claims, server settings, and the migration from older stores.
 */
export function newsDesksContract<S extends KnowledgeStore>(backend: string, openEmpty: () => Promise<S> | S, hooks: NewsDesksHooks<S>): void {
  const withEmptyStore = (test: (store: S) => Promise<void>) => withOpenedStore(openEmpty, test);

  describe(`KnowledgeStore news desks: ${backend}`, () => {
    it("keeps each server's sources apart: duplicates, whole server against one channel, two servers with one URL", async () => {
      await withEmptyStore(async (store) => {
        const first = await store.addDeskSource({ ...desk('g1', 'https://a.example/feed'), title: 'A' });
        expect(first.created).toBe(true);
        expect(first.source).toMatchObject({ guildId: 'g1', channelId: null, url: 'https://a.example/feed', kind: 'feed', title: 'A', addedBy: 'u1' });
        expect(first.source.addedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        const again = await store.addDeskSource(desk('g1', 'https://a.example/feed'));
        expect(again).toEqual({ source: first.source, created: false });
        const channel = await store.addDeskSource(desk('g1', 'https://a.example/feed', 'c1'));
        expect(channel.created).toBe(true);
        expect((await store.addDeskSource(desk('g1', 'https://a.example/feed', 'c1'))).created).toBe(false);
        const other = await store.addDeskSource({ ...desk('g2', 'https://a.example/feed'), kind: 'page', addedAt: '2026-01-02T00:00:00.000Z' });
        expect(other).toMatchObject({ created: true, source: { kind: 'page', addedAt: '2026-01-02T00:00:00.000Z' } });
        expect((await store.deskSources('g1')).map((s) => [s.url, s.channelId])).toEqual([
          ['https://a.example/feed', null],
          ['https://a.example/feed', 'c1'],
        ]);
        expect(await store.deskSources('g3')).toEqual([]);
        expect(await store.deskSources()).toHaveLength(3);
        // A server cannot remove another server's source by its id.
        expect(await store.removeDeskSource('g2', first.source.id)).toBeNull();
        expect(await store.removeDeskSource('g1', first.source.id)).toEqual(first.source);
        expect(await store.removeDeskSource('g1', first.source.id)).toBeNull();
        expect((await store.deskSources('g1')).map((s) => s.id)).toEqual([channel.source.id]);
        expect(await store.deskSources('g2')).toEqual([other.source]);
      });
    });

    it('records every source that brings an article; removing one source keeps what another still brings', async () => {
      await withEmptyStore(async (store) => {
        await store.useVectorSpace({ model: 'm', dim: 3 });
        const shared = await store.writeArticle(from('feed-a', 'shared', 'the harbour reopened', [1, 0, 0]));
        const own = await store.writeArticle(from('feed-a', 'own', 'the harbour closed', [0, 1, 0]));
        await store.addDocumentSource('shared', 'feed-b');
        await store.addDocumentSource('shared', 'feed-b'); // twice is once
        await store.addDocumentSource('missing', 'feed-b'); // no such article: nothing
        await store.addAlias('shared-alias', (await store.documentByKey('shared'))!.id, 'feed-c', 'raw');
        expect(Object.fromEntries(await store.articleCounts(['feed-a', 'feed-b', 'feed-c', 'feed-d']))).toEqual({
          'feed-a': 2,
          'feed-b': 1,
          'feed-c': 1,
          'feed-d': 0,
        });

        // Pruning feed-a would keep the article feed-b and feed-c also bring, and may remove its own.
        expect([...(await store.keysBroughtByOthers('feed-a', ['shared', 'own', 'missing']))]).toEqual(['shared']);
        expect([...(await store.keysBroughtByOthers('feed-a', []))]).toEqual([]);

        expect(await store.removeSourceArticles('feed-a')).toBe(1);
        expect(await store.documentByKey('own')).toBeUndefined();
        expect(await store.documentByKey('shared')).toMatchObject({ key: 'shared', sourceId: 'feed-b' });
        expect(Object.fromEntries(await store.articleCounts(['feed-a', 'feed-b']))).toEqual({ 'feed-a': 0, 'feed-b': 1 });
        expect((await store.lexicalSearch(['harbour'], 10)).map((h) => h.id)).toEqual([shared.added[0]!.id]);
        expect((await store.vectorSearch(Float32Array.from([0, 1, 0]), 5)).map((h) => h.id)).not.toContain(own.added[0]!.id);
        expect(await store.keysForSource('feed-b')).toContain('shared');
        expect(await store.removeSourceArticles('feed-b')).toBe(0); // feed-c (the alias) still brings it
        expect(await store.removeSourceArticles('feed-c')).toBe(1);
        expect(await store.stats()).toMatchObject({ documents: 0, passages: 0, vectors: 0 });
      });
    });

    it('searches inside a scope: a small scope in a large store still gets its full top k, lexical and vector', async () => {
      await withEmptyStore(async (store) => {
        await store.useVectorSpace({ model: 'm', dim: 3 });
        const big: number[] = [];
        for (let i = 0; i < 120; i++) big.push((await store.writeArticle(from('/big', `big-${i}`, `harbour report ${i}`, [1, 0.001 * i, 0]))).added[0]!.id);
        const small: number[] = [];
        for (let i = 0; i < 12; i++)
          small.push((await store.writeArticle(from('small-feed', `small-${i}`, `harbour note ${i}`, [0.2, 1, 0.01 * i]))).added[0]!.id);
        const scope = { sourceIds: ['small-feed', 'nobody'] };
        const lexical = (await store.lexicalSearch(['harbour'], 10, {}, scope)).map((h) => h.id);
        expect(lexical).toHaveLength(10);
        for (const id of lexical) expect(small).toContain(id);
        // Nearest to the big source's direction: unscoped gives big passages, scoped gives the small source's 10.
        const query = Float32Array.from([1, 0, 0]);
        expect(big).toContain((await store.vectorSearch(query, 10))[0]!.id);
        const vector = await store.vectorSearch(query, 10, scope);
        expect(vector).toHaveLength(10);
        for (const hit of vector) expect(small).toContain(hit.id);
        expect(vector[0]!.similarity).toBeGreaterThanOrEqual(vector[9]!.similarity);
        expect(await store.vectorSearch(query, 10, { sourceIds: ['nobody'] })).toEqual([]);
        expect(await store.lexicalSearch(['harbour'], 10, {}, { sourceIds: [] })).toEqual([]);
        // With a date filter too, and in a process that keeps an in-memory lexical index.
        expect(await store.lexicalSearch(['harbour'], 5, { since: '2025-12-01' }, scope)).toHaveLength(5);
        expect(await store.warmUpForQuestions()).toBe(true);
        const inMemory = (await store.lexicalSearch(['harbour'], 10, {}, scope)).map((h) => h.id);
        expect(inMemory.sort()).toEqual([...lexical].sort());
        // The scope follows writes: a source added to an article brings it into the scope.
        await store.addDocumentSource('big-0', 'small-feed');
        expect((await store.vectorSearch(query, 1, scope))[0]!.id).toBe(big[0]);
        expect(await store.stats(scope)).toEqual({ documents: 13, passages: 13, vectors: 13, sources: 1 });
        expect(await store.stats()).toMatchObject({ documents: 132, passages: 132, vectors: 132 });
      });
    });

    it("counts and names only a scope's articles and outlets in stories, and finds a copy's story through its head", async () => {
      await withEmptyStore(async (store) => {
        await store.useVectorSpace({ model: 'm', dim: 3 });
        const head = await store.writeArticle(
          article('h', ['the tram line was approved'], {
            sourceId: 'private-b',
            metadata: { ...article('h', []).metadata, outlet: 'Secret Outlet' },
            fingerprint: fingerprint(1, ['b1']),
          }),
        );
        await store.writeArticle(
          article('c', ['the tram line was approved'], {
            sourceId: 'feed-a',
            metadata: { ...article('c', []).metadata, outlet: 'Public Outlet' },
            comments: [],
            passages: [],
            vectors: null,
            copyOf: 'h',
            fingerprint: fingerprint(1, ['b1']),
          }),
        );
        const headId = (await store.documentByKey('h'))!.id;
        expect((await store.stories([headId])).get(headId)).toMatchObject({ articles: 2, outlets: ['Secret Outlet', 'Public Outlet'] });
        const scope = { sourceIds: ['feed-a'] };
        expect((await store.stories([headId], scope)).get(headId)).toEqual({ id: headId, articles: 1, outlets: ['Public Outlet'] });
        expect((await store.stories([headId], { sourceIds: ['other'] })).has(headId)).toBe(false);
        // The copy's text lives in its head's passages: the copy's scope finds it.
        expect((await store.lexicalSearch(['tram'], 5, {}, scope)).map((h) => h.id)).toEqual([head.added[0]!.id]);
        expect((await store.lexicalSearch(['tram'], 5, {}, { sourceIds: ['other'] })).map((h) => h.id)).toEqual([]);
        // Hydrated in the copy's scope, the passage is shown as the copy: the head (another source's article) is never named.
        const copyId = (await store.documentByKey('c'))!.id;
        const [seen] = await store.passagesByIds([head.added[0]!.id], scope);
        expect(seen).toMatchObject({ id: head.added[0]!.id, documentId: copyId, document: { key: 'c', outlet: 'Public Outlet' } });
        expect((await store.stories([seen!.documentId], scope)).get(copyId)).toEqual({ id: headId, articles: 1, outlets: ['Public Outlet'] });
        expect((await store.passagesByIds([head.added[0]!.id], { sourceIds: ['private-b'] }))[0]!.document.key).toBe('h');
        expect(await store.passagesByIds([head.added[0]!.id], { sourceIds: ['other'] })).toEqual([]);
        expect((await store.passagesByIds([head.added[0]!.id]))[0]!.document.key).toBe('h');
      });
    });

    it("refuses a source over a server's limit in the insert itself, also when two handles add at once", async () => {
      await withEmptyStore(async (store) => {
        await store.addDeskSource(desk('g1', 'https://a.example/1'), 2);
        await store.addDeskSource(desk('g1', 'https://a.example/2'), 2);
        expect((await store.addDeskSource(desk('g1', 'https://a.example/2'), 2)).created).toBe(false); // already there: not refused
        await expect(store.addDeskSource(desk('g1', 'https://a.example/3'), 2)).rejects.toBeInstanceOf(SourceLimitError);
        expect((await store.addDeskSource(desk('g2', 'https://a.example/3'), 2)).created).toBe(true); // each server has its own limit
        expect(await store.deskSources('g1')).toHaveLength(2);

        const other = await hooks.openAgain(store);
        try {
          const adds = await Promise.allSettled([
            store.addDeskSource(desk('g3', 'https://b.example/1'), 1),
            other.addDeskSource(desk('g3', 'https://b.example/2'), 1),
          ]);
          expect(adds.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
          expect(adds.find((a) => a.status === 'rejected')?.reason).toBeInstanceOf(SourceLimitError);
          expect(await store.deskSources('g3')).toHaveLength(1);
        } finally {
          if (other !== store) await other.close();
        }
      });
    });

    it('keeps feed schedules, and lets one holder at a time claim a poll across store handles until the claim expires', async () => {
      await withEmptyStore(async (store) => {
        const schedule: FeedSchedule = {
          sourceId: 'https://a.example/feed',
          nextPollAt: '2026-05-01T10:00:00.000Z',
          intervalMs: 900_000,
          consecutiveFailures: 0,
          backingOff: false,
          reason: 'publishes about hourly',
          lastPolledAt: null,
        };
        expect(await store.feedSchedule(schedule.sourceId)).toBeUndefined();
        await store.saveFeedSchedule(schedule);
        expect(await store.feedSchedule(schedule.sourceId)).toEqual(schedule);
        const failing = { ...schedule, consecutiveFailures: 2, backingOff: true, reason: 'HTTP 503: backing off', lastPolledAt: '2026-05-01T09:00:00.000Z' };
        await store.saveFeedSchedule(failing);
        await store.saveFeedSchedule({ ...schedule, sourceId: 'https://b.example/feed', nextPollAt: '2026-05-01T09:30:00.000Z' });
        expect(await store.feedSchedule(schedule.sourceId)).toEqual(failing);
        expect((await store.feedSchedules()).map((s) => s.sourceId)).toEqual(['https://b.example/feed', schedule.sourceId]);

        const other = await hooks.openAgain(store);
        try {
          // Two holders asking at once: exactly one gets the feed.
          const claims = await Promise.all([store.claimFeedPoll('f', 'shard-0', 60_000), other.claimFeedPoll('f', 'shard-1', 60_000)]);
          expect(claims.filter(Boolean)).toHaveLength(1);
          const holder = claims[0] ? 'shard-0' : 'shard-1';
          const waiting = claims[0] ? 'shard-1' : 'shard-0';
          for (const handle of [store, other]) {
            expect(await handle.claimFeedPoll('f', waiting, 60_000)).toBe(false);
            expect(await handle.claimFeedPoll('f', holder, 60_000)).toBe(false); // one poll at a time, the holder's own too
          }
          expect(await store.claimFeedPoll('g', 'shard-0', 60_000)).toBe(true); // another feed is another claim
          await other.releaseFeedPoll('f', waiting); // not the holder's release: nothing
          expect(await other.claimFeedPoll('f', waiting, 60_000)).toBe(false);
          await store.releaseFeedPoll('f', holder);
          expect(await other.claimFeedPoll('f', 'shard-1', 50)).toBe(true);
          expect(await store.claimFeedPoll('f', 'shard-0', 60_000)).toBe(false);
          await new Promise((resolve) => setTimeout(resolve, 120));
          expect(await store.claimFeedPoll('f', 'shard-0', 60_000)).toBe(true); // the expired claim is taken over
        } finally {
          await other.close();
        }
      });
    });

    it("gives a server's settings a default and keeps what is saved", async () => {
      await withEmptyStore(async (store) => {
        expect(await store.serverSettings('g1')).toEqual({ guildId: 'g1', timeZone: 'UTC' });
        await store.saveServerSettings({ guildId: 'g1', timeZone: 'Europe/Berlin' });
        await store.saveServerSettings({ guildId: 'g2', timeZone: 'Asia/Tokyo' });
        await store.saveServerSettings({ guildId: 'g1', timeZone: 'Europe/Paris' });
        expect(await store.serverSettings('g1')).toEqual({ guildId: 'g1', timeZone: 'Europe/Paris' });
        expect(await store.serverSettings('g2')).toEqual({ guildId: 'g2', timeZone: 'Asia/Tokyo' });
      });
    });

    it('migrates a store written before news desks: memberships come from each article and its aliases', async () => {
      let store = await openEmpty();
      try {
        await store.useVectorSpace({ model: 'm', dim: 3 });
        const a = await store.writeArticle(from('/configured', 'a', 'the harbour reopened', [1, 0, 0]));
        await store.writeArticle(from('/other', 'b', 'the harbour closed', [0, 1, 0]));
        await store.addAlias('a-second-url', (await store.documentByKey('a'))!.id, '/aliased', 'raw');
        store = await hooks.reopenFromSchemaBeforeDesks(store);
        expect(Object.fromEntries(await store.articleCounts(['/configured', '/other', '/aliased']))).toEqual({ '/configured': 1, '/other': 1, '/aliased': 1 });
        // The stories migration ran again too: each article is a story of its own.
        const aId = (await store.documentByKey('a'))!.id;
        expect((await store.stories([aId])).get(aId)).toMatchObject({ id: aId, articles: 1 });
        expect((await store.lexicalSearch(['harbour'], 10, {}, { sourceIds: ['/aliased'] })).map((h) => h.id)).toEqual([a.added[0]!.id]);
        expect(await store.deskSources()).toEqual([]);
        expect(await store.feedSchedules()).toEqual([]);
        expect(await store.serverSettings('g')).toEqual({ guildId: 'g', timeZone: 'UTC' });
        expect((await store.addDeskSource(desk('g', 'https://a.example/feed'))).created).toBe(true);
      } finally {
        await store.close();
      }
    });
  });
}
