import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSource } from '../../../ingest/sources/candidates.js';
import type { HttpValidatorCache, ListOptions, SourceEvent } from '../../../ingest/sources/sourceEvents.js';
import { parseSourceEntry } from '../../../ingest/sources/sourceSpecs.js';
import type { Validators } from '../../../ingest/sources/fetchResource.js';
import { ARTICLES } from '../../support/articles.js';
import { type Route, send, serversClosedAfterEachTest } from '../../support/httpServer.js';
import { tempDir } from '../../support/tempDir.js';

const limits: ListOptions = { timeoutMs: 2000, maxBytes: 100_000, feedDeadlineMs: 5000 };

async function events(entry: string, options: ListOptions = limits): Promise<SourceEvent[]> {
  const listed: SourceEvent[] = [];
  for await (const event of listSource(parseSourceEntry(entry), options)) listed.push(event);
  return listed;
}

/** The events without their extraction functions, for comparing. */
const shapes = (listed: SourceEvent[]) => listed.map((e) => (e.type === 'article' ? { type: e.type, key: e.key, sourceId: e.sourceId } : e));

const startServer = serversClosedAfterEachTest();

async function serve(routes: Record<string, Route>): Promise<string> {
  return (await startServer(routes)).url;
}

describe('listSource: paths', () => {
  it("lists a folder's text files in name order, through subfolders, and skips other files with a reason", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'b.txt'), ARTICLES['bahn.txt']!);
    writeFileSync(join(dir, 'sub', 'a.md'), ARTICLES['rhine.txt']!);
    writeFileSync(join(dir, '.hidden.txt'), 'hidden');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'photo.jpg'), 'jpeg');
    expect(shapes(await events(dir))).toEqual([
      { type: 'article', key: join(dir, 'b.txt'), sourceId: dir },
      { type: 'skipped', location: join(dir, 'empty.txt'), reason: 'empty file' },
      { type: 'skipped', location: join(dir, 'photo.jpg'), reason: 'unsupported file type ".jpg" (use .txt, .md or .html)' },
      { type: 'article', key: join(dir, 'sub', 'a.md'), sourceId: dir },
    ]);
  });

  it('reads a file named as the source whatever its extension, within the size limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.log'), ARTICLES['torino.txt']!);
    expect(shapes(await events(join(dir, 'notes.log')))).toEqual([{ type: 'article', key: join(dir, 'notes.log'), sourceId: join(dir, 'notes.log') }]);
    expect(shapes(await events(join(dir, 'notes.log'), { ...limits, maxBytes: 10 }))[0]).toMatchObject({
      type: 'skipped',
      reason: expect.stringMatching(/^too large \(\d+ bytes; MAX_ARTICLE_BYTES is 10\)$/),
    });
  });

  it('reports a missing path as a failed source', async () => {
    const missing = join(tempDir(), 'missing');
    expect(await events(missing)).toEqual([{ type: 'source-failed', sourceId: missing, reason: 'not found (ENOENT)' }]);
  });
});

describe('listSource: web sources', () => {
  it('lists a page as one article and remembers its validators once listed', async () => {
    const url = await serve({ '/page': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain', etag: '"p1"' }).end(ARTICLES['rhine.txt']) });
    let remembered: Validators | undefined;
    const validators: HttpValidatorCache = {
      get: () => undefined,
      set: (_url, v) => {
        remembered = v;
      },
    };
    expect(shapes(await events(`${url}/page`, { ...limits, validators }))).toEqual([{ type: 'article', key: `${url}/page`, sourceId: `${url}/page` }]);
    expect(remembered).toEqual({ etag: '"p1"', lastModified: null });
  });

  it("lists a feed's items under their links, and a malformed feed as a failed source", async () => {
    const url = await serve({
      '/rss': send(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>One</title><link>/one</link><description>First item.</description></item>
        <item><title>Two</title><link>javascript:alert(1)</link><guid>two</guid><description>Second item.</description></item>
        </channel></rss>`,
        'application/rss+xml',
      ),
      '/bad': send('<?xml version="1.0"?><rss><channel><item><title>oops</item></channel></rss>', 'application/rss+xml'),
    });
    expect(shapes(await events(`${url}/rss`))).toEqual([
      { type: 'article', key: `${url}/one`, sourceId: `${url}/rss` },
      { type: 'article', key: `${url}/rss#two`, sourceId: `${url}/rss` },
    ]);
    expect(await events(`${url}/bad`)).toEqual([{ type: 'source-failed', sourceId: `${url}/bad`, reason: expect.any(String) }]);
  });

  it('reports 304 Not Modified for a source asked with its validators, unless it must be fetched in full', async () => {
    const url = await serve({
      '/page': (req, res) => {
        if (req.headers['if-none-match'] === '"p1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'text/plain', etag: '"p1"' }).end(ARTICLES['rhine.txt']);
      },
    });
    const validators: HttpValidatorCache = { get: () => ({ etag: '"p1"' }), set: () => undefined };
    expect(await events(`${url}/page`, { ...limits, validators })).toEqual([{ type: 'not-modified', sourceId: `${url}/page` }]);
    expect(shapes(await events(`${url}/page`, { ...limits, validators, forceRefetch: () => true }))).toMatchObject([{ type: 'article' }]);
  });

  it('reports a source that cannot be fetched as failed', async () => {
    const url = await serve({});
    expect(await events(`${url}/gone`)).toEqual([{ type: 'source-failed', sourceId: `${url}/gone`, reason: expect.stringContaining('404') }]);
  });
});
