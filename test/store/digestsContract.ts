import { describe, expect, it } from 'vitest';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import type { NewDigestSchedule } from '../../src/core/ports/digests.js';
import { article } from './storeFixtures.js';

/** What a backend's test file gives the digest contract besides fresh stores. */
export interface DigestsHooks<S extends KnowledgeStore> {
  /** A second handle on the same store (another process or shard). */
  openAgain(store: S): Promise<S> | S;
}

const dated = (key: string, published: string | null, sourceId = '/src') =>
  article(key, [`Lead paragraph of ${key}. Second sentence.`, 'Another paragraph.'], {
    sourceId,
    contentHash: `c-${key}`,
    metadata: {
      title: `Title ${key}`,
      published,
      language: 'en',
      outlet: `Outlet ${key}`,
      url: `https://x.example/${key}`,
      source: key,
      location: key,
      author: null,
    },
  });

const schedule = (overrides: Partial<NewDigestSchedule> = {}): NewDigestSchedule => ({
  guildId: 'g1',
  channelId: 'c1',
  time: '08:00',
  topic: null,
  language: 'en',
  createdBy: 'u1',
  lastRunDate: null,
  lastRunAt: null,
  ...overrides,
});

/**
 * Digests on every KnowledgeStore backend (src/core/ports/digests.ts): the dated articles of a
 * range of days in a scope, and servers' digest schedules, claimed once a day across handles.
 */
export function digestsContract<S extends KnowledgeStore>(backend: string, openEmpty: () => Promise<S> | S, hooks: DigestsHooks<S>): void {
  describe(`KnowledgeStore digests: ${backend}`, () => {
    it('lists the dated articles of a range of days, newest first, in a scope; undated articles never', async () => {
      const store = await openEmpty();
      try {
        await store.useVectorSpace({ model: 'm', dim: 3 });
        await store.writeArticle(dated('a', '2026-11-02T08:00:00Z'));
        await store.writeArticle(dated('b', '2026-11-03'));
        await store.writeArticle(dated('c', '2026-11-05T23:30:00+01:00', 'https://other.example/feed'));
        await store.writeArticle(dated('d', null));
        await store.writeArticle(dated('e', '2026-10-30'));
        await store.addDocumentSource('c', 'https://other.example/feed');
        await store.addDocumentSource('a', '/src');
        await store.addDocumentSource('b', '/src');
        const all = await store.datedArticles({ fromDay: '2026-11-01', toDay: '2026-11-05' });
        expect(all.map((a) => a.title)).toEqual(['Title c', 'Title b', 'Title a']);
        expect(all[2]).toMatchObject({ outlet: 'Outlet a', published: '2026-11-02T08:00:00Z', url: 'https://x.example/a', language: 'en', summaryOnly: false });
        expect(all[2]!.lead).toBe('Lead paragraph of a. Second sentence.');
        expect(Date.parse(all[2]!.ingestedAt)).not.toBeNaN();
        const scoped = await store.datedArticles({ fromDay: '2026-11-01', toDay: '2026-11-30' }, { sourceIds: ['/src'] });
        expect(scoped.map((a) => a.title)).toEqual(['Title b', 'Title a']);
        expect(await store.datedArticles({ fromDay: '2026-11-06', toDay: '2026-11-30' })).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it("keeps servers' digest schedules, one per channel, and lets exactly one handle claim a day's run", async () => {
      const store = await openEmpty();
      const other = await hooks.openAgain(store);
      try {
        const first = await store.saveDigestSchedule(schedule());
        await store.saveDigestSchedule(schedule({ channelId: 'c2', topic: 'ports' }));
        await store.saveDigestSchedule(schedule({ guildId: 'g2', channelId: 'c9' }));
        const replaced = await store.saveDigestSchedule(schedule({ time: '18:30', topic: 'strikes', lastRunDate: '2026-11-02' }));
        expect(replaced).toMatchObject({
          id: first.id,
          guildId: 'g1',
          channelId: 'c1',
          time: '18:30',
          topic: 'strikes',
          lastRunDate: '2026-11-02',
          lastRunAt: null,
        });
        expect((await other.digestSchedules('g1')).map((s) => [s.channelId, s.time, s.topic])).toEqual([
          ['c1', '18:30', 'strikes'],
          ['c2', '08:00', 'ports'],
        ]);
        expect(await other.digestSchedules()).toHaveLength(3);

        // Two handles claiming the same day at once: exactly one wins; the day stays claimed, the next day is another claim.
        const claims = await Promise.all([
          store.claimDigestRun(first.id, '2026-11-03', '2026-11-03T18:31:00.000Z'),
          other.claimDigestRun(first.id, '2026-11-03', '2026-11-03T18:31:00.500Z'),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await store.claimDigestRun(first.id, '2026-11-03', '2026-11-03T19:00:00.000Z')).toBe(false);
        const [claimed] = await other.digestSchedules('g1');
        expect(claimed!.lastRunDate).toBe('2026-11-03');
        expect(claimed!.lastRunAt).toMatch(/^2026-11-03T18:31:00/);
        expect(await other.claimDigestRun(first.id, '2026-11-04', '2026-11-04T18:30:00.000Z')).toBe(true);

        expect((await store.removeDigestSchedules('g1', 'c2')).map((s) => s.channelId)).toEqual(['c2']);
        expect(await store.removeDigestSchedules('g1', 'c2')).toEqual([]);
        expect((await store.removeDigestSchedules('g2')).map((s) => s.channelId)).toEqual(['c9']);
        expect((await other.digestSchedules()).map((s) => s.channelId)).toEqual(['c1']);
      } finally {
        await other.close();
        await store.close();
      }
    });
  });
}
