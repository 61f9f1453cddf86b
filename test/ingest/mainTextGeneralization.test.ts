import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { classifyPageBlocks } from '../../ingest/extract/densityExtraction.js';
import { extractFromHtml } from '../../ingest/extract/html.js';
import { chooseMainText } from '../../ingest/extract/mainTextChoice.js';
import { parseMechanisms } from '../../ingest/extract/mechanisms.js';
import { countWords } from '../../ingest/extract/words.js';
import { ingest } from '../../ingest/pipeline.js';
import { parseSourceEntry } from '../../ingest/sources/sourceSpecs.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { unavailable } from '../support/countingEmbeddings.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const PAGES = join(import.meta.dirname, '../fixtures/pages');
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');
const origin = (name: string) => ({ location: name, url: null, source: name });
type El = ReturnType<typeof parseHTML>['document']['documentElement'];
const bodyOf = (html: string) => parseHTML(html).document.body as unknown as El;

describe('words in every script', () => {
  it('counts Japanese and Chinese words, which have no spaces between them', () => {
    expect(countWords('北浜市は４日、市立中央図書館の開館時間を延長すると発表した。')).toBeGreaterThanOrEqual(10);
    expect(countWords('南江大桥今天上午正式通车。')).toBeGreaterThanOrEqual(4);
    expect(countWords('The ferry was suspended on Sunday.')).toBe(6);
    expect(countWords('— 12 · ! ')).toBe(1);
  });
});

describe('paragraph classifier (jusText-style, stop words of the page language)', () => {
  it('judges a Russian blog: the post is good, the navigation and the footer are not', () => {
    const blocks = classifyPageBlocks(bodyOf(page('ru-blog.html')), null);
    const good = blocks
      .filter((b) => b.good)
      .map((b) => b.text)
      .join('\n');
    expect(good).toContain('Прошлой осенью мы с братом купили');
    expect(good).toContain('Теперь мы каждые выходные ходим на ней на рыбалку');
    expect(good).not.toMatch(/Обо мне|Архив|RSS/);
  });

  it('keeps a short paragraph between good ones and drops the same line amid links', () => {
    const long = (n: number) =>
      `<p>The council said on Monday that the new bridge over the river would open in the spring, and that the old crossing would then close for repairs that could take most of the year ${n}.</p>`;
    const html = `<html><body><ul><li><a href="/a">Home</a></li><li><a href="/b">News</a></li></ul><p>Read more below.</p><ul><li><a href="/c">Sport</a></li></ul>
${long(1)}<p>Read more below.</p>${long(2)}<h2>What happens next</h2>${long(3)}</body></html>`;
    const blocks = classifyPageBlocks(bodyOf(html), 'en');
    const verdicts = blocks.map((b) => `${b.good ? '+' : '-'} ${b.text.slice(0, 20).trim()}`);
    expect(verdicts).toEqual([
      '- Home',
      '- News',
      '- Read more below.',
      '- Sport',
      '+ The council said on',
      '+ Read more below.',
      '+ The council said on',
      '+ What happens next',
      '+ The council said on',
    ]);
  });

  it('measures Chinese paragraphs in words, so a news paragraph is not "short"', () => {
    const blocks = classifyPageBlocks(bodyOf(page('zh-news.html')), 'zh');
    const bridge = blocks.find((b) => b.text.startsWith('南江大桥今天上午正式通车'))!;
    expect(bridge.contextFree).not.toBe('short');
    expect(bridge.good).toBe(true);
    expect(blocks.find((b) => b.text.includes('版权所有'))!.good).toBe(false);
  });
});

describe('choosing between Readability and the classifier', () => {
  const zh = page('zh-news.html');
  const classified = () => classifyPageBlocks(bodyOf(zh), 'zh');
  const article = () =>
    classified()
      .filter((b) => b.element.closest('.txt'))
      .map((b) => b.text);

  const withoutTeasers = (texts: string[]) => {
    for (const paragraph of article()) expect(texts).toContain(paragraph);
    expect(texts.join('\n')).not.toMatch(/热点推荐|集装箱|幼儿园/);
  };

  it('replaces a Readability result that is a short teaser box by the page’s good text', () => {
    const teasers = classified()
      .filter((b) => b.element.closest('.box'))
      .map((b) => b.text)
      .slice(0, 4);
    withoutTeasers(chooseMainText(teasers, classified()));
  });

  it('keeps Readability’s result when the classifier finds less text than it (the classifier is the stricter)', () => {
    const teasers = classified()
      .filter((b) => b.element.closest('.box'))
      .map((b) => b.text);
    expect(chooseMainText(teasers, classified())).toEqual(teasers);
  });

  it('keeps a full article when the page has more good text below it (an unrecognised comment thread)', () => {
    const sentence = (n: number) =>
      `The regional parliament debated the water law for the ${n}th time on Tuesday, and the farmers who came to listen said that the fee would ruin the small family farms of the valley.`;
    const article = Array.from({ length: 8 }, (_, i) => `${sentence(i + 1)} ${sentence(i + 20)}`);
    const thread = Array.from(
      { length: 30 },
      (_, i) =>
        `<div><b>Reader ${i}</b><div>I think that the law is ${i % 2 ? 'right' : 'wrong'} because the fee is far too ${i % 2 ? 'low' : 'high'} for the farms, and I have said so to my own member of parliament many times over the years, without any answer at all from the office.</div></div>`,
    ).join('');
    const blocks = classifyPageBlocks(
      bodyOf(`<html><body><article><h1>Water law</h1>${article.map((p) => `<p>${p}</p>`).join('')}</article><section>${thread}</section></body></html>`),
      'en',
    );
    expect(blocks.filter((b) => b.good && b.text.includes('member of parliament')).length).toBeGreaterThan(20);
    expect(chooseMainText(article, blocks)).toEqual(article);
  });

  it('uses the classifier when Readability finds nothing, and keeps Readability when it is sound', () => {
    withoutTeasers(chooseMainText([], classified()));
    const readability = [...article(), 'A closing line Readability kept.'];
    expect(chooseMainText(readability, classified())).toEqual(readability);
  });
});

