import { describe, expect, it } from 'vitest';
import { identityKeys, isSameItem, itemIdentity } from '../../../ingest/feeds/feedItemIdentity.js';
import { parseFeed } from '../../../ingest/sources/feeds.js';

const FEED = 'https://news.example/feed.xml';

describe('itemIdentity', () => {
  it('uses the GUID, scoped to its feed when it is not a URL, and the canonical link', () => {
    expect(itemIdentity({ id: ' 42 ', link: 'https://news.example/a?utm_source=rss', feedUrl: FEED })).toEqual({
      guid: `${FEED} 42`,
      url: 'https://news.example/a',
    });
  });

  it('canonicalises a GUID that is a URL (a permalink)', () => {
    expect(itemIdentity({ id: 'https://News.example/a?fbclid=1#x', link: null }).guid).toBe('https://news.example/a');
  });

  it('ignores placeholder GUIDs and permalinks of nothing (the home page)', () => {
    for (const id of ['', '  ', 'null', 'undefined', '0', '#', 'https://news.example/', 'https://news.example/?utm_source=x']) {
      expect(itemIdentity({ id, link: null, feedUrl: FEED }).guid, id).toBeNull();
    }
    expect(itemIdentity({ id: null, link: 'https://news.example/#top' }).url).toBeNull();
  });

  it('resolves a relative link against the feed', () => {
    expect(itemIdentity({ id: null, link: '/2026/story', feedUrl: FEED }).url).toBe('https://news.example/2026/story');
  });

  it('gives no keys to an item without GUID or usable link', () => {
    expect(identityKeys({ id: null, link: 'mailto:desk@news.example' })).toEqual([]);
  });
});

describe('isSameItem', () => {
  it.each([
    [
      'same GUID, link changed',
      { id: 'tag:news.example,2026:42', link: 'https://news.example/old-slug' },
      { id: 'tag:news.example,2026:42', link: 'https://news.example/new-slug' },
      true,
    ],
    [
      'no GUID, links differing in tracking parameters',
      { id: null, link: 'https://news.example/a?utm_source=rss' },
      { id: null, link: 'https://news.example/a?fbclid=9' },
      true,
    ],
    [
      'different GUIDs, same canonical link (RSS and Atom feed of one site)',
      { id: '42', link: 'https://news.example/a', feedUrl: FEED },
      { id: 'tag:x:42', link: 'https://news.example/a#c', feedUrl: 'https://news.example/atom.xml' },
      true,
    ],
    [
      'GUID permalink without link against a plain link',
      { id: 'https://news.example/a', link: null },
      { id: null, link: 'https://news.example/a?utm_medium=email' },
      true,
    ],
    [
      'different GUIDs, every link the home page',
      { id: '1', link: 'https://news.example/', feedUrl: FEED },
      { id: '2', link: 'https://news.example/', feedUrl: FEED },
      false,
    ],
    ['the same numeric GUID in two feeds', { id: '7', link: null, feedUrl: FEED }, { id: '7', link: null, feedUrl: 'https://other.example/rss' }, false],
    ['the same numeric GUID in one feed', { id: '7', link: null, feedUrl: FEED }, { id: '7', link: null, feedUrl: FEED }, true],
    ['placeholder GUIDs and different links', { id: 'undefined', link: 'https://news.example/a' }, { id: 'undefined', link: 'https://news.example/b' }, false],
    ['different query parameters that select content', { id: null, link: 'https://news.example/?p=1' }, { id: null, link: 'https://news.example/?p=2' }, false],
    ['two items with nothing to go by', { id: null, link: null }, { id: null, link: null }, false],
  ])('%s -> %s', (_what, a, b, same) => {
    expect(isSameItem(a, b)).toBe(same);
    expect(isSameItem(b, a)).toBe(same);
  });

  it('works on items as parseFeed returns them', () => {
    const rss = parseFeed(`<rss version="2.0"><channel><title>t</title>
      <item><title>A</title><link>https://news.example/a?utm_source=rss</link></item>
      <item><title>B</title><guid isPermaLink="false">b-1</guid><link>https://news.example/b</link></item>
    </channel></rss>`);
    const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><id>tag:news.example,2026:a</id><title>A</title><link href="https://news.example/a"/></entry>
    </feed>`);
    expect(isSameItem(rss.items[0]!, atom.items[0]!)).toBe(true);
    expect(isSameItem(rss.items[1]!, atom.items[0]!)).toBe(false);
  });
});
