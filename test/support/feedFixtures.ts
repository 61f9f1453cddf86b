import type { FeedIngestOptions } from '../../ingest/feeds/pollFeed.js';
import { extractBytes } from '../../ingest/extract/extractBytes.js';
import { unavailable } from './countingEmbeddings.js';
import { tempDir } from './tempDir.js';

export const HOUR = 60 * 60_000;
export const MINUTE = 60_000;

/** An item whose feed carries the whole article (enough words that no page is fetched). */
export interface TestItem {
  guid: string;
  link: string;
  title: string;
  published: number;
}

const BODY = (title: string) =>
  `<p>${`${title}: the harbour council approved a plan to rebuild the old district with new homes, parks, a library and a ferry pier. `.repeat(12)}</p>`;

export function rss(items: readonly TestItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${item.title}</title><guid isPermaLink="false">${item.guid}</guid><link>${item.link.replace(/&/g, '&amp;')}</link><pubDate>${new Date(item.published).toUTCString()}</pubDate><content:encoded><![CDATA[${BODY(item.title)}]]></content:encoded></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Wire</title>${entries}</channel></rss>`;
}

/** What every test feed ingest shares: in-thread extraction, no model, small limits. */
export function testIngestOptions(overrides: Partial<FeedIngestOptions> = {}): FeedIngestOptions {
  return {
    dataDir: tempDir('deskingest-'),
    embeddings: unavailable(),
    fetchTimeoutMs: 5_000,
    feedDeadlineMs: 5_000,
    maxArticleBytes: 1_000_000,
    extractor: async (bytes, origin) => extractBytes(bytes, origin),
    ...overrides,
  };
}

/** A clock tests move by hand. */
export function testClock(start = Date.now()) {
  let at = start;
  return {
    now: () => at,
    set: (time: number) => {
      at = time;
    },
    advance: (ms: number) => {
      at += ms;
    },
  };
}
