import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFromConfig, openKnowledgeBase } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/app/config.js';
import { composeDigest, type DigestRequest } from '../../src/core/digest/composeDigest.js';
import type { Digest } from '../../src/core/digest/digest.js';
import { formatDigest } from '../../src/core/digest/formatDigest.js';
import { requestedPeriod } from '../../src/core/digest/period.js';
import { knowledgeBaseSources } from '../../src/core/digest/topicMatch.js';
import type { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { NEWS_EVENTS, writeNewsEvents, type CorpusArticle } from '../support/newsEventsCorpus.js';
import { tempDir } from '../support/tempDir.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  const root = tempDir();
  const docs = join(root, 'docs');
  mkdirSync(docs);
  writeNewsEvents(docs);
  const config = loadConfig({ DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384', NEWS_SOURCES: docs, LOG_LEVEL: 'silent' });
  await ingestFromConfig(config);
  kb = await openKnowledgeBase(config);
}, 120_000);

afterAll(async () => {
  await kb?.store.close();
});

/** A digest of the corpus from `since` to `until` (UTC days). */
function digestOf(since: string, until: string, options: Partial<DigestRequest> = {}): Promise<Digest> {
  const period = requestedPeriod({ sinceDay: since, untilDay: until, now: new Date('2026-12-01T00:00:00Z'), timeZone: 'UTC' });
  return composeDigest({ period, language: 'en', ...options }, knowledgeBaseSources(kb));
}

/** The corpus article a digest line was made from (by its cited URL). */
const corpusArticle = (url: string | undefined): CorpusArticle => NEWS_EVENTS.find((a) => a.url === url)!;
const corpusStories = (digest: Digest) => new Set(digest.stories.map((s) => corpusArticle(s.citation.url).story));

describe('digests of the news-events corpus', () => {
  it('lists the main stories of the period, ranked by outlets, articles and date, one line each with its lead and citation', async () => {
    const digest = await digestOf('2026-11-01', '2026-11-08');
    // Every dated event is there; the undated analysis never is.
    expect(corpusStories(digest)).toEqual(new Set(['strike-start', 'strike-end', 'eruption', 'flights-resume', 'cycle-lanes']));
    expect(digest.stories.length).toBeLessThanOrEqual(10);
    // The strike's start, told by a wire copy too, leads: the story most outlets tell.
    const [first] = digest.stories;
    expect(corpusArticle(first!.citation.url).story).toBe('strike-start');
    expect(first!.outlets).toBeGreaterThanOrEqual(2);
    for (const [i, story] of digest.stories.entries()) {
      const source = corpusArticle(story.citation.url);
      expect(story.citation.n).toBe(i + 1);
      expect(story.headline).toBe(source.title);
      expect(story.date).toBe(source.published);
      expect(source.paragraphs[0]!.startsWith(story.lead)).toBe(true); // the article's first sentence
      expect(story.lead).toMatch(/[.!?]$/);
      const next = digest.stories[i + 1];
      if (next) {
        const order = story.outlets - next.outlets || story.articles - next.articles || story.date.localeCompare(next.date);
        expect(order).toBeGreaterThanOrEqual(0);
      }
    }
    const text = formatDigest(digest);
    expect(text).toMatch(/^Main stories from 2026-11-01 to 2026-11-08\n/);
    expect(text).toContain(`- ${first!.date} — ${first!.headline} — ${first!.lead} [1] (${first!.outlets} outlets)`);
    expect(text).toMatch(/\nSources:\n\[1\] .+ — https:\/\//);
    expect(text).not.toContain('What the Halvik dock strike means');
  });

  it('keeps to the days asked: 4 and 5 November hold the eruption and the cycle lanes only', async () => {
    const digest = await digestOf('2026-11-04', '2026-11-05');
    expect(corpusStories(digest)).toEqual(new Set(['eruption', 'cycle-lanes']));
    for (const story of digest.stories) expect(['2026-11-04', '2026-11-05']).toContain(story.date);
  });

  it('with a topic, lists only the stories about it', async () => {
    const volcano = await digestOf('2026-11-01', '2026-11-08', { topic: 'Kerrow volcano eruption ash cloud' });
    expect(corpusStories(volcano).has('eruption')).toBe(true);
    for (const story of corpusStories(volcano)) expect(['eruption', 'flights-resume']).toContain(story);
    expect(formatDigest(volcano)).toMatch(/^Main stories on “Kerrow volcano eruption ash cloud” from 2026-11-01 to 2026-11-08/);
    const strike = await digestOf('2026-11-01', '2026-11-08', { topic: 'Halvik dock strike' });
    expect(corpusStories(strike).has('strike-start')).toBe(true);
    for (const story of corpusStories(strike)) expect(['strike-start', 'strike-end']).toContain(story);
  });

  it('says so honestly when nothing is new, or nothing is about the topic', async () => {
    const empty = await digestOf('2026-11-20', '2026-11-25');
    expect(empty.stories).toEqual([]);
    expect(formatDigest(empty)).toBe('Nothing new since 2026-11-20.');
    // The cycle lanes were news on 5 November, not after.
    const offTopic = await digestOf('2026-11-06', '2026-11-08', { topic: 'cycle lanes' });
    expect(offTopic.stories).toEqual([]);
    expect(formatDigest(offTopic)).toBe('Nothing on “cycle lanes” since 2026-11-06.');
    const unrelated = await digestOf('2026-11-01', '2026-11-08', { topic: 'quantum computing breakthrough' });
    expect(unrelated.stories).toEqual([]);
  });

  it('speaks the five answer languages', async () => {
    const heading = async (language: string) => formatDigest(await digestOf('2026-11-04', '2026-11-05', { language })).split('\n')[0];
    expect(await heading('de')).toBe('Die wichtigsten Meldungen vom 2026-11-04 bis 2026-11-05');
    expect(await heading('it')).toBe('Le notizie principali dal 2026-11-04 al 2026-11-05');
    expect(await heading('fr')).toBe('Les principales informations du 2026-11-04 au 2026-11-05');
    expect(await heading('es')).toBe('Las principales noticias del 2026-11-04 al 2026-11-05');
    expect(formatDigest(await digestOf('2026-11-20', '2026-11-21', { language: 'de' }))).toBe('Nichts Neues seit 2026-11-20.');
  });
});
