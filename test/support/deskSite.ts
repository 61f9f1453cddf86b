import { type Route, send, startHttpServer } from './httpServer.js';

/** Stories only the desk site carries: no global sample article mentions Quillmere or Emberfield. */
export const QUILLMERE_QUESTION = 'When will the Quillmere reservoir reopen to swimmers?';
export const EMBERFIELD_QUESTION = 'What happened at the Emberfield kiln festival?';

const story = (title: string, paragraphs: string[], ogType = 'article') =>
  `<html lang="en"><head><title>${title}</title><meta property="og:type" content="${ogType}"><meta property="og:site_name" content="Quillmere Gazette"></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

const STORIES: Record<string, string> = {
  '/site/reservoir.html': story('Quillmere reservoir reopens in June', [
    'The Quillmere reservoir will reopen to swimmers on the first Saturday of June, after the water board finished repairing the northern dam wall, the board said on Tuesday.',
    'Lifeguards will be on duty at the Quillmere reservoir every weekend until the end of September, and the car park fee stays at two euros.',
  ]),
  '/site/ferry.html': story('Quillmere ferry gets a new timetable', [
    'The small ferry across the Quillmere reservoir runs every forty minutes from next week, the operator announced, replacing the hourly service of the winter months.',
  ]),
  '/pages/ember.html': story('Emberfield kiln festival draws record crowd', [
    'The Emberfield kiln festival drew a record crowd of twelve thousand visitors on Sunday, who watched potters fire a wood kiln for thirty hours without a break.',
    'Organisers of the Emberfield kiln festival said the proceeds go to the village pottery school, which lost its roof in the spring storm.',
  ]),
};

function rss(base: string): string {
  const items = [
    ['Quillmere reservoir reopens in June', '/site/reservoir.html', 'Tue, 01 Dec 2026 09:00:00 GMT'],
    ['Quillmere ferry gets a new timetable', '/site/ferry.html', 'Mon, 30 Nov 2026 09:00:00 GMT'],
  ]
    .map(
      ([title, path, date]) =>
        `<item><title>${title}</title><link>${base}${path}?utm_source=rss</link><guid>${base}${path}</guid><pubDate>${date}</pubDate><description>${title}.</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Quillmere Gazette</title><link>${base}/site/</link><description>Local news</description>${items}</channel></rss>`;
}

/**
 * A news site on 127.0.0.1 for news desk tests: a home page announcing its RSS feed (found by
 * autodiscovery), the feed with two stories, and a single article page elsewhere on the site.
 */
export async function startDeskSite(): Promise<{ url: string; feedUrl: string; close: () => Promise<void>; hits: string[] }> {
  let base = '';
  const routes: Record<string, Route> = {
    '/site/': (req, res) =>
      send(
        `<html><head><title>Quillmere Gazette</title><link rel="alternate" type="application/rss+xml" title="Quillmere Gazette" href="/site/feed.xml"></head><body><h1>Quillmere Gazette</h1><ul><li><a href="/site/reservoir.html">Reservoir</a></li></ul></body></html>`,
        'text/html',
      )(req, res),
    '/site/feed.xml': (req, res) => send(rss(base), 'application/rss+xml')(req, res),
  };
  for (const [path, html] of Object.entries(STORIES)) {
    routes[path] = send(html, 'text/html');
    routes[`${path}?utm_source=rss`] = send(html, 'text/html');
  }
  const server = await startHttpServer(routes);
  base = server.url;
  return { ...server, feedUrl: `${server.url}/site/feed.xml` };
}
