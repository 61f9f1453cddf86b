import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../ingest/pipeline.js';
import { parseSourceEntry } from '../../../ingest/sources/sourceSpecs.js';
import { formatAnswer } from '../../../src/core/answer/format.js';
import type { Answer } from '../../../src/core/answer/types.js';
import { KnowledgeBase } from '../../../src/core/knowledgeBase.js';
import { DISCORD_FORMAT } from '../../../src/discord/answering.js';
import { splitMessage } from '../../../src/discord/splitMessage.js';
import { HashingEmbeddings } from '../../../src/embeddings/hashingEmbeddings.js';
import { SqliteStore } from '../../../src/store/sqlite/sqliteStore.js';
import { loaded } from '../../support/countingEmbeddings.js';
import { renderedConstructs } from '../../support/discordRendering.js';
import { corpusPage, NEWS_EVENTS, writeNewsEvents, type CorpusArticle } from '../../support/newsEventsCorpus.js';
import { suiteTempDir } from '../../support/tempDir.js';

/** Sunday 8 November 2026, the day after the corpus's last report: "this week" and "since Monday" begin on the 2nd. */
const NOW = new Date(2026, 10, 8, 12);

/** An extra article of this file (the shared corpus stays as it is): a title full of Discord markdown and a marker-like number. */
const HOSTILE: CorpusArticle = {
  file: 'gazette-ferry.html',
  story: 'ferry',
  outlet: 'Grimsby **Gazette**',
  url: 'https://grimsby-gazette.example/ferry',
  published: '2026-11-06',
  language: 'en',
  title: '# Grimsby ferry [2] _cancelled_ @everyone <@123> ||spoiler||',
  paragraphs: [
    'The Grimsby ferry to Tallin Bay was cancelled on Friday because of storm warnings, leaving about 200 passengers in the terminal.',
    'The ferry company said sailings would resume on Monday if the wind dropped.',
  ],
};

let store: SqliteStore;
let kb: KnowledgeBase;
let docsSourceId: string;

beforeAll(async () => {
  const root = suiteTempDir('timeline-');
  const docs = join(root, 'docs');
  mkdirSync(docs);
  writeNewsEvents(docs);
  writeFileSync(join(docs, HOSTILE.file), corpusPage(HOSTILE));
  const embeddings = new HashingEmbeddings();
  docsSourceId = parseSourceEntry(docs).id;
  await ingest({ dataDir: join(root, 'data'), sources: [parseSourceEntry(docs)], embeddings: loaded(embeddings), fetchTimeoutMs: 1000, maxArticleBytes: 1e6 });
  store = SqliteStore.open(join(root, 'data'));
  kb = new KnowledgeBase({ store, embeddings, embeddingStatus: loaded(embeddings).status });
});
afterAll(() => store.close());

const article = (source: string) => [...NEWS_EVENTS, HOSTILE].find((a) => a.file === source)!;
const day = (published: string) => published.slice(0, 10);

/**
 * What every timeline must be: one line per entry and citation, in order, each line dated as
 * its entry and cited [i + 1]; entries newest first, dated as the corpus states, within the
 * period; never the undated analysis; one line per story as the store groups the articles.
 */
async function expectTimeline(answer: Answer, period: { since?: string; until?: string } = {}) {
  expect(answer.shape).toBe('timeline');
  expect(answer.noAnswer).toBe(false);
  const timeline = answer.timeline!;
  expect(timeline.length).toBeGreaterThan(0);
  expect(answer.citations).toHaveLength(timeline.length);
  const lines = answer.answer.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2} — /.test(line));
  expect(lines).toHaveLength(timeline.length);
  timeline.forEach((entry, i) => {
    expect(Object.keys(entry).sort()).toEqual(['outlets', 'published', 'source', 'title']);
    const stated = article(entry.source);
    expect(stated.published).not.toBeNull();
    expect(day(entry.published)).toBe(stated.published);
    expect(entry.title).toBe(stated.title);
    expect(entry.outlets).toContain(stated.outlet);
    expect(answer.citations[i]).toMatchObject({ n: i + 1, source: entry.source, published: entry.published });
    expect(lines[i]!.startsWith(`${day(entry.published)} — `)).toBe(true);
    expect(lines[i]!.endsWith(`[${i + 1}]`)).toBe(true);
    if (period.since) expect(day(entry.published) >= period.since).toBe(true);
    if (period.until) expect(day(entry.published) <= period.until).toBe(true);
    if (i > 0) expect(Date.parse(entry.published)).toBeLessThanOrEqual(Date.parse(timeline[i - 1]!.published));
  });
  expect(timeline.map((e) => e.source)).not.toContain('ledger-strike-analysis.html');
  const storyIds = answer.citations.map((c) => c.story.id);
  expect(new Set(storyIds).size).toBe(storyIds.length);
  // One line per story as the store groups articles (copies today, events once grouped): each line's story is the store's.
  const stories = await store.stories(storyIds);
  for (const c of answer.citations) {
    const story = stories.get(c.story.id)!;
    // Asked by its head, the story names its outlets in another order (the asked article's first).
    expect({ ...c.story, outlets: [...c.story.outlets].sort() }).toEqual({ ...story, outlets: [...story.outlets].sort() });
    if (c.outlet) expect(c.story.outlets[0]).toBe(c.outlet);
  }
  timeline.forEach((entry, i) => {
    expect(entry.outlets).toEqual(answer.citations[i]!.story.outlets);
  });
  return timeline;
}

