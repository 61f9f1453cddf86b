import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../ingest/chunk.js';
import type { ExtractedArticle } from '../../src/core/types.js';

function article(body: string[], comments: string[] = []): ExtractedArticle {
  return {
    title: 'T',
    published: null,
    language: 'de',
    outlet: null,
    url: null,
    source: 's',
    location: 's',
    author: null,
    body,
    comments: comments.map((text) => ({ author: null, published: null, text })),
  };
}

const sentence = (i: number) => `Dies ist der Satz Nummer ${i} mit einigen weiteren Wörtern darin.`; // 10 words

describe('chunking', () => {
  it('makes sentence-aligned passages of bounded size with one sentence of overlap', () => {
    const paragraph = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');
    const passages = chunkArticle(article([paragraph]), { minWords: 100, maxWords: 150, overlapSentences: 1 });
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) {
      expect(p.text.split(/\s+/).length).toBeLessThanOrEqual(150);
      expect(p.text).toMatch(/^Dies ist der Satz Nummer \d+/);
      expect(p.text).toMatch(/darin\.$/);
    }
    // The last sentence of a passage opens the next one.
    const lastOfFirst = passages[0]!.text.match(/Nummer (\d+)[^N]*$/)![1];
    expect(passages[1]!.text.startsWith(`Dies ist der Satz Nummer ${lastOfFirst} `)).toBe(true);
    expect(passages.map((p) => p.position)).toEqual(passages.map((_, i) => i));
  });

  it('keeps comments apart from the body and numbers positions across both', () => {
    const passages = chunkArticle(article(['Kurzer Artikel.'], ['Erster Kommentar.', 'Zweiter Kommentar.']));
    expect(passages.map((p) => [p.section, p.position])).toEqual([
      ['body', 0],
      ['comment', 1],
    ]);
    expect(passages[1]!.text).toBe('Erster Kommentar.\nZweiter Kommentar.');
  });

  it('splits run-on text with no sentence ends and keeps paragraph breaks', () => {
    const runOn = Array.from({ length: 500 }, (_, i) => `wort${i}`).join(' ');
    const passages = chunkArticle(article([runOn]), { minWords: 100, maxWords: 200, overlapSentences: 1 });
    expect(passages.every((p) => p.text.split(/\s+/).length <= 200)).toBe(true);
    const two = chunkArticle(article(['Überschrift ohne Punkt', 'Der erste Satz folgt.']));
    expect(two[0]!.text).toBe('Überschrift ohne Punkt\nDer erste Satz folgt.');
  });
});
