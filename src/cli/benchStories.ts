/**
 * Measures grouping articles into stories by event (ingest/stories), lexically:
 *
 *   node dist/src/cli/benchStories.js --articles ground-truth.json --events bench/stories/extractionBenchmarkEvents.json [--vectors hashing]
 *   node dist/src/cli/benchStories.js --fixture articles.json
 *
 * --articles: the extraction benchmark's ground-truth bodies (181 articles of many sites,
 * mostly of 18-20 November 2019; first sentence as headline), all taken as published the same
 * day, so every article is a candidate of every later one (the worst case for a window); the
 * hand-labelled same-event groups (--events) say which pairs are one event. --fixture: a JSON
 * list of {story, title, paragraphs, language, published}. Articles are placed one by one in
 * the given order as ingest places them (the best candidate at or above the threshold gives
 * its story); printed per threshold: pairwise precision and recall of the stories made.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EventCandidate } from '../core/ports/knowledgeStore.js';
import { eventTerms } from '../../ingest/stories/eventTerms.js';
import { scoreCandidates, withinStorySpan } from '../../ingest/stories/eventGrouper.js';
import { cosine } from '../core/calibration/cosine.js';
import { vectorThreshold } from '../../ingest/stories/vectorBackground.js';
import { VECTOR_BACKGROUND_ARTICLES, VECTOR_RESCUE_SHARE } from '../../ingest/stories/storyParameters.js';
import { HashingEmbeddings } from '../embeddings/hashingEmbeddings.js';

interface BenchArticle {
  /** The labelled event; null for an article of an "unsure" group (its pairs are not counted). */
  event: string;
  unsure: string | null;
  title: string;
  body: string;
  language: string;
  published: string;
}

/** Places the articles in order; returns each one's story (an index into the list). */
function group(articles: BenchArticle[], threshold: number): number[] {
  const stories: number[] = [];
  const candidates: EventCandidate[] = [];
  articles.forEach((a, i) => {
    const terms = eventTerms(a.title, a.body, a.language);
    const time = Date.parse(a.published);
    const open = candidates.filter((c) => withinStorySpan(storySpan(c, candidates, stories), time));
    const best = (open.length > 0 ? scoreCandidates(terms, a.language, time, open, candidates, a.title) : []).find((s) => s.evidence >= threshold);
    stories.push(best ? stories[best.candidate.id]! : i);
    const published = a.published;
    candidates.push({
      id: i,
      storyId: i,
      published,
      storyStart: published,
      storyEnd: published,
      outlet: null,
      language: a.language,
      terms: terms.join(' '),
      title: a.title,
      lead: '',
    });
  });
  return stories;
}

/** A candidate with its story's first and last publication as grouped so far. */
function storySpan(c: EventCandidate, all: EventCandidate[], stories: number[]): EventCandidate {
  const dates = all
    .filter((o) => stories[o.id] === stories[c.id])
    .map((o) => o.published)
    .sort();
  return { ...c, storyStart: dates[0]!, storyEnd: dates[dates.length - 1]! };
}

/** Pairwise precision and recall of the stories against the labels (pairs with an unsure article left out). */
function pairwise(articles: BenchArticle[], stories: number[]): { precision: number; recall: number; wrong: string[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: string[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!;
      const b = articles[j]!;
      if (a.unsure && a.unsure === b.unsure) continue;
      const same = a.event === b.event;
      const grouped = stories[i] === stories[j];
      if (same && grouped) tp++;
      else if (grouped) {
        fp++;
        wrong.push(`${a.title.slice(0, 50)} | ${b.title.slice(0, 50)}`);
      } else if (same) fn++;
    }
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), wrong };
}

/** The labelled events told by several articles that ended in more than one story: "event: 2 stories of 3 articles". */
function splitEvents(articles: BenchArticle[], stories: number[]): string[] {
  const byEvent = new Map<string, Set<number>>();
  const counts = new Map<string, number>();
  articles.forEach((a, i) => {
    byEvent.set(a.event, (byEvent.get(a.event) ?? new Set()).add(stories[i]!));
    counts.set(a.event, (counts.get(a.event) ?? 0) + 1);
  });
  return [...byEvent].filter(([, s]) => s.size > 1).map(([event, s]) => `${event}: ${s.size} stories of ${counts.get(event)} articles`);
}

function benchmarkArticles(path: string, eventsPath: string): BenchArticle[] {
  const truth = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const labels = JSON.parse(readFileSync(eventsPath, 'utf8')) as { events: Record<string, string[]>; unsure: Record<string, string[]> };
  const find = (groups: Record<string, string[]>, url: string) => Object.entries(groups).find(([, parts]) => parts.some((p) => url.includes(p)))?.[0] ?? null;
  return Object.entries(truth).map(([id, { articleBody, url }]) => {
    const text = articleBody.trim();
    const cut = text.search(/[.!?]\s/);
    const title = cut > 0 && cut < 200 ? text.slice(0, cut + 1) : text.slice(0, 120);
    return {
      event: find(labels.events, url) ?? id,
      unsure: find(labels.unsure, url),
      title,
      body: text.slice(title.length),
      language: 'en',
      published: '2019-11-19T00:00:00Z',
    };
  });
}