describe('timeline questions in several languages with the right order and dates', () => {
  it('English, this week: the strike from its start to its end, newest first', async () => {
    const answer = await kb.ask('What happened with the Halvik strike this week?', { now: NOW });
    const timeline = await expectTimeline(answer, { since: '2026-11-02' });
    expect(answer.language).toBe('en');
    expect(answer.answer.split('\n')[0]).toBe('Reports since 2026-11-02, newest first:');
    expect(timeline[0]).toMatchObject({ published: expect.stringMatching(/^2026-11-06/), source: 'herald-strike-end.html' });
    expect(day(timeline.at(-1)!.published)).toBe('2026-11-02');
    expect(timeline.every((e) => article(e.source).story.startsWith('strike'))).toBe(true);
    // Stories across outlets: the start (four articles, a copy among them) and the end (two outlets) are one line each.
    expect(timeline.map((e) => article(e.source).story)).toEqual(['strike-end', 'strike-start']);
    expect(timeline.map((e) => e.outlets.length)).toEqual([2, 4]);
    expect(formatAnswer(answer)).toMatch(/\n\nSources:\n\[1\] Halvik dock strike ends/);
  });

  it('a period that excludes the early reports excludes them', async () => {
    const answer = await kb.ask("What's new on the Halvik strike since Thursday?", { now: NOW });
    const timeline = await expectTimeline(answer, { since: '2026-11-05' });
    expect(timeline.map((e) => article(e.source).story)).not.toContain('strike-start');
    expect(timeline.map((e) => e.source)).toContain('herald-strike-end.html');
  });

  it('German, the latest: the German report, with German phrases', async () => {
    const answer = await kb.ask('Was gibt es Neues zum Streik in Halvik?', { now: NOW });
    const timeline = await expectTimeline(answer);
    expect(answer.language).toBe('de');
    expect(answer.answer).toMatch(/^Die neuesten Meldungen, die neueste zuerst:\n/);
    expect(timeline.map((e) => e.source)).toContain('nordsee-strike-start.html');
    expect(answer.answer).toMatch(/\n2026-11-03 — „Streik im Hafen Halvik: Zwölf Containerschiffe warten“ — Nordsee Zeitung[^\n]*: Im Hafen Halvik .* \[\d\]/);
  });

  it('Italian, since Monday: the Italian report of the deal', async () => {
    const answer = await kb.ask('novità sullo sciopero di Halvik da lunedì', { now: NOW });
    const timeline = await expectTimeline(answer, { since: '2026-11-02' });
    expect(answer.answer).toMatch(/^Notizie dal 2026-11-02, dalla più recente:\n/);
    expect(timeline[0]).toMatchObject({ source: 'corriere-strike-end.html', outlets: expect.arrayContaining(['Corriere del Porto']) });
  });

  it.each([
    ['Quoi de neuf sur le volcan Kerrow ?', 'fr', /^Les dernières nouvelles, de la plus récente à la plus ancienne :\n/],
    ['¿Qué hay de nuevo sobre el volcán Kerrow?', 'es', /^Las últimas noticias, de la más reciente a la más antigua:\n/],
  ])('%s: the eruption, then the flights resuming, newest first', async (question, language, heading) => {
    const answer = await kb.ask(question, { now: NOW });
    const timeline = await expectTimeline(answer);
    expect(answer.language).toBe(language);
    expect(answer.answer).toMatch(heading);
    expect(article(timeline[0]!.source).story).toBe('flights-resume');
    expect(day(timeline[0]!.published)).toBe('2026-11-07');
    expect(article(timeline.at(-1)!.source).story).toBe('eruption');
    expect(day(timeline.at(-1)!.published)).toBe('2026-11-04');
  });

  it('the latest without a period: the undated analysis is counted, never placed as if dated', async () => {
    const answer = await kb.ask('latest on the Halvik strike', { now: NOW });
    await expectTimeline(answer);
    expect(answer.answer).toMatch(/\n\n1 report on this without a stated date is not placed on the timeline\.$/);
    expect(answer.citations.map((c) => c.source)).not.toContain('ledger-strike-analysis.html');
  });

  it('--since/--until override the period the question names', async () => {
    const late = await kb.ask('What happened with the Halvik strike this week?', { now: NOW, since: '2026-11-05' });
    expect((await expectTimeline(late, { since: '2026-11-05' })).map((e) => article(e.source).story)).toEqual(['strike-end']);
    const early = await kb.ask('What happened with the Halvik strike this week?', { now: NOW, until: '2026-11-03' });
    const timeline = await expectTimeline(early, { until: '2026-11-03' });
    expect(timeline.every((e) => article(e.source).story === 'strike-start')).toBe(true);
    expect(early.answer.split('\n')[0]).toBe('Reports until 2026-11-03, newest first:');
  });

  it("in a server's scope: only its sources' reports", async () => {
    const unscoped = await kb.ask('latest on the Halvik strike', { now: NOW });
    const inScope = await kb.ask('latest on the Halvik strike', { now: NOW, scope: { sourceIds: [docsSourceId] } });
    expect(inScope.timeline).toEqual(unscoped.timeline);
    const outside = await kb.ask('latest on the Halvik strike', { now: NOW, scope: { sourceIds: ['https://other.example/feed'] } });
    expect(outside).toMatchObject({ shape: 'timeline', timeline: [], noAnswer: true });
  });

  it('nothing relevant in the period: the honest not-covered answer, naming the period', async () => {
    const answer = await kb.ask('What happened with the Halvik strike yesterday?', { now: NOW });
    expect(answer).toMatchObject({ shape: 'timeline', timeline: [], citations: [], noAnswer: true });
    expect(answer.answer).toMatch(/^The ingested news does not cover this question on 2026-11-07/);
    expect(answer.decision).toMatchObject({ answered: false, reason: expect.stringMatching(/^declined: no relevant dated report on 2026-11-07/) });
    const german = await kb.ask('Was ist gestern beim Vulkan Kerrow passiert?', { now: new Date(2026, 10, 20, 12) });
    expect(german).toMatchObject({ shape: 'timeline', noAnswer: true });
    expect(german.answer).toMatch(/^Die erfassten Nachrichten behandeln diese Frage am 2026-11-19 nicht/);
  });

  it('questions that are not time-shaped get an ordinary answer', async () => {
    for (const question of ['How much pay rise did the union ask for?', 'Who brokered the Halvik pay deal on Friday?']) {
      const answer = await kb.ask(question, { now: NOW });
      expect(answer.shape).toBe('answer');
      expect(answer.timeline).toBeUndefined();
      expect(answer.noAnswer).toBe(false);
    }
  });

  it('with an LLM answerer too: the timeline is composed offline, the answerer is not asked', async () => {
    let asked = 0;
    const answerer = {
      async answer(): Promise<Answer> {
        asked++;
        throw new Error('the LLM answerer was asked');
      },
    };
    const withLlm = new KnowledgeBase({
      store,
      embeddings: null,
      embeddingStatus: { model: 'none', available: false, dimension: null, reason: 'not loaded in this test' },
      answerer,
    });
    const answer = await withLlm.ask('novità sullo sciopero di Halvik da lunedì', { now: NOW });
    await expectTimeline(answer, { since: '2026-11-02' });
    expect(answer.mode).toBe('extractive');
    expect(asked).toBe(0);
    await expect(withLlm.ask('How much pay rise did the union ask for?', { now: NOW })).rejects.toThrow(/LLM answerer was asked/);
    expect(asked).toBe(1);
  });

  it('in Discord: titles and outlets escaped like citations, dates intact, every message within the limit', async () => {
    const answer = await kb.ask('latest on the Grimsby ferry', { now: NOW });
    await expectTimeline(answer);
    const text = formatAnswer(answer, DISCORD_FORMAT);
    const pieces = splitMessage(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(2000);
      expect(renderedConstructs(piece)).toEqual([]);
    }
    // The title's "[2]" cannot pose as a marker; its markdown shows as typed; the line keeps its date and its own [1].
    expect(pieces.join('\n')).toMatch(
      /^2026-11-06 — “# Grimsby ferry \\\(2\) \\_cancelled\\_ .*” — Grimsby \\\*\\\*Gazette\\\*\\\*: The Grimsby ferry .* \[1\]$/m,
    );
    expect(text).not.toMatch(/@everyone/);
  });
});
