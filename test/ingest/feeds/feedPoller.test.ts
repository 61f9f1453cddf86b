import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { FeedPoller } from '../../../ingest/feeds/feedPoller.js';
import { publishingInterval } from '../../../ingest/feeds/pollSchedule.js';
import type { KnowledgeStore } from '../../../src/core/ports/knowledgeStore.js';
import { HOUR, MINUTE, rss, type TestItem, testClock, testIngestOptions } from '../../support/feedFixtures.js';
import { serversClosedAfterEachTest } from '../../support/httpServer.js';
import { openTestStore } from '../../support/ingestRun.js';

const serve = serversClosedAfterEachTest();

type Answer = (req: IncomingMessage, res: ServerResponse) => void;

/** A feed on 127.0.0.1 whose answer the test sets before each poll; it records the If-None-Match of each request. */
async function feedServer() {
  const state: { answer: Answer; conditional: Array<string | undefined> } = { answer: (_req, res) => void res.writeHead(500).end(), conditional: [] };
  const server = await serve({
    '/feed': (req, res) => {
      state.conditional.push(req.headers['if-none-match'] as string | undefined);
      state.answer(req, res);
    },
  });
  return { ...server, state, feedUrl: `${server.url}/feed` };
}

const MIN = 15 * MINUTE;

function poller(store: KnowledgeStore, clock: ReturnType<typeof testClock>, dataDir?: string) {
  return new FeedPoller({
    store,
    // The feed is on loopback: the test admits 127.0.0.1 explicitly, as an operator would with FETCH_ALLOWED_HOSTS.
    ingestOptions: testIngestOptions({ fetchGuard: { allowedHosts: ['127.0.0.1'] }, ...(dataDir ? { dataDir } : {}) }),
    schedule: { minIntervalMs: MIN },
    operatorSources: () => [],
    now: clock.now,
  });
}

async function addDeskFeed(store: KnowledgeStore, url: string, guildId = 'guild-a') {
  return (await store.addDeskSource({ guildId, channelId: null, url, kind: 'feed', title: null, addedBy: 'user-1' })).source;
}

