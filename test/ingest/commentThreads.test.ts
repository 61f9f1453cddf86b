import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../ingest/extract/html.js';

const ARTICLE = [
  'The city council voted on Thursday to close the old harbour bridge to cars from next spring, after engineers found cracks in two of its steel supports.',
  'Buses, bicycles and pedestrians will still be allowed to cross, and the council said a replacement bridge would be designed over the next three years.',
  'Shop owners on the north bank said the closure would cost them customers, while residents near the bridge welcomed the prospect of quieter streets.',
];
const origin = { location: 'https://news.example/bridge', url: 'https://news.example/bridge', source: 'https://news.example/bridge' };
const article = `<article><h1>Harbour bridge to close to cars</h1><p class="byline">By <a href="/staff/ana">Ana Ruiz</a>, <time datetime="2026-05-07">7 May 2026</time></p>${ARTICLE.map((p) => `<p>${p}</p>`).join('\n')}</article>`;
const page = (after: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>Bridge</title>${head}</head><body><nav><a href="/">Home</a> <a href="/city">City</a></nav>${article}${after}<footer><a href="/about">About us</a></footer></body></html>`;

function extract(html: string) {
  const a = extractFromHtml(html, origin);
  return { ...a, bodyText: a.body.join('\n') };
}

describe('reader comments', () => {
  it('reads a WordPress thread with nested replies, authors and dates, and keeps none of it in the body', () => {
    const a = extract(
      page(`<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on “Bridge”</h2>
<ol class="comment-list">
 <li id="comment-11" class="comment even thread-even depth-1"><article id="div-comment-11" class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Marta</b> <span class="says">says:</span></div>
   <div class="comment-metadata"><a href="#comment-11"><time datetime="2026-05-07T18:02:00+00:00">May 7, 2026 at 6:02 pm</time></a></div></footer>
   <div class="comment-content"><p>About time: the cracks were visible from the ferry for years.</p></div>
   <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article>
  <ol class="children"><li id="comment-12" class="comment odd depth-2"><article class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Jonas</b></div>
   <div class="comment-metadata"><time datetime="2026-05-08T08:15:00+00:00">May 8, 2026</time></div></footer>
   <div class="comment-content"><p>The ferry is exactly why nobody in the council looked closely.</p></div></article></li></ol>
 </li>
</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3><form><p class="comment-notes">Your email address will not be published.</p><textarea></textarea></form></div></div>`),
    );
    expect(a.comments).toEqual([
      { author: 'Marta', published: '2026-05-07T18:02:00+00:00', text: 'About time: the cracks were visible from the ferry for years.' },
      { author: 'Jonas', published: '2026-05-08T08:15:00+00:00', text: 'The ferry is exactly why nobody in the council looked closely.' },
    ]);
    for (const p of ARTICLE) expect(a.bodyText).toContain(p);
    expect(a.bodyText).not.toMatch(/ferry|Leave a Reply|thoughts on/);
  });

  it('reads schema.org Comment from JSON-LD (an Article comment array) once, even when the page also shows it', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour bridge to close to cars',
      comment: [
        { '@type': 'Comment', author: { '@type': 'Person', name: 'Lea' }, dateCreated: '2026-05-07T20:00:00Z', text: '<p>Will the night buses still run?</p>' },
        {
          '@type': 'Comment',
          author: 'Omar',
          text: 'A new bridge in three years sounds optimistic.',
          comment: [{ '@type': 'Comment', author: 'Lea', text: 'Three years is the design alone.' }],
        },
      ],
    });
    const shown = `<section class="comments"><div class="comment" id="comment-1"><span class="author">Lea</span><div class="comment-text">Will the night buses still run?</div></div></section>`;
    const a = extract(page(shown, `<script type="application/ld+json">${jsonLd}</script>`));
    expect(a.comments.map((c) => [c.author, c.text])).toEqual([
      ['Lea', 'Will the night buses still run?'],
      ['Omar', 'A new bridge in three years sounds optimistic.'],
      ['Lea', 'Three years is the design alone.'],
    ]);
    expect(a.bodyText).not.toContain('night buses');
  });

  it('reads a Disqus thread rendered into the page', () => {
    const a = extract(
      page(`<div id="disqus_thread"><ul id="post-list" class="post-list">
 <li class="post" id="post-501"><div class="post-content"><div class="post-byline"><span class="author"><a href="https://disqus.example/by/pia/">Pia</a></span>
   <a class="time-ago" href="#comment-501" title="Thursday, May 7, 2026 9:14 PM">2 hours ago</a></div>
   <div class="post-body"><div class="post-message"><p>Cyclists will love this.</p><p>Drivers less so.</p></div></div>
   <footer><a class="vote-up" href="#">Upvote</a> <a class="reply" href="#">Reply</a></footer></div>
   <ul class="children"><li class="post" id="post-502"><div class="post-content"><span class="author"><a href="https://disqus.example/by/tom/">Tom</a></span>
   <div class="post-message"><p>Drivers will take the ring road, it is faster anyway.</p></div></div></li></ul></li>
</ul></div>`),
    );
    expect(a.comments.map((c) => [c.author, c.text])).toEqual([
      ['Pia', 'Cyclists will love this.\nDrivers less so.'],
      ['Tom', 'Drivers will take the ring road, it is faster anyway.'],
    ]);
    expect(a.comments[0]!.published).toBe('2026-05-07');
    expect(a.bodyText).not.toMatch(/Cyclists|ring road|Upvote/);
  });

  it("keeps a forum thread's opening post as the body and reads the later posts as comments", () => {
    const post = (id: number, name: string, date: string, text: string) => `<div id="p${id}" class="post has-profile bg${(id % 2) + 1}"><div class="inner">
 <dl class="postprofile"><dt><a href="/memberlist.php?u=${id}" class="username">${name}</a></dt><dd>Posts: ${id * 7}</dd></dl>
 <div class="postbody"><h3><a href="#p${id}">Re: Harbour bridge closing</a></h3><p class="author"><time datetime="${date}">${date}</time></p>
 <div class="content">${text}</div></div></div></div>`;
    const html = `<html><body><h1>Harbour bridge closing</h1><div class="topic">
${post(1, 'Admin', '2026-05-07T09:00:00Z', ARTICLE.join('<br><br>'))}
${post(2, 'Karl', '2026-05-07T10:00:00Z', 'Does anyone know if the footpath on the east side stays open during the works?')}
${post(3, 'Ines', '2026-05-07T11:30:00Z', 'It does, the notice at the bridge says so.')}</div></body></html>`;
    const a = extract(html);
    expect(a.comments.map((c) => [c.author, c.published, c.text])).toEqual([
      ['Karl', '2026-05-07T10:00:00Z', 'Does anyone know if the footpath on the east side stays open during the works?'],
      ['Ines', '2026-05-07T11:30:00Z', 'It does, the notice at the bridge says so.'],
    ]);
    expect(a.bodyText).toContain(ARTICLE[0]);
    expect(a.bodyText).not.toMatch(/footpath|notice at the bridge/);
  });

  it("keeps the opening post of a thread without forum markup as the body when the posts hold the page's text", () => {
    const post = (name: string, date: string, text: string) =>
      `<div class="row"><div class="meta"><span class="user">${name}</span> <time datetime="${date}">${date}</time></div><div class="msg">${text}</div></div>`;
    const html = `<html><body><h1>Harbour bridge closing</h1><div class="rows">
${post('Admin', '2026-05-07', ARTICLE.map((p) => `<p>${p}</p>`).join(''))}
${post('Karl', '2026-05-07', '<p>Does anyone know if the footpath on the east side stays open during the works?</p>')}
${post('Ines', '2026-05-08', '<p>It does, the notice at the bridge says so.</p>')}</div></body></html>`;
    const a = extract(html);
    expect(a.comments.map((c) => [c.author, c.text])).toEqual([
      ['Karl', 'Does anyone know if the footpath on the east side stays open during the works?'],
      ['Ines', 'It does, the notice at the bridge says so.'],
    ]);
    for (const p of ARTICLE) expect(a.bodyText).toContain(p);
  });

  it('finds a thread of repeated blocks with names and dates whatever the class names', () => {
    const entry = (name: string, date: string, text: string) =>
      `<div class="x-item"><div class="x-head"><strong>${name}</strong> <span>${date}</span></div><p>${text}</p><a href="#">Report</a></div>`;
    const a = extract(
      page(`<div class="x-wrap">
${entry('Birgit', '7 May 2026, 19:20', 'The toll on the ring road will now bring in twice as much, which is convenient.')}
${entry('Sam K.', '7 May 2026, 20:05', 'Walked over it yesterday, the rust is shocking up close.')}
${entry('Noor', '8 May 2026, 07:41', 'Good. Close it before something happens.')}</div>`),
    );
    expect(a.comments.map((c) => [c.author, c.published, c.text])).toEqual([
      ['Birgit', '2026-05-07', 'The toll on the ring road will now bring in twice as much, which is convenient.'],
      ['Sam K.', '2026-05-07', 'Walked over it yesterday, the rust is shocking up close.'],
      ['Noor', '2026-05-08', 'Good. Close it before something happens.'],
    ]);
    expect(a.bodyText).not.toMatch(/rust is shocking|Report/);
  });

  it('gives no comments to related-article lists, recent-posts sidebars, author boxes or product reviews', () => {
    const teaser = (n: number) =>
      `<li class="related-item"><h3><a href="/city/story-${n}">Council approves new budget for the harbour district number ${n}</a></h3><span class="author">By Ana Ruiz</span> <time datetime="2026-05-0${n}">${n} May 2026</time><p>The council approved the budget after a long debate about the port.</p></li>`;
    const recent = (n: number) =>
      `<li><a href="/2026/05/0${n}/post-${n}">Recent post about the tram line, part ${n}</a> <span class="post-date">May ${n}, 2026</span></li>`;
    const review = (name: string) =>
      `<div class="review-item" itemprop="review" itemscope itemtype="https://schema.org/Review"><span itemprop="author">${name}</span> <meta itemprop="datePublished" content="2026-04-01"><span>1 April 2026</span><div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating"><meta itemprop="ratingValue" content="4">4 stars</div><p itemprop="reviewBody">Solid lock, the key turns smoothly and it survived a winter outside.</p></div>`;
    const html = page(`<section class="related"><h2>Related</h2><ul>${[1, 2, 3, 4].map(teaser).join('')}</ul></section>
<div class="author-box"><img src="/ana.jpg" alt=""><strong>Ana Ruiz</strong> <span>Joined 12 March 2019</span><p>Ana covers city hall and transport for the paper and has written about the harbour since 2019.</p></div>
<aside class="sidebar"><h3>Recent posts</h3><ul>${[1, 2, 3, 4, 5].map(recent).join('')}</ul></aside>
<div class="product-reviews"><h3>Bike lock reviews</h3>${['Ole', 'Rita', 'Chen'].map(review).join('')}</div>`);
    expect(extract(html).comments).toEqual([]);
  });

  it("gives no comment for a comment section a script would fill: its label is not a reader's comment", () => {
    const html =
      page(`<footer class="story-footer"><div class="internal comments"><div class="comment button" data-src="/comments/44">Comments</div></div></footer>
<div id="comments" class="comments-area"><h2 class="comments-title">Join the conversation</h2><ol class="comment-list"></ol></div>`);
    expect(extract(html).comments).toEqual([]);
  });

  it("keeps a live blog's name/date/text entries inside the marked article body as the article, and a colour-named box as text", () => {
    const entry = (n: number) =>
      `<div class="entry"><strong>Reporter ${n}</strong> <time datetime="2026-05-07T1${n}:00">1${n}:00</time><p>Update ${n}: the council's vote on the harbour bridge was delayed again while engineers presented new measurements of the cracks.</p></div>`;
    const html = `<!doctype html><html lang="en"><head><title>Live</title></head><body><article><h1>Harbour bridge: live</h1><div itemprop="articleBody">${ARTICLE.map((p) => `<p>${p}</p>`).join('')}<div class="callout coral"><p>The bridge carries about 14,000 cars a day, according to the city's latest traffic count.</p></div>${[1, 2, 3, 4].map(entry).join('')}</div></article></body></html>`;
    const a = extract(html);
    expect(a.comments).toEqual([]);
    expect(a.bodyText).toContain('14,000 cars a day');
    expect(a.bodyText).toContain('Update 3:');
  });
});
