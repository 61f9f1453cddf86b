import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { aggregateComments, coveredShare, scorePageComments } from '../../eval/extraction/commentScore.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const BODY =
  'The harbour reopened on Monday after two years of repairs to the quay wall, the port authority said. Ferries will run every hour from June, and the fish market returns to the pier in July.';
const COMMENTS = [
  { author: 'Ada', text: 'Finally, the ferry to the island is back and my commute is short again.' },
  { author: 'Bo', text: 'Two years for one wall is a long time.' },
];

function label(body: string, comments: Array<{ author: string | null; text: string }>) {
  return JSON.stringify({ url: null, language: 'en', licence: 'CC0 (written for this test)', source: 'test fixture', body, comments });
}

describe('comment benchmark metric', () => {
  it('counts a comment found when one extracted comment holds most of it, and in the body when the body does', () => {
    expect(coveredShare('a b c d e', 'x a b c d e y')).toBe(1);
    const counts = scorePageComments(
      ['one two three four five six', 'seven eight nine ten eleven twelve', 'ok'],
      ['one two three four five six and more', 'ok', 'a reply form'],
      'seven eight nine ten eleven twelve',
    );
    expect(counts).toEqual({ expected: 3, found: 2, inBody: 1, extracted: 3, correct: 2 });
  });

  it('reports precision, recall and comment-free pages given comments over pages', () => {
    const total = aggregateComments([
      { expected: 2, found: 1, inBody: 0, extracted: 2, correct: 1 },
      { expected: 0, found: 0, inBody: 0, extracted: 1, correct: 0 },
      { expected: 0, found: 0, inBody: 0, extracted: 0, correct: 0 },
    ]);
    expect(total).toMatchObject({ pages: 3, pagesWithComments: 1, recall: 0.5, commentFreePagesWithComments: 1, commentFreeShare: 0.5 });
    expect(total.precision).toBeCloseTo(1 / 3);
  });
});

describe('npm run eval:extraction -- --comments DIR', () => {
  it('runs the production ingestion over labelled pages and prints comment and body scores', async () => {
    const dir = tempDir('comment-bench-');
    const thread = COMMENTS.map(
      (c, i) =>
        `<li class="comment" id="comment-${i + 1}"><cite class="fn">${c.author}</cite><time datetime="2026-05-0${i + 1}">May ${i + 1}</time><div class="comment-content"><p>${c.text}</p></div></li>`,
    ).join('');
    writeFileSync(
      join(dir, 'with.html.gz'),
      gzipSync(
        `<html><head><title>Harbour</title></head><body><article><h1>Harbour reopens</h1><p>${BODY}</p></article><div id="comments"><ol class="comment-list">${thread}</ol></div></body></html>`,
      ),
    );
    writeFileSync(join(dir, 'with.json'), label(BODY, COMMENTS));
    writeFileSync(
      join(dir, 'without.html'),
      `<html><head><title>Harbour</title></head><body><article><h1>Harbour reopens</h1><p>${BODY}</p></article><aside><h3>Related</h3><ul><li><a href="/a">Another story about ferries and the port</a></li></ul></aside></body></html>`,
    );
    writeFileSync(join(dir, 'without.json'), label(BODY, []));
    const result = await runScript('src/cli/evalExtraction.ts', ['--comments', dir, '--json'], { EMBEDDING_DISABLED: 'true' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.comments).toMatchObject({
      pages: 2,
      pagesWithComments: 1,
      expectedComments: 2,
      found: 2,
      inBody: 0,
      extractedComments: 2,
      precision: 1,
      recall: 1,
      commentFreePagesWithComments: 0,
    });
    expect(report.body.f1).toBeGreaterThan(0.9);
    expect(report.languages).toEqual({ en: 2 });
  });

  it('names the label that has no page beside it', async () => {
    const dir = tempDir('comment-bench-bad-');
    writeFileSync(join(dir, 'orphan.json'), label(BODY, []));
    const result = await runScript('src/cli/evalExtraction.ts', ['--comments', dir], { EMBEDDING_DISABLED: 'true' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/orphan\.json has no page beside it/);
  });
});
