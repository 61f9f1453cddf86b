import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../ingest/extract/html.js';

const PAGE = `<!doctype html><html lang="en"><head>
<meta property="og:title" content="Dam opens after ten years">
<meta property="og:site_name" content="Valley Times">
<link rel="canonical" href="/news/dam-opens">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Dam opens","datePublished":"2026-04-02T09:00:00+02:00","author":{"name":"Ana Lopez"}}]}</script>
</head><body>
<nav><a href="/">Home</a><a href="/sport">Sport</a></nav>
<article><h1>Dam opens after ten years</h1>
<p>The new dam on the river opened on Monday after ten years of construction and will supply water to 300,000 people in the valley.</p>
<p>Engineers said the reservoir would be full by the end of the summer if rainfall stays normal, and the dam can also generate 45 megawatts of electricity.</p>
<div class="share-bar"><a href="https://facebook.example/share">Share on Facebook</a> <a href="https://x.example/share">Post</a></div>
<p>The regional government paid 80 percent of the cost, which reached 1.4 billion euros, while the rest came from European funds for infrastructure.</p>
</article>
<div id="comments"><ol class="commentlist">
<li class="comment" id="comment-1"><span class="comment-author">Bob</span><div class="comment-content"><p>Took them long enough.</p></div>
  <ol><li class="comment" id="comment-2"><span class="comment-author">Eve</span><div class="comment-content"><p>Better late than never.</p></div></li></ol>
</li></ol></div>
<aside class="related-posts"><h3>Related</h3><p>Another story entirely about football.</p></aside>
<footer>All rights reserved</footer>
</body></html>`;

describe('HTML extraction', () => {
  it('reads metadata from meta tags and JSON-LD and resolves the canonical URL', () => {
    const a = extractFromHtml(PAGE, {
      location: 'https://valley.example/a?utm=1',
      url: 'https://valley.example/a?utm=1',
      source: 'https://valley.example/a?utm=1',
    });
    expect(a.title).toBe('Dam opens after ten years');
    expect(a.outlet).toBe('Valley Times');
    expect(a.published).toBe('2026-04-02T09:00:00+02:00');
    expect(a.author).toBe('Ana Lopez');
    expect(a.url).toBe('https://valley.example/news/dam-opens');
    expect(a.language).toBe('en');
  });

  it('keeps the article, separates each comment (nested replies too) and drops chrome', () => {
    const a = extractFromHtml(PAGE, { location: 'x', url: 'https://valley.example/a', source: 'x' });
    const body = a.body.join('\n');
    expect(body).toContain('300,000 people');
    expect(body).toContain('1.4 billion euros');
    expect(body).not.toMatch(/Share on Facebook|football|Home|rights reserved|Took them/);
    expect(a.comments).toEqual([
      { author: 'Bob', published: null, text: 'Took them long enough.' },
      { author: 'Eve', published: null, text: 'Better late than never.' },
    ]);
  });

  it('survives malformed markup', () => {
    const a = extractFromHtml('<html><body><p>Unclosed <b>bold <p>Second paragraph about the election results in the city.</div></span>', {
      location: 'x',
      url: null,
      source: 'broken.html',
    });
    expect(a.body.join(' ')).toContain('election results');
  });
});
