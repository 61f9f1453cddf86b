import { describe, expect, it } from 'vitest';
import { withoutWidgetText } from '../../ingest/extract/articleEdges.js';
import { extractFromHtml } from '../../ingest/extract/html.js';

/** Text around an article that is not the article: captions, widgets named by their class, share fragments. */

const origin = { location: 'page.html', url: 'https://news.example.org/story', source: 'fixture' };
const sentence = (n: number) =>
  `The regional council voted on Tuesday to rebuild the flood wall along the harbour, after three winters in which the old wall gave way during storms and the lower town was flooded for days (${n}).`;
const paragraphs = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `<p>${sentence(from + i)} ${sentence(from + i + 100)}</p>`).join('\n');
const bodyOf = (html: string) => extractFromHtml(html, origin).body.join('\n');

describe('captions', () => {
  it('drops a photo caption beside a full article', () => {
    const html = `<html><body><article><h1>Council rebuilds the wall</h1>${paragraphs(1, 5)}
      <figure><img src="a.jpg"><figcaption>Workers inspect the damaged wall on the harbour front after the storm in January. (Photo: Harbour Herald)</figcaption></figure>
      ${paragraphs(10, 3)}</article></body></html>`;
    const body = bodyOf(html);
    expect(body).toContain('(1)');
    expect(body).not.toContain('Workers inspect the damaged wall');
  });

  it('keeps captions that tell the story on a slideshow page, where they hold more prose than its paragraphs', () => {
    const slides = Array.from(
      { length: 5 },
      (_, i) =>
        `<figure><img src="${i}.jpg"><figcaption><p>Slide ${i + 1}: the ${['first', 'second', 'third', 'fourth', 'fifth'][i]} mistake is buying furniture in a hurry, the designer says, because a room furnished in one weekend never looks like anyone lives in it, and a single good chair bought slowly is worth more than a set bought fast.</p></figcaption></figure>`,
    ).join('\n');
    const html = `<html><body><article><h1>Five decorating mistakes</h1><p>No home is perfect, and a designer explains the five mistakes she sees most, with ways to mend them.</p>${slides}</article></body></html>`;
    const body = bodyOf(html);
    expect(body).toContain('Slide 1: the first mistake');
    expect(body).toContain('Slide 5: the fifth mistake');
  });
});

describe('page furniture named by its class or id', () => {
  it('drops an author box, a related list, a tag list and a newsletter box inside the article container', () => {
    const html = `<html><body><div class="entry-content">${paragraphs(1, 6)}
      <div class="newsletter-signup"><p>Get the morning briefing in your inbox every day: the stories that matter, the background you need and the views you will want to argue with, sent before seven.</p></div>
      ${paragraphs(20, 2)}
      <div class="post_tags">Tags: <span>harbour</span> <span>council</span> <span>storms</span></div>
      <div class="author-bio"><p>Maria Lindqvist has covered the harbour, the council and the weather that connects them for the Herald since 2011, and before that wrote about shipping for a trade weekly in Gothenburg.</p></div>
      <section class="related"><h3>More on this</h3><p>A longer look at why the old wall failed three winters in a row, told by the engineers who built it and the families who live behind it.</p></section>
      </div></body></html>`;
    const body = bodyOf(html);
    expect(body).toContain('(1)');
    expect(body).toContain('(21)');
    expect(body).not.toContain('morning briefing');
    expect(body).not.toContain('Maria Lindqvist');
    expect(body).not.toContain('A longer look at why');
    expect(body).not.toContain('Tags:');
  });

  it('keeps an article whose own container carries such a word (it holds most of the page), and matches whole words only', () => {
    const html = `<html><body><nav><a href="/">Home</a></nav><div class="post-author-layout"><div class="shareable-text">${paragraphs(1, 6)}</div></div>
      <footer><p>© Harbour Herald</p></footer></body></html>`;
    const body = bodyOf(html);
    expect(body).toContain('(1)');
    expect(body).toContain('(6)');
  });
});

