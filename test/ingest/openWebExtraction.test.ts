import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../ingest/extract/html.js';
import { validateArticle } from '../../ingest/validateArticle.js';
import { detectLanguage } from '../../src/core/text/language.js';

const PARAGRAPHS = [
  'The regional parliament approved the new water law on Tuesday after a debate that lasted eleven hours and ended close to midnight.',
  'Farmers will pay a fee for every cubic metre taken from rivers during droughts, and the money will fund new reservoirs in the south.',
  'Opposition parties said the fee was too low to change anything, while farming groups said it would ruin small family farms.',
];
const origin = { location: 'https://news.example/a', url: 'https://news.example/a', source: 'https://news.example/a' };
const ps = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');

describe('open-web extraction', () => {
  it('keeps the article of a WordPress page whose body and article carry "sidebar"/"widget"/"share" classes', () => {
    const html = `<!doctype html><html lang="en"><head><title>Water law passes</title></head>
<body class="post-template-default single has-sidebar elementor-widget-wrap cookie-consent">
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav></header>
<div class="site-content l-article-body-segment share-enabled"><article class="post widget-area-main"><h1>Water law passes</h1>
<div class="entry-content elementor-widget-container">${ps}
<p>Some readers asked how cookies on this site work; the editors explained the cookie policy in a separate note about data protection and privacy.</p></div>
<div class="sharedaddy"><a href="https://fb.example/s">Facebook</a> <a href="https://x.example/s">X</a> <a href="mailto:?">Email</a></div>
</article>
<aside class="widget-area"><h3>Popular</h3><ul><li><a href="/1">Other story one</a></li><li><a href="/2">Other story two</a></li></ul></aside></div>
<footer><a href="/about">About</a> <a href="/privacy">Privacy</a></footer></body></html>`;
    const a = extractFromHtml(html, origin);
    const body = a.body.join('\n');
    for (const p of PARAGRAPHS) expect(body).toContain(p);
    expect(body).toContain('cookie policy'); // prose about cookies is prose
    expect(body).not.toMatch(/Other story|Facebook|Privacy|Politics/);
  });

  it('keeps the post of a Blogger page built from div.widget.Blog containers', () => {
    const html = `<html><body class="widget"><div class="widget Blog" id="Blog1"><div class="post hentry"><h3 class="post-title">Harbour reopens</h3>
<div class="post-body entry-content">${ps}</div></div></div>
<div class="widget LinkList"><ul><li><a href="/a">Archive 2019</a></li><li><a href="/b">Archive 2020</a></li></ul></div></body></html>`;
    const body = extractFromHtml(html, origin).body.join('\n');
    for (const p of PARAGRAPHS) expect(body).toContain(p);
    expect(body).not.toContain('Archive 2019');
  });

  it('reads a wpDiscuz thread and a Disqus-style list with authors and dates, and no reply form as a comment', () => {
    const html = `<html><body><article><h1>Water law passes</h1>${ps}</article>
<div id="comments" class="comments-area"><h2 class="comments-title">3 comments</h2>
<div class="wpd-thread-head">Sort by: newest</div>
<div class="wpd-thread-list">
 <div class="wpd-comment" id="wpd-comment-1"><div class="wpd-comment-author">Ada</div><div class="wpd-comment-date"><time datetime="2026-03-02T10:00:00Z">2 March</time></div>
   <div class="wpd-comment-text"><p>Finally a sensible law.</p></div><span class="wpd-reply-button">Reply</span>
   <div class="wpd-comment" id="wpd-comment-2"><div class="wpd-comment-author">Bo</div><div class="wpd-comment-text"><p>I disagree with Ada.</p></div></div>
 </div>
</div>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><p class="comment-notes">Your email address will not be published.</p><textarea></textarea><input type="submit" value="Post Comment"></form></div>
</div></body></html>`;
    const a = extractFromHtml(html, origin);
    expect(a.comments).toEqual([
      { author: 'Ada', published: '2026-03-02T10:00:00Z', text: 'Finally a sensible law.' },
      { author: 'Bo', published: null, text: 'I disagree with Ada.' },
    ]);
    expect(a.body.join('\n')).not.toMatch(/Reply|email address|Sort by|3 comments/);
  });

  it('stores nothing as a comment when the comment area is only a reply form', () => {
    const html = `<html><body><article><h1>Water law passes</h1>${ps}</article>
<div id="comments"><div id="respond"><h3 id="reply-title">Leave a Comment</h3><form><p class="logged-in-as">Log in to comment.</p>
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p><textarea></textarea></form></div></div></body></html>`;
    const a = extractFromHtml(html, origin);
    expect(a.comments).toEqual([]);
    expect(a.body.join('\n')).not.toMatch(/Leave a Comment|email address/);
  });

  it('reads schema.org Comment microdata', () => {
    const html = `<html><body><article><h1>Water law passes</h1>${ps}</article>
<section><div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Cy</span>
<meta itemprop="dateCreated" content="2026-03-04"><div itemprop="text">Who checks the meters?</div></div></section></body></html>`;
    expect(extractFromHtml(html, origin).comments).toEqual([{ author: 'Cy', published: '2026-03-04', text: 'Who checks the meters?' }]);
  });

  it('takes authors and publishers from JSON-LD of any shape and never passes a list on', () => {
    const withAuthors = (author: string) =>
      `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Water law","datePublished":"2026-03-01","author":${author},"publisher":{"@type":"Organization","name":["Daily Example"]}}</script>
<script type="application/ld+json">{ broken json, }</script></head><body><article>${ps}</article></body></html>`;
    expect(extractFromHtml(withAuthors('[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Bo Lind"}]'), origin).author).toBe('Ana Ruiz, Bo Lind');
    expect(extractFromHtml(withAuthors('["Ana Ruiz","Bo Lind"]'), origin).author).toBe('Ana Ruiz, Bo Lind');
    expect(extractFromHtml(withAuthors('{"name":{"nested":true}}'), origin).author).toBeNull();
    const a = extractFromHtml(withAuthors('"Ana\\u0000 Ruiz"'), origin);
    expect(a.author).toBe('Ana Ruiz');
    expect(a.outlet).toBe('Daily Example');
    expect(a.published).toBe('2026-03-01');
  });

  it('validates whatever reaches the store', () => {
    const article = validateArticle({
      title: 'x'.repeat(5000),
      published: null,
      language: 'not a code!',
      outlet: ['A', 'B'] as unknown as string,
      url: 'javascript:alert(1)',
      source: 's',
      location: 'l',
      author: ['Ana', 'Bo'] as unknown as string,
      body: ['ok', 42 as unknown as string, ''],
      comments: [{ author: null, published: null, text: 'c\u0007' }],
    });
    expect(article.title.length).toBeLessThanOrEqual(301);
    expect(article.author).toBe('Ana, Bo');
    expect(article.outlet).toBeNull();
    expect(article.url).toBeNull();
    expect(article.language).toBe('und');
    expect(article.body).toEqual(['ok']);
    expect(article.comments[0]!.text).toBe('c');
  });

  it('extracts a page nested 50,000 levels deep without recursion or quadratic time', () => {
    const html = `<html><body>${'<div>'.repeat(50_000)}<p>${PARAGRAPHS[0]}</p>${'</div>'.repeat(50_000)}</body></html>`;
    const a = extractFromHtml(html, origin);
    expect(a.body.join(' ')).toContain('water law');
  });

  it('reads US dates month-first and other locales day-first', () => {
    const page = (lang: string) => `<html lang="${lang}"><body><article><time pubdate datetime="">03/04/2025</time>${ps}</article></body></html>`;
    expect(extractFromHtml(page('en-US'), origin).published).toBe('2025-03-04');
    expect(extractFromHtml(page('en-GB'), origin).published).toBe('2025-04-03');
    expect(extractFromHtml(page('it'), origin).published).toBe('2025-04-03');
  });
});

describe('language detection', () => {
  it.each([
    ['De regering heeft vandaag besloten om de belasting voor bedrijven te verhogen.', 'nl'],
    ['O governo decidiu hoje aumentar os impostos para as empresas do setor.', 'pt'],
    ['Wie niedrig ist der Rhein bei Kaub?', 'de'],
    ['¿Dónde está el nuevo puente?', 'es'],
    ['Quando è stata fondata la città?', 'it'],
    ['Rząd zdecydował dziś o podniesieniu podatków dla firm.', 'pl'],
  ])('%s -> %s', (text, code) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it('says "und" when there is nothing to go on', () => {
    expect(detectLanguage('12345 ---')).toBe('und');
  });
});
