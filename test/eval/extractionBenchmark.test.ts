import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { aggregate, pageCounts, scorePage } from '../../eval/extraction/shingleScore.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

describe('article-extraction benchmark metric', () => {
  it('counts 4-token shingles as multisets and normalises each page', () => {
    expect(pageCounts('a b c d e', 'a b c d e')).toEqual({ tp: 1, fp: 0, fn: 0 });
    // truth shingles: abcd, bcde; extracted: abcd, bcdx -> tp 1, fp 1, fn 1 -> thirds
    const c = pageCounts('a b c d e', 'a b c d x');
    expect(c.tp).toBeCloseTo(1 / 3);
    expect(c.fp).toBeCloseTo(1 / 3);
    expect(c.fn).toBeCloseTo(1 / 3);
    expect(scorePage('one two', 'one two')).toMatchObject({ precision: 1, recall: 1, f1: 1 }); // shorter than 4 tokens: one shingle
    expect(scorePage('a b c d', '')).toMatchObject({ precision: null, recall: 0 });
  });

  it('averages precision and recall over pages, a page with no text counting 0 recall', () => {
    const total = aggregate([scorePage('a b c d e', 'a b c d e'), scorePage('a b c d e', '')]);
    expect(total.precision).toBe(1);
    expect(total.recall).toBe(0.5);
    expect(total.f1).toBeCloseTo(2 / 3);
  });

  it('npm run eval:extraction runs the production ingestion over a benchmark-shaped folder', async () => {
    const dataset = tempDir('bench-set-');
    mkdirSync(join(dataset, 'html'));
    const body = 'The harbour reopened on Monday after two years of repairs to the quay wall, the port authority said. Ferries will run every hour from June.';
    const page = `<html><head><title>Harbour</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Harbour reopens</h1><p>${body}</p></article><footer><a href="/about">About us</a></footer></body></html>`;
    writeFileSync(join(dataset, 'html', 'p1.html.gz'), gzipSync(page));
    writeFileSync(join(dataset, 'html', 'p2.html.gz'), gzipSync('<html><body></body></html>'));
    writeFileSync(
      join(dataset, 'ground-truth.json'),
      JSON.stringify({ p1: { articleBody: body, url: 'https://x.example/1' }, p2: { articleBody: 'Text the page does not contain at all.', url: null } }),
    );
    const result = await runScript('src/cli/evalExtraction.ts', ['--dataset', dataset, '--json'], { EMBEDDING_DISABLED: 'true' });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ pages: 2, pagesLost: 1, lost: ['p2'] });
    expect(report.precision).toBe(1);
    expect(report.recall).toBeCloseTo(0.5);
    expect(report.worst[0].id).toBe('p2');
  });
});