function report(name: string, articles: BenchArticle[]): void {
  const events = new Set(articles.map((a) => a.event));
  console.log(`${name}: ${articles.length} articles, ${events.size} events`);
  for (const threshold of [0.75, 1, 1.25]) {
    const { precision, recall, wrong } = pairwise(articles, group(articles, threshold));
    const mark = threshold === 1 ? '  <- the parameters as set' : '';
    console.log(`  evidence x${threshold.toFixed(2)}: pairwise precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}${mark}`);
    if (threshold !== 1) continue;
    for (const w of wrong.slice(0, 8)) console.log(`    wrongly together: ${w}`);
    for (const line of splitEvents(articles, group(articles, threshold))) console.log(`    split: ${line}`);
  }
}

/** The mean of an article's paragraph vectors, each embedded with its headline as ingest embeds passages. */
function articleVector(model: HashingEmbeddings, a: BenchArticle): Float32Array {
  const paragraphs = a.body.split(/\n+/).filter((p) => p.trim().length > 0);
  const vectors = (paragraphs.length > 0 ? paragraphs : [a.body]).map((p) => model.embedText(`${a.title}. ${p}`));
  return vectors[0]!.map((_, i) => vectors.reduce((sum, v) => sum + v[i]!, 0) / vectors.length);
}

/**
 * What vectors add (hashing embeddings): every pair short of the lexical evidence needed but
 * with at least VECTOR_RESCUE_SHARE of it, judged as ingest judges it against the article's own
 * background (VECTOR_BACKGROUND_ARTICLES other articles spread over the set, none of its event).
 */
function vectorRescue(articles: BenchArticle[]): void {
  const model = new HashingEmbeddings();
  const vectors = articles.map((a) => articleVector(model, a));
  const all = articles.map((a, i) => ({ ...candidateOf(a, i) }));
  let same = 0;
  let other = 0;
  let missed = 0;
  for (let i = 1; i < articles.length; i++) {
    const a = articles[i]!;
    const near = scoreCandidates(all[i]!.terms!.split(' '), a.language, Date.parse(a.published), all.slice(0, i), all, a.title).filter(
      (s) => s.evidence >= VECTOR_RESCUE_SHARE && s.evidence < 1,
    );
    if (near.length === 0) continue;
    const step = Math.max(1, Math.floor(articles.length / VECTOR_BACKGROUND_ARTICLES));
    const background = articles.flatMap((b, j) => (j % step === 0 && j !== i && b.event !== a.event ? [cosine(vectors[i]!, vectors[j]!)] : []));
    const threshold = vectorThreshold(background.slice(0, VECTOR_BACKGROUND_ARTICLES));
    for (const s of near) {
      const sameEvent = articles[s.candidate.id]!.event === a.event && !a.unsure;
      if (threshold !== null && cosine(vectors[i]!, vectors[s.candidate.id]!) > threshold) sameEvent ? same++ : other++;
      else if (sameEvent) missed++;
    }
  }
  console.log(
    `  hashing vectors, pairs short of the lexical evidence: ${same} same-event pairs added, ${other} other pairs added, ${missed} same-event pairs still apart`,
  );
}

function candidateOf(a: BenchArticle, id: number): EventCandidate {
  const terms = eventTerms(a.title, a.body, a.language).join(' ');
  return {
    id,
    storyId: id,
    published: a.published,
    storyStart: a.published,
    storyEnd: a.published,
    outlet: null,
    language: a.language,
    terms,
    title: a.title,
    lead: '',
  };
}

function main(): void {
  const { values } = parseArgs({
    options: { articles: { type: 'string' }, events: { type: 'string' }, fixture: { type: 'string' }, vectors: { type: 'string' } },
  });
  if (values.articles && values.events) {
    const articles = benchmarkArticles(values.articles, values.events);
    const started = performance.now();
    report('extraction benchmark (same day)', articles);
    console.log(
      `  time: ${((performance.now() - started) / (3 * articles.length)).toFixed(2)} ms per article placed (terms and scoring against up to ${articles.length - 1} candidates)`,
    );
    if (values.vectors === 'hashing') vectorRescue(articles);
  }
  if (values.fixture) {
    const list = JSON.parse(readFileSync(values.fixture, 'utf8')) as Array<{
      story: string;
      title: string;
      paragraphs: string[];
      language: string;
      published: string | null;
    }>;
    const dated = list
      .filter((a) => a.published)
      .map((a) => ({
        event: a.story,
        unsure: null,
        title: a.title,
        body: a.paragraphs.join('\n'),
        language: a.language,
        published: `${a.published}T08:00:00Z`,
      }));
    report('fixture (in the given order)', dated);
    report(
      'fixture (by publication date)',
      [...dated].sort((a, b) => a.published.localeCompare(b.published)),
    );
  }
}

main();