describe('pages unlike the benchmark, end to end', () => {
  it('reads a page saved without its <html> tag, which the parser gives no body', () => {
    const html = `<meta charset="utf-8"><title>Harbour</title><div class="story"><p>The harbour reopened on Monday after two years of repairs to the quay wall, the port authority said on its website.</p><p>Ferries will run every hour from June, and the old timetable returns in the autumn.</p></div>`;
    const a = extractFromHtml(html, origin('fragment.html'));
    expect(a.body.join('\n')).toContain('Ferries will run every hour from June');
    expect(extractFromHtml('Plain text served as a web page, with no markup at all in it.', origin('plain.html')).body.join(' ')).toContain(
      'Plain text served',
    );
  });

  it('extracts a forum’s opening post, a Chinese and a Russian article without their sidebars', () => {
    const forum = extractFromHtml(page('forum-opening-post.html'), origin('forum.html')).body.join('\n');
    expect(forum).toContain('I have a small aluminium greenhouse');
    expect(forum).toContain('Has anyone compared the running costs?');
    expect(forum).not.toMatch(/Board index|Jump to|Powered by/);
    const zh = extractFromHtml(page('zh-news.html'), origin('zh.html'));
    expect(zh.language).toBe('zh');
    expect(zh.body.join('\n')).toContain('大桥的设计使用寿命为一百年');
    expect(zh.body.join('\n')).not.toContain('集装箱');
    const ru = extractFromHtml(page('ru-blog.html'), origin('ru.html')).body.join('\n');
    expect(ru).toContain('проконопатили швы льняной паклей');
    expect(ru).not.toContain('Популярные записи');
  });

  it('drops datelines in the page’s own language (Russian, Japanese), as it does English ones', () => {
    expect(extractFromHtml(page('ru-blog.html'), origin('ru.html')).body).not.toContain('12 мая 2026');
    const ja = extractFromHtml(page('ja-news-brief.html'), origin('ja.html')).body;
    expect(ja).not.toContain('2026年3月4日 18:05');
    expect(ja.join('\n')).toContain('仕事帰りの市民からの要望を受けた試み');
  });

  it('stores a two-paragraph Japanese news brief instead of skipping it as "no article text"', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'docs'));
    copyFileSync(join(PAGES, 'ja-news-brief.html'), join(root, 'docs', 'ja-news-brief.html'));
    const summary = await ingest({
      dataDir: join(root, 'data'),
      sources: [parseSourceEntry(join(root, 'docs'))],
      embeddings: unavailable(),
      fetchTimeoutMs: 2000,
      maxArticleBytes: 100_000,
    });
    expect(summary.skipped).toEqual([]);
    const store = SqliteStore.open(join(root, 'data'));
    const bodies: string[] = [];
    for await (const article of store.exportArticles()) bodies.push(article.body);
    await store.close();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain('市立中央図書館の開館時間を４月から午後１０時まで延長する');
  });
});

describe('ablation switch', () => {
  it('names the known mechanisms when given an unknown one', () => {
    expect([...parseMechanisms(' density-fallback , link-filter ')]).toEqual(['density-fallback', 'link-filter']);
    expect(() => parseMechanisms('density-fallback,magic')).toThrow(/Unknown extraction mechanism "magic".*density-fallback/);
  });

  it('eval:extraction --disable switches a mechanism off and rejects unknown names', async () => {
    const dataset = tempDir('bench-set-');
    mkdirSync(join(dataset, 'html'));
    const body =
      'The harbour reopened on Monday after two years of repairs to the quay wall, the port authority said. Ferries will run every hour from June, and the old timetable returns in the autumn once the work on the second berth is finished.';
    const linked = 'Timetables for the summer season are published by the operator';
    writeFileSync(
      join(dataset, 'html', 'p1.html'),
      `<html><body><article><h1>Harbour reopens</h1><p>${body}</p><p><a href="/t">${linked}</a></p></article></body></html>`,
    );
    writeFileSync(join(dataset, 'ground-truth.json'), JSON.stringify({ p1: { articleBody: `${body}\n${linked}` } }));
    const on = JSON.parse((await runScript('src/cli/evalExtraction.ts', ['--dataset', dataset, '--json'], { EMBEDDING_DISABLED: 'true' })).stdout);
    const off = JSON.parse(
      (await runScript('src/cli/evalExtraction.ts', ['--dataset', dataset, '--json', '--disable', 'link-filter'], { EMBEDDING_DISABLED: 'true' })).stdout,
    );
    // A paragraph that is all link text is dropped by the link filter, and kept without it.
    expect(on.recall).toBeLessThan(off.recall);
    expect(off.recall).toBe(1);
    const bad = await runScript('src/cli/evalExtraction.ts', ['--dataset', dataset, '--disable', 'magic'], { EMBEDDING_DISABLED: 'true' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/Unknown extraction mechanism "magic"/);
  });
});