describe('the feed poller', () => {
  it('polls a feed on its own schedule: 200, then a conditional 304, then 429 with Retry-After, then failures backing off, then recovery', async () => {
    const feed = await feedServer();
    // Whole seconds: feed dates have no milliseconds.
    const clock = testClock(Math.floor(Date.now() / 1000) * 1000);
    const t0 = clock.now();
    const items: TestItem[] = [1, 2, 3].map((i) => ({ guid: `g${i}`, link: `${feed.url}/story-${i}`, title: `Story ${i}`, published: t0 - i * 2 * HOUR }));
    const store = openTestStore();
    await addDeskFeed(store, feed.feedUrl);
    const polls = poller(store, clock);

    // 200: read in full, interval from the items' dates (one every 2 h, counted up to now: 6 h / 3).
    feed.state.answer = (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss(items));
    const first = await polls.tick();
    expect(first.polled).toMatchObject([{ sourceId: feed.feedUrl, outcome: 'polled' }]);
    let schedule = (await store.feedSchedule(feed.feedUrl))!;
    expect(schedule).toMatchObject({ intervalMs: 2 * HOUR, consecutiveFailures: 0, backingOff: false, nextPollAt: new Date(t0 + 2 * HOUR).toISOString() });
    expect(schedule.reason).toMatch(/^publishes about every 2 h/);
    expect((await store.articleCounts([feed.feedUrl])).get(feed.feedUrl)).toBe(3);

    // Not due yet: nothing is fetched.
    clock.advance(HOUR);
    expect((await polls.tick()).polled).toEqual([]);
    expect(feed.state.conditional).toHaveLength(1);

    // 304 to the conditional request: the interval stands.
    clock.set(t0 + 2 * HOUR);
    feed.state.answer = (req, res) => void res.writeHead(req.headers['if-none-match'] === '"v1"' ? 304 : 500).end();
    await polls.tick();
    expect(feed.state.conditional.at(-1)).toBe('"v1"');
    schedule = (await store.feedSchedule(feed.feedUrl))!;
    expect(schedule).toMatchObject({ intervalMs: 2 * HOUR, backingOff: false, nextPollAt: new Date(t0 + 4 * HOUR).toISOString() });
    expect(schedule.reason).toMatch(/^not modified; interval kept at 2 h/);

    // 429 with Retry-After: 3 h: the next poll waits as asked, and the feed shows as backing off.
    clock.set(t0 + 4 * HOUR);
    feed.state.answer = (_req, res) => void res.writeHead(429, { 'retry-after': String(3 * 3600) }).end('slow down');
    await polls.tick();
    schedule = (await store.feedSchedule(feed.feedUrl))!;
    expect(schedule).toMatchObject({ backingOff: true, consecutiveFailures: 1, nextPollAt: new Date(t0 + 7 * HOUR).toISOString() });
    expect(schedule.reason).toMatch(/backing off until .* after the server asked for a pause \(HTTP 429, Retry-After\)/);
    clock.set(t0 + 6 * HOUR);
    expect((await polls.tick()).polled).toEqual([]);

    // Failing: exponential backoff (15 min after the first failure, 30 after the second in a row), said so.
    clock.set(t0 + 7 * HOUR);
    feed.state.answer = (_req, res) => void res.writeHead(500).end('down');
    await polls.tick();
    schedule = (await store.feedSchedule(feed.feedUrl))!;
    expect(schedule).toMatchObject({ backingOff: true, consecutiveFailures: 2, nextPollAt: new Date(t0 + 7 * HOUR + 30 * MINUTE).toISOString() });
    expect(schedule.reason).toMatch(/^backing off until .* after 2 failed polls in a row$/);
    expect((await store.sourceStatus(feed.feedUrl))?.lastError).toBe('HTTP 500 Internal Server Error');

    // Recovering: a new item; the interval is the feed's publishing rate again.
    const recovered = t0 + 7 * HOUR + 30 * MINUTE;
    clock.set(recovered);
    const newer = [{ guid: 'g9', link: `${feed.url}/story-9`, title: 'Story 9', published: recovered - 10 * MINUTE }, ...items];
    feed.state.answer = (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v2"' }).end(rss(newer));
    const last = await polls.tick();
    expect(last.polled[0]).toMatchObject({ outcome: 'polled', result: { summary: { added: 1 } } });
    schedule = (await store.feedSchedule(feed.feedUrl))!;
    const rate = publishingInterval(
      newer.map((item) => new Date(item.published).toUTCString()),
      recovered,
      { min: MIN, max: 24 * HOUR },
    );
    expect(schedule).toMatchObject({ backingOff: false, consecutiveFailures: 0, intervalMs: rate.intervalMs });
    expect(schedule.reason).toMatch(/^publishes about every/);
    expect(feed.hits).toHaveLength(5); // 200, 304, 429, 500, 200: nothing between
  });

  it("respects Cache-Control max-age longer than the feed's publishing interval", async () => {
    const feed = await feedServer();
    const clock = testClock(Math.floor(Date.now() / 1000) * 1000);
    const items: TestItem[] = [0, 1].map((i) => ({ guid: `g${i}`, link: `${feed.url}/s${i}`, title: `Item ${i}`, published: clock.now() - i * HOUR }));
    feed.state.answer = (_req, res) =>
      void res.writeHead(200, { 'content-type': 'application/rss+xml', 'cache-control': 'public, max-age=14400' }).end(rss(items));
    const store = openTestStore();
    await addDeskFeed(store, feed.feedUrl);
    await poller(store, clock).tick();
    const schedule = (await store.feedSchedule(feed.feedUrl))!;
    expect(schedule.nextPollAt).toBe(new Date(clock.now() + 4 * HOUR).toISOString());
    expect(schedule.reason).toMatch(/Cache-Control max-age \(4 h\)/);
  });

  it('polls a due feed once when two pollers tick at the same time (the claim, then the schedule read again)', async () => {
    const feed = await feedServer();
    const clock = testClock();
    feed.state.answer = (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(rss([{ guid: 'a', link: `${feed.url}/a`, title: 'A', published: clock.now() - HOUR }]));
    const store = openTestStore();
    await addDeskFeed(store, feed.feedUrl);
    const [one, two] = await Promise.all([poller(store, clock).tick(), poller(store, clock).tick()]);
    expect(feed.hits).toEqual(['/feed']);
    expect([...one.polled, ...two.polled].map((p) => p.outcome).sort()).toEqual(['claimed-elsewhere', 'polled']);
  });

  it('leaves the schedule alone while another ingest holds the lock, and polls at the next tick', async () => {
    const feed = await feedServer();
    const clock = testClock();
    feed.state.answer = (_req, res) =>
      void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: 'a', link: `${feed.url}/a`, title: 'A', published: clock.now() }]));
    const store = openTestStore();
    await addDeskFeed(store, feed.feedUrl);
    const release = await store.lockForIngest();
    const blocked = await poller(store, clock).tick();
    expect(blocked).toEqual({ polled: [], locked: true });
    expect(await store.feedSchedule(feed.feedUrl)).toBeUndefined();
    expect(await store.claimFeedPoll(feed.feedUrl, 'someone-else', MINUTE)).toBe(true); // the claim was released
    await store.releaseFeedPoll(feed.feedUrl, 'someone-else');
    await release();
    expect((await poller(store, clock).tick()).polled).toMatchObject([{ outcome: 'polled' }]);
  });

  it('polls each URL once however many servers added it, and polls the operator web sources too', async () => {
    const feed = await feedServer();
    const operatorFeed = await feedServer();
    const clock = testClock();
    const answer: Answer = (_req, res) =>
      void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: 'x', link: `${feed.url}/x`, title: 'X', published: clock.now() }]));
    feed.state.answer = answer;
    operatorFeed.state.answer = answer;
    const store = openTestStore();
    await addDeskFeed(store, feed.feedUrl, 'guild-a');
    await addDeskFeed(store, feed.feedUrl, 'guild-b');
    await store.addDeskSource({ guildId: 'guild-a', channelId: null, url: `${feed.url}/page`, kind: 'page', title: null, addedBy: 'u' });
    const polls = new FeedPoller({
      store,
      ingestOptions: testIngestOptions({ fetchGuard: { allowedHosts: ['127.0.0.1'] } }),
      schedule: { minIntervalMs: MIN },
      operatorSources: () => [{ id: operatorFeed.feedUrl, kind: 'url', prune: true }],
      now: clock.now,
    });
    expect((await polls.feeds()).map((s) => s.id).sort()).toEqual([feed.feedUrl, operatorFeed.feedUrl].sort());
    await polls.tick();
    expect(feed.hits).toEqual(['/feed']);
    expect(operatorFeed.hits).toEqual(['/feed']);
    expect((await polls.tick()).polled).toEqual([]); // both scheduled for later now
  });
});
