import { describe, expect, it } from 'vitest';
import { deskSourceSpec } from '../../../ingest/feeds/deskSourceSpecs.js';
import { ingestDeskSource } from '../../../ingest/feeds/ingestDeskSource.js';
import { ingest } from '../../../ingest/pipeline.js';
import type { DeskSource } from '../../../src/core/ports/newsDesks.js';
import type { KnowledgeStore } from '../../../src/core/ports/knowledgeStore.js';
import { HOUR, MINUTE, rss, testIngestOptions } from '../../support/feedFixtures.js';
import { send, serversClosedAfterEachTest } from '../../support/httpServer.js';
import { openTestStore } from '../../support/ingestRun.js';

const serve = serversClosedAfterEachTest();

async function addDesk(store: KnowledgeStore, url: string, kind: DeskSource['kind'] = 'feed', guildId = 'guild-a'): Promise<DeskSource> {
  return (await store.addDeskSource({ guildId, channelId: null, url, kind, title: null, addedBy: 'user-1' })).source;
}

const LOOPBACK_ALLOWED = { fetchGuard: { allowedHosts: ['127.0.0.1'] } };
const schedule = { minIntervalMs: 15 * MINUTE };

const ARTICLE = `<html><head><title>Ferry pier opens</title></head><body><article><h1>Ferry pier opens</h1><p>${'The new ferry pier in the harbour district opened on Monday with a first crossing at dawn. '.repeat(10)}</p></article></body></html>`;

describe('ingestDeskSource (reading a source a server just added)', () => {
  it('refuses a desk address on loopback, saying why, without sending it anything', async () => {
    const now = Date.now();
    const server = await serve({ '/feed': send(rss([{ guid: 'a', link: 'https://example.org/a', title: 'A', published: now }]), 'application/rss+xml') });
    const store = openTestStore();
    const result = await ingestDeskSource(store, await addDesk(store, `${server.url}/feed`), { ingestOptions: testIngestOptions(), schedule });
    expect(server.hits).toEqual([]);
    expect(result.added).toBe(0);
    expect(result.errors).toEqual([expect.stringMatching(new RegExp(`^not fetched: ${server.url}/feed .*loopback`))]);
    expect(result.schedule).toMatchObject({ backingOff: true, consecutiveFailures: 1 });
  });

  it('reads it when FETCH_ALLOWED_HOSTS or FETCH_ALLOW_PRIVATE_NETWORKS admits the address; a feed gets its schedule', async () => {
    const now = Date.now();
    const server = await serve({
      '/feed': send(rss([{ guid: 'a', link: 'https://example.org/a', title: 'A', published: now - HOUR }]), 'application/rss+xml'),
      '/story': send(ARTICLE, 'text/html'),
    });
    const store = openTestStore();
    const feed = await ingestDeskSource(store, await addDesk(store, `${server.url}/feed`), { ingestOptions: testIngestOptions(LOOPBACK_ALLOWED), schedule });
    expect(feed).toMatchObject({ added: 1, errors: [] });
    expect(feed.schedule?.reason).toMatch(/^publishes about every/);
    const page = await ingestDeskSource(store, await addDesk(store, `${server.url}/story`, 'page'), {
      ingestOptions: testIngestOptions({ fetchGuard: { allowPrivateNetworks: true } }),
      schedule,
    });
    expect(page).toMatchObject({ added: 1, errors: [], schedule: null });
    expect(await store.feedSchedule(`${server.url}/story`)).toBeUndefined();
    expect(await store.articleCounts([`${server.url}/feed`, `${server.url}/story`])).toEqual(
      new Map([
        [`${server.url}/feed`, 1],
        [`${server.url}/story`, 1],
      ]),
    );
  });

  it("trusts no desk address on an operator source's origin: the operator's feed is read, the desk's page beside it refused", async () => {
    const now = Date.now();
    const server = await serve({
      '/feed': send(rss([{ guid: 'a', link: 'https://example.org/a', title: 'A', published: now }]), 'application/rss+xml'),
      '/admin': send(ARTICLE, 'text/html'),
    });
    const store = openTestStore();
    const summary = await ingest({
      ...testIngestOptions(),
      store,
      sources: [{ id: `${server.url}/feed`, kind: 'url', prune: false }, deskSourceSpec({ url: `${server.url}/admin` })],
    });
    expect(server.hits).toEqual(['/feed']);
    expect(summary.added).toBe(1);
    expect(summary.failedSources).toEqual([{ source: `${server.url}/admin`, reason: expect.stringMatching(/loopback/) }]);
  });

  it('waits while another ingest holds the lock, then reads', async () => {
    const server = await serve({ '/story': send(ARTICLE, 'text/html') });
    const store = openTestStore();
    const release = await store.lockForIngest();
    setTimeout(() => void release(), 300);
    const result = await ingestDeskSource(store, await addDesk(store, `${server.url}/story`, 'page'), {
      ingestOptions: testIngestOptions(LOOPBACK_ALLOWED),
      schedule,
      retryEveryMs: 50,
    });
    expect(result.added).toBe(1);
    await expect(
      (async () => {
        const again = await store.lockForIngest();
        await again();
      })(),
    ).resolves.toBeUndefined();
  });

  it('gives up with the lock error after waitMs', async () => {
    const store = openTestStore();
    const release = await store.lockForIngest();
    try {
      await expect(
        ingestDeskSource(store, await addDesk(store, 'https://example.org/story', 'page'), {
          ingestOptions: testIngestOptions(),
          schedule,
          waitMs: 200,
          retryEveryMs: 50,
        }),
      ).rejects.toThrow(/Another ingestion is already running/);
    } finally {
      await release();
    }
  });
});

