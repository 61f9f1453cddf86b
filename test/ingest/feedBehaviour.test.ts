import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { parseLocation } from '../../ingest/sources/sourceSpecs.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { exportArticles, hasSummaryOnly } from '../../src/store/sqlite/sqliteArticles.js';
import { unavailable } from '../support/countingEmbeddings.js';
import { startHttpServer } from '../support/httpServer.js';
import { tempDir } from '../support/tempDir.js';

let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ARTICLE = (title: string) =>
  `<html><body><article><h1>${title}</h1><p>${'The city council approved a plan to rebuild the old harbour district with new homes, parks and a ferry pier. '.repeat(6)}</p></article></body></html>`;

function rss(base: string, items: string[]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>${items
    .map((path) => `<item><title>Story ${path}</title><link>${base}${path}</link><description>Short teaser.</description></item>`)
    .join('')}</channel></rss>`;
}

describe('feeds', () => {
  it('fetches item pages concurrently within a feed deadline, stores unreachable items as summary only, and retries them later', async () => {
    let hostUp = false;
    const requests: Array<{ path: string; userAgent: string | undefined }> = [];
    const items = Array.from({ length: 30 }, (_, i) => `/item-${i}`);
    const routes: Record<string, Parameters<typeof startHttpServer>[0][string]> = {
      '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(server!.url, items)),
    };
    for (const path of items) {
      routes[path] = (req, res) => {
        requests.push({ path, userAgent: req.headers['user-agent'] });
        if (hostUp) res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE(`Story ${path}`));
        // else: the host hangs and never answers
      };
    }
    server = await startHttpServer(routes);
    const data = join(tempDir(), 'data');
    const options = {
      dataDir: data,
      sources: [parseLocation(`${server.url}/feed`)],
      embeddings: unavailable(),
      fetchTimeoutMs: 60_000,
      feedDeadlineMs: 1_500,
      maxArticleBytes: 1_000_000,
      userAgent: 'test-bot/1.0 (+ops@example.org)',
    };
    const started = Date.now();
    const first = await ingest(options);
    // 30 hanging pages cost one feed deadline, not 30 fetch timeouts.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(first.added).toBe(30);
    expect(first.summaryOnly).toBe(30);
    expect(requests.every((r) => r.userAgent === 'test-bot/1.0 (+ops@example.org)')).toBe(true);
    let store = SqliteStore.open(data);
    expect(hasSummaryOnly(store.sqlite, `${server.url}/feed`)).toBe(true);
    store.close();

    hostUp = true;
    const second = await ingest({ ...options, feedDeadlineMs: 30_000 });
    expect(second.updated).toBe(30);
    expect(second.summaryOnly).toBe(0);
    store = SqliteStore.open(data);
    const bodies = [...exportArticles(store.sqlite)].map((a) => a.body);
    expect(bodies.every((b) => b.includes('ferry pier'))).toBe(true);
    expect(hasSummaryOnly(store.sqlite, `${server.url}/feed`)).toBe(false);
    store.close();
  });

  it('sends conditional requests and treats 304 Not Modified as unchanged', async () => {
    let feedRequests = 0;
    let conditional = 0;
    server = await startHttpServer({
      '/feed': (req, res) => {
        feedRequests++;
        if (req.headers['if-none-match'] === '"v1"') {
          conditional++;
          return void res.writeHead(304).end();
        }
        res
          .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' })
          .end(
            `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>W</title><item><title>Full</title><link>${server!.url}/full</link><content:encoded><![CDATA[${'<p>The harbour ferry will run every twenty minutes from June, the operator said on Friday.</p>'.repeat(20)}]]></content:encoded></item></channel></rss>`,
          );
      },
    });
    const data = join(tempDir(), 'data');
    const options = {
      dataDir: data,
      sources: [parseLocation(`${server.url}/feed`)],
      embeddings: unavailable(),
      fetchTimeoutMs: 5_000,
      maxArticleBytes: 1_000_000,
    };
    expect((await ingest(options)).added).toBe(1);
    const again = await ingest(options);
    expect(feedRequests).toBe(2);
    expect(conditional).toBe(1);
    expect(again.unchanged).toBe(1);
    expect(again.missingKept).toBe(0); // 304 keeps the feed's articles as seen
  });
});

describe('one bad article never costs the others', () => {
  it('skips an article whose extraction throws or runs over its time limit, with the reason, and stores the rest', async () => {
    const dir = tempDir();
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'a-good.txt'), 'Harbour reopens\n\nThe harbour reopened on Monday after two years of repairs to the quay wall.');
    writeFileSync(join(docs, 'b-throws.txt'), 'Broken\n\nThis one makes the extractor throw.');
    writeFileSync(join(docs, 'c-hangs.txt'), 'Slow\n\nThis one never finishes extracting.');
    writeFileSync(join(docs, 'd-good.txt'), 'Ferry returns\n\nThe ferry returned to service on Tuesday with a new timetable for the summer.');
    const { extractBytes } = await import('../../ingest/extract/extractBytes.js');
    const summary = await ingest({
      dataDir: join(dir, 'data'),
      sources: [parseLocation(docs)],
      embeddings: unavailable(),
      fetchTimeoutMs: 1_000,
      maxArticleBytes: 1_000_000,
      extractor: async (bytes, origin) => {
        if (origin.location.endsWith('b-throws.txt')) throw new Error('Too many parameter values were provided');
        if (origin.location.endsWith('c-hangs.txt')) return new Promise(() => undefined);
        return extractBytes(bytes, origin);
      },
      extractionTimeoutMs: 500,
    });
    expect(summary.added).toBe(2);
    expect(summary.skipped).toEqual([
      { location: join(docs, 'b-throws.txt'), reason: 'Too many parameter values were provided' },
      { location: join(docs, 'c-hangs.txt'), reason: expect.stringMatching(/took longer than 500 ms/) },
    ]);
  }, 30_000);

  it('stores real-shaped pages that used to abort a run: JSON-LD author lists, absurd metadata, 50,000-deep markup', async () => {
    const dir = tempDir();
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const docs = join(dir, 'pages');
    mkdirSync(docs);
    const prose = '<p>The harbour reopened on Monday after two years of repairs to the quay wall, the port authority said.</p>';
    writeFileSync(
      join(docs, 'a.html'),
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":["Harbour", "reopens"],"author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Bo Lind"}],"datePublished":{"@value":"2026-03-01"}}</script></head><body><article>${prose}</article></body></html>`,
    );
    writeFileSync(
      join(docs, 'b.html'),
      `<html><head><meta property="og:title" content="${'Very long title '.repeat(2000)}"><meta name="author" content="https://example.org/staff/9"></head><body><article>${prose}</article></body></html>`,
    );
    writeFileSync(join(docs, 'c.html'), `<html><body>${'<div>'.repeat(50_000)}${prose}${'</div>'.repeat(50_000)}</body></html>`);
    const data = join(dir, 'data');
    const summary = await ingest({
      dataDir: data,
      sources: [parseLocation(docs)],
      embeddings: unavailable(),
      fetchTimeoutMs: 1_000,
      maxArticleBytes: 5_000_000,
    });
    expect(summary.skipped).toEqual([]);
    expect(summary.added).toBe(3);
    const store = SqliteStore.open(data);
    const byFile = new Map([...exportArticles(store.sqlite)].map((a) => [a.source, a]));
    expect(byFile.get('a.html')).toMatchObject({ author: 'Ana Ruiz, Bo Lind', published: '2026-03-01', title: 'Harbour' });
    expect(byFile.get('b.html')!.title.length).toBeLessThanOrEqual(301);
    expect(byFile.get('b.html')!.author).toBeNull(); // a profile URL is not a name
    expect(byFile.get('c.html')!.body).toContain('quay wall');
    store.close();
  }, 60_000);

  it('terminates extraction that runs over EXTRACTION_TIMEOUT_MS in a worker and goes on', async () => {
    const { ExtractionPool } = await import('../../ingest/extract/extractionPool.js');
    const pool = new ExtractionPool({ timeoutMs: 300, size: 1 });
    try {
      const slowPage = new TextEncoder().encode(`<html><body>${'<div><p>x</p>'.repeat(200_000)}</body></html>`);
      await expect(pool.extract(slowPage, { location: 'slow.html', source: 'slow.html', url: null })).rejects.toThrow(/took longer than/);
      const ok = await pool.extract(new TextEncoder().encode('Title\n\nThe worker was replaced and extraction goes on.'), {
        location: 'ok.txt',
        source: 'ok.txt',
        url: null,
      });
      expect(ok.body).toEqual(['The worker was replaced and extraction goes on.']);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
