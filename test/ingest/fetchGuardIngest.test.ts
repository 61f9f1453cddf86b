import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { parseLocation } from '../../ingest/sources/sourceSpecs.js';
import { formatSummary } from '../../ingest/summary.js';
import { ingestFromConfig } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/app/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { formatAnswer } from '../../src/core/answer/format.js';
import { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { HashingEmbeddings } from '../../src/embeddings/hashingEmbeddings.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { loaded } from '../support/countingEmbeddings.js';
import { send, serversClosedAfterEachTest, type Route } from '../support/httpServer.js';
import { tempDir } from '../support/tempDir.js';

const serve = serversClosedAfterEachTest();

const BRIDGE =
  'The old harbour bridge will close for repairs on Monday for six months, the city engineering office said, and ferries will carry commuters across the river instead.';
const TOKEN_PAGE = `<!doctype html><html><head><title>Admin console</title></head><body><article><h1>Admin console</h1><p>${'The internal admin token is Q7-ZEBRA-991 and it opens every service on this network. '.repeat(6)}</p></article></body></html>`;

function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body><article><h1>${title}</h1><p>${body}</p><p>${body}</p></article></body></html>`;
}

function rss(items: Array<{ title: string; link: string; description: string }>): Route {
  return send(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>${items
      .map(
        (i) =>
          `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Mon, 02 Mar 2026 08:00:00 +0000</pubDate><description>${i.description}</description></item>`,
      )
      .join('')}</channel></rss>`,
    'application/rss+xml',
  );
}

describe('a feed whose links lead into the internal network', () => {
  it('stores and answers its good item, fetches nothing from 127.0.0.2, and reports each refusal', async () => {
    const internal = await serve({ '/admin': send(TOKEN_PAGE, 'text/html') }, '127.0.0.2');
    const feedHost = await serve({
      '/feed.xml': (req, res) =>
        rss([
          { title: 'Harbour bridge to close', link: '/bridge', description: 'Teaser.' },
          { title: 'Admin notes', link: `${internal.url}/admin`, description: 'Notes from the admin console, in short.' },
          { title: 'Moved story', link: '/moved', description: '' },
        ])(req, res),
      // A foreign canonical: the citation must stay on the fetched page's own site.
      '/bridge': send(page('Harbour bridge to close for repairs', BRIDGE, '<link rel="canonical" href="https://other-outlet.example/story">'), 'text/html'),
      '/moved': (_req, res) => void res.writeHead(302, { location: `${internal.url}/admin` }).end(),
    });
    const data = join(tempDir(), 'data');
    const embeddings = new HashingEmbeddings();
    const summary = await ingest({
      dataDir: data,
      sources: [parseLocation(`${feedHost.url}/feed.xml`)],
      embeddings: loaded(embeddings),
      fetchTimeoutMs: 2_000,
      maxArticleBytes: 1_000_000,
    });

    expect(internal.hits).toEqual([]);
    expect(feedHost.hits.sort()).toEqual(['/bridge', '/feed.xml', '/moved']);
    expect(summary.refused).toHaveLength(2);
    expect(summary.refused).toEqual(
      expect.arrayContaining([
        { location: `${internal.url}/admin`, reason: 'resolves to a private address 127.0.0.2 (loopback)' },
        { location: `${feedHost.url}/moved`, reason: `redirects to ${internal.url}/admin, which resolves to a private address 127.0.0.2 (loopback)` },
      ]),
    );
    // The direct link had a summary: kept as summary only. The redirecting one had none: skipped with the refusal.
    expect(summary.summaryOnly).toBe(1);
    expect(summary.skipped).toEqual([
      {
        location: `${feedHost.url}/moved`,
        reason: `not fetched: the link redirects to ${internal.url}/admin, which resolves to a private address 127.0.0.2 (loopback)`,
      },
    ]);
    expect(formatSummary(summary)).toContain(`Refused link: ${internal.url}/admin: resolves to a private address 127.0.0.2 (loopback)`);
    expect(JSON.parse(JSON.stringify(summary)).refused).toHaveLength(2); // the --json form carries them

    const store = SqliteStore.open(data);
    try {
      const rows = store.sqlite.db.prepare('SELECT doc_key, url, body, summary_only FROM documents ORDER BY doc_key').all() as Array<{
        doc_key: string;
        url: string;
        body: string;
        summary_only: number;
      }>;
      expect(rows.map((r) => [r.doc_key, r.url, r.summary_only])).toEqual([
        [`${feedHost.url}/bridge`, `${feedHost.url}/bridge`, 0],
        [`${internal.url}/admin`, null, 1], // kept from the feed's summary, cited without a link into the private network
      ]);
      expect(rows.map((r) => r.body).join('\n')).not.toMatch(/Q7-ZEBRA-991|admin token/);
      const kb = new KnowledgeBase({ store, embeddings, embeddingStatus: loaded(embeddings).status });
      const good = await kb.ask('When will the harbour bridge close for repairs?');
      expect(good.noAnswer).toBe(false);
      expect(good.answer).toMatch(/six months.*\[1\]/);
      expect(good.citations[0]).toMatchObject({ url: `${feedHost.url}/bridge` });
      const leak = await kb.ask('What is the internal admin token?');
      expect(`${leak.answer} ${JSON.stringify(leak.citations)}`).not.toContain('Q7-ZEBRA-991');
      expect(formatAnswer(leak)).not.toContain('127.0.0.2');
      // The refused item's own summary (the feed's text) is answerable, cited under the feed, never the private link.
      const notes = await kb.ask('What are the notes from the admin console?');
      expect(notes.noAnswer).toBe(false);
      expect(formatAnswer(notes)).toContain(`${feedHost.url}/feed.xml`);
      expect(formatAnswer(notes)).not.toContain('127.0.0.2');
    } finally {
      store.close();
    }
  });

  it('follows FETCH_ALLOWED_HOSTS and FETCH_ALLOW_PRIVATE_NETWORKS from the configuration, and refuses by default', async () => {
    const internal = await serve({ '/admin': send(TOKEN_PAGE, 'text/html') }, '127.0.0.2');
    const feedHost = await serve({ '/feed.xml': rss([{ title: 'Admin notes', link: `${internal.url}/admin`, description: 'Short notes.' }]) });
    const run = (env: Record<string, string>) =>
      ingestFromConfig(loadConfig({ DATA_DIR: join(tempDir(), 'data'), NEWS_SOURCES: `${feedHost.url}/feed.xml`, EMBEDDING_DISABLED: 'true', ...env }));
    expect((await run({})).refused).toHaveLength(1);
    expect(internal.hits).toEqual([]);
    expect((await run({ FETCH_ALLOWED_HOSTS: 'intranet.example, 127.0.0.0/8' })).refused).toEqual([]);
    expect((await run({ FETCH_ALLOW_PRIVATE_NETWORKS: 'true' })).refused).toEqual([]);
    expect(internal.hits).toEqual(['/admin', '/admin']);
    expect(() => loadConfig({ DATA_DIR: tempDir(), FETCH_ALLOWED_HOSTS: '10.0.0.0/99' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: tempDir(), FETCH_ALLOWED_HOSTS: '10.0.0.0/99' })).toThrow(
      /^FETCH_ALLOWED_HOSTS is invalid: "10.0.0.0\/99" is not a valid CIDR range/,
    );
  });
});
