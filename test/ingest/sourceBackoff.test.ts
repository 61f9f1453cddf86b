import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest, type IngestOptions } from '../../ingest/pipeline.js';
import { backoffDelayMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS } from '../../ingest/sourceBackoff.js';
import { parseLocation } from '../../ingest/sources/sourceSpecs.js';
import { formatSummary } from '../../ingest/summary.js';
import { sourceHealthLines, statusReport } from '../../src/discord/statusReport.js';
import { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { unavailable } from '../support/countingEmbeddings.js';
import { startHttpServer } from '../support/httpServer.js';
import { tempDir } from '../support/tempDir.js';

let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley News</title><item><title>Dam inspection</title><link>http://example.invalid/dam</link>
<description>${'Engineers inspected the valley dam on Tuesday and found the spillway in good order after the spring floods. '.repeat(15)}</description></item></channel></rss>`;
// The description is long enough to be the article itself (no item page is fetched).
const FEED_FULL = FEED.replace('<description>', '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">').replace(
  '</description>',
  '</content:encoded>',
);

describe('source backoff across ingests', () => {
  it('backs off a failing source with growing waits, skips it unless named, and clears the state when it recovers', async () => {
    let healthy = false;
    server = await startHttpServer({
      '/feed.xml': (_req, res) => (healthy ? res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED_FULL) : res.writeHead(503).end()),
    });
    const feed = `${server.url}/feed.xml`;
    const data = join(tempDir(), 'data');
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const base: IngestOptions = { dataDir: data, sources: [], embeddings: unavailable(), fetchTimeoutMs: 2_000, maxArticleBytes: 1_000_000, now: () => clock };
    const named = { ...parseLocation(feed), explicit: true };
    const configured = parseLocation(feed);

    const waits: number[] = [];
    for (let run = 1; run <= 3; run++) {
      const summary = await ingest({ ...base, sources: [named] });
      expect(summary.failedSources).toEqual([{ source: feed, reason: 'HTTP 503 Service Unavailable' }]);
      expect(summary.backingOff).toEqual([
        { source: feed, consecutiveFailures: run, lastError: 'HTTP 503 Service Unavailable', nextAttemptAt: expect.any(String), skipped: false },
      ]);
      waits.push(Date.parse(summary.backingOff[0]!.nextAttemptAt) - clock);
      clock += 60_000;
    }
    expect(waits).toEqual([BACKOFF_BASE_MS, 2 * BACKOFF_BASE_MS, 4 * BACKOFF_BASE_MS]);
    expect(server.hits).toHaveLength(3);

    // A run that does not name it skips it, says until when, and does not ask the server.
    const skipped = await ingest({ ...base, sources: [configured] });
    expect(server.hits).toHaveLength(3);
    expect(skipped.backingOff).toEqual([expect.objectContaining({ source: feed, consecutiveFailures: 3, skipped: true })]);
    expect(formatSummary(skipped)).toMatch(
      new RegExp(`Source skipped, backing off: ${feed} \\(3 failed reads in a row, last: HTTP 503 Service Unavailable\\); next attempt after 2026-03-01T11:0`),
    );

    const store = SqliteStore.open(data);
    try {
      const status = await store.sourceStatus(feed);
      expect(status).toMatchObject({ consecutiveFailures: 3, lastError: 'HTTP 503 Service Unavailable', lastSuccessAt: null });
      const lines = sourceHealthLines([status!], clock).join('\n');
      expect(lines).toContain('Web sources: 0 fine at their last read · 1 failing');
      expect(lines).toContain(`<${feed}>: 3 failed reads in a row (last error: HTTP 503 Service Unavailable`);
      expect(lines).toContain(`never read successfully); backing off, next attempt after ${status!.nextAttemptAt}`);
      // What /status sends: the same lines inside the whole report.
      const kb = new KnowledgeBase({ store, embeddings: null, embeddingStatus: unavailable().status });
      const context = (sources: string[]) =>
        ({ kb, config: { sources }, reingest: { current: () => null }, startedAt: clock }) as unknown as Parameters<typeof statusReport>[0];
      expect(await statusReport(context([feed]), clock)).toContain(`<${feed}>: 3 failed reads in a row`);
      // Taken out of the configuration: no longer reported.
      expect(await statusReport(context(['http://other.example/feed.xml']), clock)).not.toContain(feed);
    } finally {
      store.close();
    }

    // Once the wait is over, a scheduled run tries again; the source has recovered: state cleared.
    healthy = true;
    clock += 4 * BACKOFF_BASE_MS;
    const recovered = await ingest({ ...base, sources: [configured] });
    expect(recovered.added).toBe(1);
    expect(recovered.backingOff).toEqual([]);
    const after = SqliteStore.open(data);
    try {
      const status = await after.sourceStatus(feed);
      expect(status).toMatchObject({
        consecutiveFailures: 0,
        nextAttemptAt: null,
        lastSuccessAt: new Date(clock).toISOString(),
        lastError: 'HTTP 503 Service Unavailable',
      });
      expect(sourceHealthLines([status!], clock)).toEqual(['Web sources: 1 fine at their last read · 0 failing']);
    } finally {
      after.close();
    }

    // Failing again: the wait starts from the base again, and a skipped source's articles are never pruned as "gone".
    healthy = false;
    const again = await ingest({ ...base, sources: [named] });
    expect(again.backingOff).toEqual([expect.objectContaining({ consecutiveFailures: 1, nextAttemptAt: new Date(clock + BACKOFF_BASE_MS).toISOString() })]);
    const pruning = await ingest({ ...base, sources: [configured], prune: true });
    expect(pruning.backingOff).toEqual([expect.objectContaining({ skipped: true })]);
    expect(pruning).toMatchObject({ removed: 0, totalArticles: 1 });
  });

  it('caps the wait', () => {
    expect(backoffDelayMs(1)).toBe(BACKOFF_BASE_MS);
    expect(backoffDelayMs(50)).toBe(BACKOFF_CAP_MS);
  });
});
