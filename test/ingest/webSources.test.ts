import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { parseSourceEntry } from '../../ingest/sources/sourceSpecs.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { loaded, CountingEmbeddings } from '../support/countingEmbeddings.js';
import { send, startHttpServer } from '../support/httpServer.js';
import { tempDir } from '../support/tempDir.js';

const LONG = 'The council approved the budget after a long debate about schools, roads and the new tram line. '.repeat(20);

function page(title: string, body: string, extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>${extraHead}</head><body><nav>Home News Sport</nav><article><h1>${title}</h1><p>${body}</p><p>${body}</p></article><footer>All rights reserved</footer></body></html>`;
}

let server: Awaited<ReturnType<typeof startHttpServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('web pages and feeds', () => {
  it('ingests a page, an RSS feed (fetching links of summary-only items) and an Atom feed; reports a timeout and a malformed feed', async () => {
    server = await startHttpServer({
      '/page': send(page('Tram line approved', LONG, '<meta property="article:published_time" content="2026-03-01">'), 'text/html; charset=utf-8'),
      '/rss': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>City Wire</title>
          <item><title>Bridge closed</title><link>${server!.url}/bridge</link><pubDate>Mon, 02 Mar 2026 08:00:00 +0000</pubDate><description>Short teaser only.</description></item>
        </channel></rss>`);
      },
      '/bridge': send(
        page(
          'Bridge closed for repairs',
          'The old bridge over the river will be closed for repairs for six months, the city said on Monday, and buses will be diverted.',
        ),
        'text/html',
      ),
      '/atom': (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'application/atom+xml' })
          .end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
          <entry><title>Library reopens</title><link href="${server!.url}/library"/><id>urn:lib</id><published>2026-03-03T10:00:00Z</published>
          <content type="html">&lt;p&gt;${'The central library reopened on Tuesday after renovation works that lasted two years and cost 12 million euros. '.repeat(12)}&lt;/p&gt;</content></entry></feed>`);
      },
      '/slow': () => undefined, // never answers
      '/bad-feed': send('<?xml version="1.0"?><rss><channel><item><title>oops</item></channel></rss>', 'application/rss+xml'),
    });
    const data = join(tempDir(), 'data');
    const summary = await ingest({
      dataDir: data,
      sources: ['/page', '/rss', '/atom', '/slow', '/bad-feed'].map((p) => parseSourceEntry(server!.url + p)),
      embeddings: loaded(new CountingEmbeddings()),
      fetchTimeoutMs: 500,
      maxArticleBytes: 1_000_000,
    });
    expect(summary.added).toBe(3);
    expect(summary.failedSources.map((f) => f.reason).join('\n')).toMatch(/timed out/);
    expect(summary.failedSources.map((f) => f.reason).join('\n')).toMatch(/malformed feed XML/);
    expect(server.hits).toContain('/bridge'); // summary-only item: the article was fetched
    expect(server.hits).not.toContain('/library'); // full content in the feed: no fetch

    const store = SqliteStore.open(data);
    const docs = store.sqlite.db.prepare('SELECT title, published, outlet, url FROM documents ORDER BY title').all();
    expect(docs).toEqual([
      { title: 'Bridge closed for repairs', published: '2026-03-02', outlet: expect.any(String), url: `${server.url}/bridge` },
      { title: 'Library reopens', published: '2026-03-03T10:00:00Z', outlet: 'Atom Wire', url: `${server.url}/library` },
      { title: 'Tram line approved', published: '2026-03-01', outlet: '127.0.0.1', url: `${server.url}/page` },
    ]);
    store.close();
  });
});
