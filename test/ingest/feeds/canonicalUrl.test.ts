import { describe, expect, it } from 'vitest';
import { canonicalUrl, isTrackingParameter } from '../../../ingest/feeds/canonicalUrl.js';

describe('canonicalUrl', () => {
  it.each([
    [
      'removes utm_* parameters and keeps the others in order',
      'https://news.example/a?id=7&utm_source=rss&utm_medium=feed&page=2',
      'https://news.example/a?id=7&page=2',
    ],
    ['removes click ids of ad networks', 'https://news.example/a?fbclid=IwAR0&gclid=x&dclid=y&msclkid=z&yclid=1&igshid=2', 'https://news.example/a'],
    ['removes mail and social trackers', 'https://news.example/a?mc_cid=1&mc_eid=2&_ga=3&ref_src=twsrc&_hsenc=4&mkt_tok=5', 'https://news.example/a'],
    ['matches tracker names case-insensitively', 'https://news.example/a?UTM_Source=x&FBCLID=y&q=1', 'https://news.example/a?q=1'],
    ['matches an encoded tracker name', 'https://news.example/a?utm%5Fsource=x&q=1', 'https://news.example/a?q=1'],
    ['drops the fragment', 'https://news.example/a?id=1#comments', 'https://news.example/a?id=1'],
    ['keeps a #! fragment, the address on AJAX-crawling sites', 'https://news.example/#!/story/42', 'https://news.example/#!/story/42'],
    ['lower-cases the host and keeps the path case', 'https://News.Example/Story/A', 'https://news.example/Story/A'],
    ['removes default ports', 'https://news.example:443/a', 'https://news.example/a'],
    ['removes the http default port', 'http://news.example:80/a', 'http://news.example/a'],
    ['keeps other ports', 'https://news.example:8443/a', 'https://news.example:8443/a'],
    ['drops an empty query', 'https://news.example/a?', 'https://news.example/a'],
    ['drops the question mark when only trackers were there', 'https://news.example/a?utm_campaign=x#top', 'https://news.example/a'],
    [
      'keeps parameters that only look similar',
      'https://news.example/a?ref=home&source=rss&utm=1&gclid_x=2',
      'https://news.example/a?ref=home&source=rss&utm=1&gclid_x=2',
    ],
    ['keeps the original encoding of kept parameters', 'https://news.example/s?q=a%20b&r=c+d&utm_term=x', 'https://news.example/s?q=a%20b&r=c+d'],
    ['keeps repeated parameters', 'https://news.example/s?tag=a&tag=b', 'https://news.example/s?tag=a&tag=b'],
    ['keeps valueless parameters', 'https://news.example/s?amp&utm_source', 'https://news.example/s?amp'],
    ['trims surrounding white space', '  https://news.example/a \n', 'https://news.example/a'],
  ])('%s', (_what, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('gives two share links of one article the same identity', () => {
    const fromFeed = canonicalUrl('https://news.example/2026/12/story?utm_source=feedburner&utm_medium=feed');
    const fromShare = canonicalUrl('https://NEWS.example:443/2026/12/story?fbclid=IwAR3x#main');
    expect(fromFeed).toBe(fromShare);
  });

  it('resolves a relative URL against a base', () => {
    expect(canonicalUrl('/story?utm_source=x', 'https://news.example/feed.xml')).toBe('https://news.example/story');
  });

  it('gives null for what is not an http(s) URL', () => {
    for (const text of ['', 'not a url', 'mailto:a@b.example', 'javascript:alert(1)', 'ftp://files.example/a', '/relative/without/base']) {
      expect(canonicalUrl(text), text).toBeNull();
    }
  });

  it('knows the documented trackers and no site-specific names', () => {
    for (const name of ['utm_source', 'utm_content', 'fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'yclid', '_ga', 'ref_src']) {
      expect(isTrackingParameter(name), name).toBe(true);
    }
    for (const name of ['id', 'p', 'page', 'ref', 'source', 'q', 'article']) expect(isTrackingParameter(name), name).toBe(false);
  });
});
