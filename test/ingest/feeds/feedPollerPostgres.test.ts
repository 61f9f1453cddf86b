import { afterEach, describe, expect, it } from 'vitest';
import { FeedPoller } from '../../../ingest/feeds/feedPoller.js';
import { PgStore } from '../../../src/store/postgres/pgStore.js';
import { HOUR, MINUTE, rss, testIngestOptions } from '../../support/feedFixtures.js';
import { send, startHttpServer } from '../../support/httpServer.js';
import { testDatabaseUrl, uniqueSchema } from '../../support/postgres.js';

const url = testDatabaseUrl();
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** Two processes' handles on one PostgreSQL knowledge base: separate connections, shared tables. */
async function twoStores(): Promise<[PgStore, PgStore]> {
  const schema = uniqueSchema();
  const one = await PgStore.open(url!, { schema });
  const two = await PgStore.open(url!, { schema });
  cleanup.push(
    () => two.close(),
    async () => {
      await one.db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
      await one.close();
    },
  );
  return [one, two];
}

function poller(store: PgStore, holder: string) {
  return new FeedPoller({
    store,
    holder,
    ingestOptions: testIngestOptions({ fetchGuard: { allowedHosts: ['127.0.0.1'] } }),
    schedule: { minIntervalMs: 15 * MINUTE },
    operatorSources: () => [],
  });
}

describe.skipIf(!url)('the feed poller on PostgreSQL (shards and workers sharing a store)', () => {
  it('polls each due feed once when two processes tick at the same time', async () => {
    const now = Date.now();
    const feed = (name: string) => rss([{ guid: name, link: `https://news.example/${name}`, title: `Story ${name}`, published: now - HOUR }]);
    const server = await startHttpServer({ '/x': send(feed('x'), 'application/rss+xml'), '/y': send(feed('y'), 'application/rss+xml') });
    cleanup.push(server.close);
    const [one, two] = await twoStores();
    const added: Array<[string, string]> = [
      ['guild-a', '/x'],
      ['guild-b', '/x'],
      ['guild-b', '/y'],
    ];
    for (const [guildId, path] of added)
      await one.addDeskSource({ guildId, channelId: null, url: `${server.url}${path}`, kind: 'feed', title: null, addedBy: 'u' });
    const pollers = [poller(one, 'shard-0'), poller(two, 'shard-1')];
    const rounds = [];
    // Two rounds: a poller that found the store's ingest lock taken by the other polls the rest next time.
    for (let round = 0; round < 2; round++) rounds.push(...(await Promise.all(pollers.map((p) => p.tick()))));
    expect(server.hits.sort()).toEqual(['/x', '/y']);
    const polled = rounds.flatMap((r) => r.polled).filter((p) => p.outcome === 'polled');
    expect(polled.map((p) => p.sourceId).sort()).toEqual([`${server.url}/x`, `${server.url}/y`]);
    expect((await two.feedSchedules()).map((s) => s.sourceId).sort()).toEqual([`${server.url}/x`, `${server.url}/y`]);
    expect((await two.stats()).documents).toBe(2);
  });

  it('does not poll again a feed another process polled after this one read the schedules (the schedule is read again once claimed)', async () => {
    const server = await startHttpServer({
      '/x': send(rss([{ guid: 'x', link: 'https://news.example/x', title: 'X', published: Date.now() - HOUR }]), 'application/rss+xml'),
    });
    cleanup.push(server.close);
    const [one, two] = await twoStores();
    await one.addDeskSource({ guildId: 'guild-a', channelId: null, url: `${server.url}/x`, kind: 'feed', title: null, addedBy: 'u' });
    // The second process reads the (empty) schedules, then waits until the first has polled the feed.
    let firstDone: () => void = () => undefined;
    const firstPolled = new Promise<void>((resolve) => {
      firstDone = resolve;
    });
    const late = new Proxy(two, {
      get(target, name, receiver) {
        if (name !== 'feedSchedules') return Reflect.get(target, name, receiver);
        return async () => {
          const read = await target.feedSchedules();
          await firstPolled;
          return read;
        };
      },
    });
    const second = poller(late, 'shard-1').tick();
    await poller(one, 'shard-0').tick();
    firstDone();
    expect((await second).polled).toEqual([{ sourceId: `${server.url}/x`, outcome: 'claimed-elsewhere' }]);
    expect(server.hits).toEqual(['/x']);
  });

  it('lets one holder claim a feed at a time, and another take it once released', async () => {
    const [one, two] = await twoStores();
    expect(await one.claimFeedPoll('https://news.example/feed', 'shard-0', MINUTE)).toBe(true);
    expect(await two.claimFeedPoll('https://news.example/feed', 'shard-1', MINUTE)).toBe(false);
    await one.releaseFeedPoll('https://news.example/feed', 'shard-0');
    expect(await two.claimFeedPoll('https://news.example/feed', 'shard-1', MINUTE)).toBe(true);
  });
});
