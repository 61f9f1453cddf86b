import { describe, expect, it } from 'vitest';
import { ExtractionWindow, extractArticle, openExtractor } from '../../../ingest/stages/extractArticles.js';
import type { Extractor } from '../../../ingest/sources/sourceEvents.js';
import type { ExtractedArticle } from '../../../src/core/types.js';
import { article, candidate } from '../../support/ingestRun.js';

const never: Extractor = () => new Promise(() => undefined);

describe('extractArticle', () => {
  it('extracts, checks and chunks the article', async () => {
    const extracted = await extractArticle(
      { candidate: candidate('/docs/a.txt', article('ferries', { language: 'not a language' })), existing: undefined },
      never,
    );
    if ('error' in extracted) throw new Error(extracted.error);
    expect(extracted.extraction.article.language).toBe('und'); // checked like every extracted article
    expect(extracted.passages.map((p) => p.section)).toEqual(['body']);
  });

  it('turns a failure into the skip reason', async () => {
    const extracted = await extractArticle({ candidate: candidate('/docs/a.txt', new Error('binary file')), existing: undefined }, never);
    expect(extracted).toMatchObject({ error: 'binary file' });
  });
});

describe('openExtractor', () => {
  it('gives a supplied extractor the extraction time limit', async () => {
    const extractor = openExtractor({ extractor: never, extractionTimeoutMs: 50 });
    await expect(extractor.extract(new Uint8Array(), { location: 'x', source: 'x', url: null })).rejects.toThrow(/took longer than 50 ms/);
    await extractor.close();
  });
});

describe('ExtractionWindow', () => {
  it('runs up to its size at once and hands results on in listing order', async () => {
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const window = new ExtractionWindow(never, 3);
    const slow = (key: string) => ({
      ...candidate(key, article(key)),
      extract: async () => {
        started.push(key);
        await new Promise<void>((resolve) => finish.set(key, resolve));
        return { article: article(key) as ExtractedArticle, summaryOnly: false };
      },
    });
    for (const key of ['a', 'b', 'c']) window.start({ candidate: slow(key), existing: undefined });
    expect(window.full).toBe(true);
    expect(started).toEqual(['a', 'b', 'c']);
    finish.get('c')!();
    finish.get('b')!();
    const oldest = window.takeOldest();
    finish.get('a')!();
    expect((await oldest).candidate.key).toBe('a');
    expect(window.full).toBe(false);
    expect((await window.takeOldest()).candidate.key).toBe('b');
    expect((await window.takeOldest()).candidate.key).toBe('c');
    expect(window.empty).toBe(true);
  });
});
