import { describe, expect, it } from 'vitest';
import { DiscoveryError, discoverFeed } from '../../../ingest/feeds/feedDiscovery.js';
import { FetchPolicy } from '../../../ingest/sources/fetchPolicy.js';
import { send, serversClosedAfterEachTest } from '../../support/httpServer.js';

const serve = serversClosedAfterEachTest();

/** The test servers run on loopback, which an address added from Discord may not reach: the policy admits 127.0.0.1 explicitly (as FETCH_ALLOWED_HOSTS would). */
const limits = { timeoutMs: 2_000, maxBytes: 1_000_000, policy: new FetchPolicy({ allowedHosts: ['127.0.0.1'] }) };

const rss = (title: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>
  <item><title>One</title><link>https://news.example/one</link><pubDate>Fri, 04 Dec 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
const atom = (title: string) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>tag:a</id><updated>2026-12-04T10:00:00Z</updated></feed>`;
const html = (head: string, body = '<h1>Welcome</h1><p>Latest stories below.</p>') =>
  `<!doctype html><html lang="en"><head><title>Example News</title>${head}</head><body>${body}</body></html>`;
const rssType = 'application/rss+xml';
const htmlType = 'text/html; charset=utf-8';

/** About 220 words of article prose in paragraphs. */
const PROSE = [
  'The city council voted on Tuesday evening to extend the tram line to the northern districts, ending a debate that had lasted almost four years and divided residents along the route.',
  'Supporters said the extension would cut commuting times for thousands of people who now depend on crowded buses, and that the new stops would bring shops and services to neighbourhoods that have long felt ignored.',
  'Opponents warned that the construction would close several streets for two summers and that the budget, already raised twice, could grow again once the engineers reach the old river crossing.',
  'The mayor promised that a monthly report on costs and delays would be published online, and that local businesses along the works would receive compensation for lost trade during the closures.',
  'Work is expected to begin next spring, with the first trams running to the new terminus at the hospital by the end of the following year if the tenders are awarded on schedule.',
]
  .map((p) => `<p>${p}</p>`)
  .join('');

describe('discoverFeed', () => {
  it('takes an address that is a feed as the feed', async () => {
    const site = await serve({ '/news.rss': send(rss('Example News'), rssType) });
    expect(await discoverFeed(`${site.url}/news.rss`, limits)).toEqual({ kind: 'feed', url: `${site.url}/news.rss`, title: 'Example News' });
  });

  it('recognises a feed served as text/xml, and follows redirects to it', async () => {
    const site = await serve({ '/old': (_req, res) => void res.writeHead(301, { location: '/atom' }).end(), '/atom': send(atom('Atom News'), 'text/xml') });
    expect(await discoverFeed(`${site.url}/old`, limits)).toEqual({ kind: 'feed', url: `${site.url}/atom`, title: 'Atom News' });
  });

  it('finds the feed a page announces, resolving a relative href against <base>', async () => {
    const site = await serve({
      '/': send(html('<base href="/blog/"><link rel="alternate" type="application/atom+xml" href="atom.xml" title="Blog">'), htmlType),
      '/blog/atom.xml': send(atom('The Blog'), 'application/atom+xml'),
    });
    expect(await discoverFeed(`${site.url}/`, limits)).toEqual({ kind: 'feed', url: `${site.url}/blog/atom.xml`, title: 'The Blog' });
  });

  it('prefers the first same-site feed to another site announced before it', async () => {
    const other = await serve({ '/partner.xml': send(rss('Partner'), rssType) }, '127.0.0.2');
    const site = await serve({
      '/': send(
        html(
          `<link rel="alternate" type="application/rss+xml" href="${other.url}/partner.xml"><link rel="alternate feed" type="application/rss+xml" href="/feed.xml"><link rel="alternate" type="application/rss+xml" href="/comments.xml">`,
        ),
        htmlType,
      ),
      '/feed.xml': send(rss('Main'), rssType),
      '/comments.xml': send(rss('Comments'), rssType),
    });
    const policy = new FetchPolicy({ allowedHosts: ['127.0.0.0/8'] });
    expect(await discoverFeed(site.url, { ...limits, policy })).toEqual({ kind: 'feed', url: `${site.url}/feed.xml`, title: 'Main' });
    expect(other.hits).toEqual([]);
    expect(site.hits).toEqual(['/', '/feed.xml']);
  });

  it('skips announced feeds that fail or are not feeds, and ignores links that are not feeds', async () => {
    const site = await serve({
      '/': send(
        html(
          '<link rel="stylesheet" type="text/css" href="/style.css"><link rel="alternate" hreflang="de" href="/de/"><link rel="alternate" type="application/rss+xml" href="/gone.xml"><link rel="alternate" type="application/rss+xml" href="/notfeed.xml"><link rel="alternate" type="application/rss+xml" href="/broken.xml"><link rel="alternate" type="application/atom+xml" href="/atom.xml">',
        ),
        htmlType,
      ),
      '/notfeed.xml': send(html(''), htmlType),
      '/broken.xml': send('<rss><channel><title>x</title>', rssType),
      '/atom.xml': send(atom('Works'), 'application/atom+xml'),
    });
    expect(await discoverFeed(site.url, limits)).toEqual({ kind: 'feed', url: `${site.url}/atom.xml`, title: 'Works' });
    expect(site.hits).toEqual(['/', '/gone.xml', '/notfeed.xml', '/broken.xml', '/atom.xml']);
  });

  it('never fetches an announced feed on an address the policy refuses', async () => {
    const internal = await serve({ '/feed.xml': send(rss('Internal'), rssType) }, '127.0.0.2');
    const site = await serve({
      '/': send(html(`<link rel="alternate" type="application/rss+xml" href="${internal.url}/feed.xml">`), htmlType),
      '/rss': send(rss('Public'), rssType),
    });
    expect(await discoverFeed(site.url, limits)).toEqual({ kind: 'feed', url: `${site.url}/rss`, title: 'Public' });
    expect(internal.hits).toEqual([]);
  });

  it('tries the common feed paths in order on a home page that announces none; the first feed wins', async () => {
    const site = await serve({
      '/': send(html(''), htmlType),
      '/feed': send(html('', '<p>Page not found</p>'), htmlType), // a "soft 404": 200 with a page
      '/index.xml': send(rss('Hugo Site'), rssType),
      '/feeds/posts/default': send(atom('Not reached'), 'application/atom+xml'),
    });
    expect(await discoverFeed(`${site.url}/`, limits)).toEqual({ kind: 'feed', url: `${site.url}/index.xml`, title: 'Hugo Site' });
    expect(site.hits).toEqual(['/', '/feed', '/rss', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml']);
  });

  it("finds WordPress's ?feed=rss2 on the site's origin, from a page deeper in the site", async () => {
    const site = await serve({ '/about/': send(html(''), htmlType), '/?feed=rss2': send(rss('WordPress Site'), 'application/rss+xml; charset=UTF-8') });
    expect(await discoverFeed(`${site.url}/about/`, limits)).toEqual({ kind: 'feed', url: `${site.url}/?feed=rss2`, title: 'WordPress Site' });
  });

  it('adds an article as a page, even when it announces the site feed (OpenGraph says article)', async () => {
    const site = await serve({
      '/2026/12/tram.html': send(
        html(
          '<meta property="og:type" content="article"><meta property="og:title" content="Tram line to be extended"><link rel="alternate" type="application/rss+xml" href="/feed">',
          '<p>Short.</p>',
        ),
        htmlType,
      ),
      '/feed': send(rss('Site'), rssType),
    });
    expect(await discoverFeed(`${site.url}/2026/12/tram.html`, limits)).toEqual({
      kind: 'page',
      url: `${site.url}/2026/12/tram.html`,
      title: 'Tram line to be extended',
    });
    expect(site.hits).toEqual(['/2026/12/tram.html']);
  });

  it('adds an article as a page when its JSON-LD says so (in @graph)', async () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'X' },
        { '@type': ['NewsArticle'], headline: 'Tram' },
      ],
    });
    const site = await serve({ '/story?id=7': send(html(`<script type="application/ld+json">${jsonLd}</script>`), htmlType) });
    expect(await discoverFeed(`${site.url}/story?id=7`, limits)).toEqual({ kind: 'page', url: `${site.url}/story?id=7`, title: 'Example News' });
  });

  it('does not take a home page for an article, whatever its markup claims', async () => {
    const teasers = JSON.stringify({ '@type': 'ItemList', itemListElement: [{ '@type': 'NewsArticle', headline: 'Teaser' }] });
    const site = await serve({
      '/': send(
        html(
          `<meta property="og:type" content="article"><script type="application/ld+json">${teasers}</script><link rel="alternate" type="application/rss+xml" href="/rss.xml">`,
        ),
        htmlType,
      ),
      '/rss.xml': send(rss('Home Feed'), rssType),
    });
    expect(await discoverFeed(site.url, limits)).toEqual({ kind: 'feed', url: `${site.url}/rss.xml`, title: 'Home Feed' });
  });

  it('adds a page without feeds or article markup as a page when its main text is article-length', async () => {
    const site = await serve({ '/tram': send(html('', `<article><h1>Tram line to be extended</h1>${PROSE}</article>`), htmlType) });
    expect(await discoverFeed(`${site.url}/tram`, limits)).toEqual({ kind: 'page', url: `${site.url}/tram`, title: 'Example News' });
  });

  it("takes an announced feed's title from its link when the feed has none", async () => {
    const untitled = '<rss version="2.0"><channel><link>https://news.example/</link></channel></rss>';
    const site = await serve({
      '/': send(html('<link rel="alternate" type="application/rss+xml" title="Example News » Feed" href="/feed">'), htmlType),
      '/feed': send(untitled, rssType),
    });
    expect(await discoverFeed(site.url, limits)).toEqual({ kind: 'feed', url: `${site.url}/feed`, title: 'Example News » Feed' });
  });

  it('says that a JSON Feed cannot be read yet', async () => {
    const site = await serve({
      '/feed.json': send(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [] }), 'application/feed+json'),
    });
    await expect(discoverFeed(`${site.url}/feed.json`, limits)).rejects.toThrow(
      `${site.url}/feed.json is a JSON Feed, which news desks cannot read yet: give the site's RSS or Atom feed, or its home page`,
    );
  });

  it("stops when the caller's deadline passes, saying so", async () => {
    const deadline = new AbortController();
    const site = await serve({
      '/': send(html(''), htmlType),
      '/feed': (_req, res) => {
        deadline.abort();
        res.writeHead(404).end();
      },
      '/rss': send(rss('Too late'), rssType),
    });
    await expect(discoverFeed(site.url, { ...limits, signal: deadline.signal })).rejects.toThrow(
      'the time allowed for finding the feed ran out before a feed was found',
    );
    expect(site.hits).toEqual(['/', '/feed']);
  });

  it('explains when nothing is found', async () => {
    const site = await serve({ '/': send(html('<link rel="alternate" type="application/rss+xml" href="/gone.xml">'), htmlType) });
    const error = await discoverFeed(site.url, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as Error).message).toBe(
      `no feed found at ${site.url}: the feed the page announces could not be read as RSS or Atom, none of /feed, /rss, /rss.xml, /atom.xml, /feed.xml, /index.xml, /feeds/posts/default, /?feed=rss2 on ${site.url} is a feed, and the page is not an article`,
    );
  });

  it('refuses a loopback address when the policy does not admit it, saying why, without connecting', async () => {
    const site = await serve({ '/feed.xml': send(rss('Local'), rssType) });
    const error = await discoverFeed(`${site.url}/feed.xml`, { ...limits, policy: new FetchPolicy() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as Error).message).toBe(
      `${site.url}/feed.xml was not fetched: it resolves to a private address 127.0.0.1 (loopback). Addresses added here must be public; only the operator's configuration, or FETCH_ALLOW_PRIVATE_NETWORKS, admits local ones`,
    );
    expect(site.hits).toEqual([]);
  });

  it('refuses a public-looking address that redirects to a refused one', async () => {
    const internal = await serve({ '/admin': send('secret', 'text/plain') }, '127.0.0.2');
    const site = await serve({ '/go': (_req, res) => void res.writeHead(302, { location: `${internal.url}/admin` }).end() });
    await expect(discoverFeed(`${site.url}/go`, limits)).rejects.toThrow(
      `${site.url}/go was not fetched: it redirects to ${internal.url}/admin, which resolves to a private address 127.0.0.2 (loopback).`,
    );
    expect(internal.hits).toEqual([]);
  });

  it('reports the HTTP status, a malformed feed, binary content and an invalid address', async () => {
    const site = await serve({
      '/error': (_req, res) => void res.writeHead(500).end('boom'),
      '/broken.rss': send('<rss version="2.0"><channel><title>x</channel></rss>', rssType),
      '/logo.png': send('\u0000\u0001\u0002PNG\u0000\u0000', 'image/png'),
    });
    await expect(discoverFeed(`${site.url}/missing`, limits)).rejects.toThrow(`${site.url}/missing could not be read: HTTP 404 Not Found`);
    await expect(discoverFeed(`${site.url}/error`, limits)).rejects.toThrow(`${site.url}/error could not be read: HTTP 500 Internal Server Error`);
    await expect(discoverFeed(`${site.url}/broken.rss`, limits)).rejects.toThrow(
      new RegExp(`^${site.url}/broken.rss looks like a feed but cannot be read: malformed feed XML at line 1`),
    );
    await expect(discoverFeed(`${site.url}/logo.png`, limits)).rejects.toThrow(`${site.url}/logo.png is not a web page or a feed (binary content, not text)`);
    await expect(discoverFeed('not a url', limits)).rejects.toThrow('not a url could not be read: not a valid URL: not a url');
    await expect(discoverFeed('ftp://files.example/feed', limits)).rejects.toThrow(DiscoveryError);
  });
});
