import { describe, expect, it } from 'vitest';
import { looksLikeFeed, MalformedFeedError, parseFeed } from '../../ingest/sources/feeds.js';

const RSS = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Valley Times</title><link>https://valley.example</link>
<item><title>Dam opens</title><link>https://valley.example/dam</link><guid>dam-1</guid>
<pubDate>Thu, 02 Apr 2026 09:00:00 +0200</pubDate><description>Short summary.</description></item>
<item><title>Full story</title><link>https://valley.example/full</link><content:encoded><![CDATA[<p>Full <b>text</b> here.</p>]]></content:encoded></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<link rel="alternate" href="https://atom.example/"/>
<entry><title>Entry one</title><link rel="alternate" href="https://atom.example/1"/><id>urn:1</id><published>2026-01-02T10:00:00Z</published><summary>Sum</summary></entry>
</feed>`;

describe('feeds', () => {
  it('parses RSS items with summaries and full content', () => {
    const feed = parseFeed(RSS);
    expect(feed.title).toBe('Valley Times');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      title: 'Dam opens',
      link: 'https://valley.example/dam',
      published: 'Thu, 02 Apr 2026 09:00:00 +0200',
      hasFullContent: false,
    });
    expect(feed.items[1]!.hasFullContent).toBe(true);
    expect(feed.items[1]!.html).toContain('<p>Full <b>text</b> here.</p>');
  });

  it('parses Atom entries', () => {
    const feed = parseFeed(ATOM);
    expect(feed.items[0]).toMatchObject({ title: 'Entry one', link: 'https://atom.example/1', published: '2026-01-02T10:00:00Z' });
  });

  it('reports malformed XML with its line', () => {
    expect(() => parseFeed('<rss><channel>\n<item><title>x</item></channel></rss>')).toThrow(MalformedFeedError);
    expect(() => parseFeed('<rss><channel>\n<item><title>x</item></channel></rss>')).toThrow(/line 2/);
    expect(() => parseFeed('<html></html>')).toThrow(/not an RSS or Atom feed/);
  });

  it('tells feeds from pages', () => {
    expect(looksLikeFeed(RSS, 'text/xml')).toBe(true);
    expect(looksLikeFeed('<!doctype html><html>', 'text/html')).toBe(false);
  });
});