describe('share and byline fragments at the article edges', () => {
  it('drops letterless blocks and one- or two-word blocks before and after the text, keeping short lines inside it', () => {
    expect(withoutWidgetText(['By', '&', '|', 'Share', 'Tweet', sentence(1), 'Watch:', sentence(2), 'Email', '•'])).toEqual([
      sentence(1),
      'Watch:',
      sentence(2),
    ]);
  });

  it('keeps an article made only of short lines', () => {
    expect(withoutWidgetText(['Results', 'Lions 3', 'Eagles 1'])).toEqual(['Results', 'Lions 3', 'Eagles 1']);
  });

  it('does so on a real page shape: share buttons above the story', () => {
    const html = `<html><body><article><div><span>By</span> <span>&amp;</span> <span>|</span></div><div>Share</div><div>Tweet</div>${paragraphs(1, 5)}<div>Email</div></article></body></html>`;
    const body = extractFromHtml(html, origin).body;
    expect(body[0]).toContain('(1)');
    expect(body.at(-1)).toContain('(105)');
  });
});

describe('hidden elements', () => {
  it('keeps an article that a saved page hides behind an open consent dialog, and still drops small hidden boxes', () => {
    const html = `<html><body><div id="page" aria-hidden="true"><article><h1>Council rebuilds the wall</h1>${paragraphs(1, 5)}
      <div style="display:none"><p>Subscribe now to read every story of the Herald without limits, on every device you own, for less than a coffee a week.</p></div></article></div>
      <div role="dialog"><p>We use cookies to improve your experience.</p><button>Accept</button></div></body></html>`;
    const body = bodyOf(html);
    expect(body).toContain('(1)');
    expect(body).toContain('(5)');
    expect(body).not.toContain('Subscribe now');
  });
});

describe('captions on pages written without paragraphs', () => {
  it('drops the caption of a page whose text is divs and line breaks', () => {
    const lines = Array.from({ length: 6 }, (_, i) => `${sentence(i + 1)}<br><br>`).join('');
    const html = `<html><body><div class="story">${lines}<figure><img src="a.jpg"><figcaption>The harbour wall after the January storm.</figcaption></figure></div></body></html>`;
    const body = bodyOf(html);
    expect(body).toContain('(1)');
    expect(body).not.toContain('after the January storm');
  });
});

describe('taxonomy classes and the article frame', () => {
  it('keeps a short post whose classes carry its tags and categories ("tag-menu", "category-social-media") beside a long sidebar', () => {
    const sidebar = Array.from(
      { length: 30 },
      (_, i) => `<li><a href="/p${i}">Another recipe from the archive, number ${i}, with its own long title</a></li>`,
    ).join('');
    const html = `<html><body><div class="wrap"><div class="post-42 post type-post category-social-media tag-menu tag-share">
      <h2>Our winter menu</h2><p>${sentence(1)}</p><p>${sentence(2)}</p></div>
      <aside><ul>${sidebar}</ul><p>${sentence(50)} ${sentence(51)} ${sentence(52)}</p><p>${sentence(53)} ${sentence(54)}</p></aside></div></body></html>`;
    const body = bodyOf(html);
    expect(body).toContain('(1)');
    expect(body).toContain('(2)');
  });
});

describe('quoted posts embedded in the article', () => {
  it('keeps an embedded post whose wrapper is named like a widget, and still drops the share bar', () => {
    const tweet = `<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">The new harbour wall will be finished before next winter, and not a day later: we owe it to the lower town.</p>— Harbour Minister (@harbourminister) <a href="https://twitter.example/harbourminister/status/1">November 18, 2026</a></blockquote></div>`;
    const html = `<html><body><article><h1>Council rebuilds the wall</h1>${paragraphs(1, 3)}
      <p>The minister answered on social media within the hour.</p>${tweet}${paragraphs(10, 3)}
      <div class="social-share"><a href="/s/fb">Facebook</a> <a href="/s/x">X</a> <span>Share this story with your neighbours before the next storm</span></div></article></body></html>`;
    const body = bodyOf(html);
    expect(body).toContain('we owe it to the lower town');
    expect(body).toContain('(12)');
    expect(body).not.toContain('Share this story');
  });
});