describe('feed items and the sources that bring them', () => {
  it('lists an item repeated under the same GUID or the same link with tracking parameters once, keyed by its canonical URL', async () => {
    const now = Date.now();
    const server = await serve({
      '/feed': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body),
    });
    const link = (query: string) => `${server.url}/harbour-story${query}`;
    const body = rss([
      { guid: 'one', link: link('?utm_source=newsletter&utm_medium=email'), title: 'Harbour', published: now },
      { guid: 'one', link: link('?id=7'), title: 'Harbour again, same GUID', published: now },
      { guid: 'two', link: link('?fbclid=abc#comments'), title: 'Harbour again, same link', published: now },
    ]);
    const store = openTestStore();
    const result = await ingestDeskSource(store, await addDesk(store, `${server.url}/feed`), { ingestOptions: testIngestOptions(LOOPBACK_ALLOWED), schedule });
    expect(result).toMatchObject({ added: 1, duplicates: 0 });
    expect(await store.documentByKey(link(''))).toBeDefined();
    expect(await store.keysForSource(`${server.url}/feed`)).toEqual([link('')]);
  });

  it('stores an article two feeds bring once, in the scope of both; unchanged articles keep gaining sources', async () => {
    const now = Date.now();
    const items = (query: string) => rss([{ guid: `x${query}`, link: `https://news.example/ferry-pier${query}`, title: 'Ferry pier', published: now }]);
    const server = await serve({
      '/a': send(items('?utm_campaign=a'), 'application/rss+xml'),
      '/b': send(items('?utm_campaign=b'), 'application/rss+xml'),
      '/c': send(items(''), 'application/rss+xml'),
    });
    const store = openTestStore();
    const options = { ingestOptions: testIngestOptions(LOOPBACK_ALLOWED), schedule };
    expect(await ingestDeskSource(store, await addDesk(store, `${server.url}/a`, 'feed', 'guild-a'), options)).toMatchObject({ added: 1 });
    expect(await ingestDeskSource(store, await addDesk(store, `${server.url}/b`, 'feed', 'guild-b'), options)).toMatchObject({ added: 0, unchanged: 1 });
    await ingest({ ...options.ingestOptions, store, sources: [deskSourceSpec({ url: `${server.url}/c` })] });
    expect((await store.stats()).documents).toBe(1);
    expect([...(await store.articleCounts([`${server.url}/a`, `${server.url}/b`, `${server.url}/c`])).values()]).toEqual([1, 1, 1]);
    // Removing one server's source leaves the article to the others.
    expect(await store.removeSourceArticles(`${server.url}/a`)).toBe(0);
    expect((await store.stats({ sourceIds: [`${server.url}/b`] })).documents).toBe(1);
  });

  it('asks the store about membership only for articles another source stored: a feed read again costs no membership call', async () => {
    const now = Date.now();
    const server = await serve({
      '/a': send(rss([0, 1, 2].map((i) => ({ guid: `a${i}`, link: `https://news.example/a${i}`, title: `A${i}`, published: now }))), 'application/rss+xml'),
      '/b': send(rss([{ guid: 'b0', link: 'https://news.example/a0?utm_source=b', title: 'A0', published: now }]), 'application/rss+xml'),
    });
    const real = openTestStore();
    const calls: Array<[string, string]> = [];
    const store = new Proxy(real, {
      get(target, name, receiver) {
        if (name !== 'addDocumentSource') return Reflect.get(target, name, receiver);
        return (key: string, sourceId: string) => {
          calls.push([key, sourceId]);
          return target.addDocumentSource(key, sourceId);
        };
      },
    });
    const options = { ...testIngestOptions(LOOPBACK_ALLOWED), store };
    expect((await ingest({ ...options, sources: [deskSourceSpec({ url: `${server.url}/a` })] })).added).toBe(3);
    expect((await ingest({ ...options, sources: [deskSourceSpec({ url: `${server.url}/a` })] })).unchanged).toBe(3);
    expect(calls).toEqual([]);
    await ingest({ ...options, sources: [deskSourceSpec({ url: `${server.url}/b` })] });
    expect(calls).toEqual([['https://news.example/a0', `${server.url}/b`]]);
    expect((await real.stats({ sourceIds: [`${server.url}/b`] })).documents).toBe(1);
  });
});
