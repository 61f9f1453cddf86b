import { describe, expect, it } from 'vitest';
import { sameSiteUrl } from '../../ingest/sources/sameSiteUrl.js';

describe("canonical URL accepted only on the fetched page's own site", () => {
  it('keeps a canonical on the same registrable domain, including a sibling subdomain', () => {
    expect(sameSiteUrl('https://www.example.co.uk/news/story', 'https://news.example.co.uk/story?utm=x')).toBe('https://www.example.co.uk/news/story');
    expect(sameSiteUrl('https://example.com/a', 'http://amp.example.com/a')).toBe('https://example.com/a');
  });

  it("drops a canonical that claims another outlet's domain, and uses the fetched URL", () => {
    expect(sameSiteUrl('https://trusted-outlet.com/story', 'https://spoof.example.com/story')).toBe('https://spoof.example.com/story');
    // Same public suffix is not the same site.
    expect(sameSiteUrl('https://other.co.uk/story', 'https://example.co.uk/story')).toBe('https://example.co.uk/story');
    // Private suffixes: two github.io sites belong to different owners.
    expect(sameSiteUrl('https://bob.github.io/story', 'https://alice.github.io/story')).toBe('https://alice.github.io/story');
    expect(sameSiteUrl('javascript:alert(1)', 'https://example.com/a')).toBe('https://example.com/a');
    expect(sameSiteUrl('not a url', 'https://example.com/a')).toBe('https://example.com/a');
    expect(sameSiteUrl(null, 'https://example.com/a')).toBe('https://example.com/a');
  });

  it('compares IP hosts and bare names exactly', () => {
    expect(sameSiteUrl('http://127.0.0.1:8080/x', 'http://127.0.0.1:9090/y')).toBe('http://127.0.0.1:8080/x');
    expect(sameSiteUrl('http://127.0.0.2/x', 'http://127.0.0.1/y')).toBe('http://127.0.0.1/y');
  });
});
