import type { Citation } from '../answer/types.js';
import type { DatedArticle } from '../ports/digests.js';
import type { KnowledgeStore, StoryInfo } from '../ports/knowledgeStore.js';
import type { SearchScope } from '../ports/newsDesks.js';
import { leadSentence } from '../text/leadSentence.js';
import type { Digest, DigestStory } from './digest.js';
import { candidateDays, inPeriod, type DigestPeriod } from './period.js';
import { localParts } from './zonedTime.js';

/** Stories a digest lists at most: a digest is the main news, not the whole index. */
export const MAX_DIGEST_STORIES = 10;

/** A lead longer than this (a sentence the splitter could not end) is cut, with an ellipsis. */
const MAX_LEAD_CHARS = 320;

export interface DigestRequest {
  period: DigestPeriod;
  /** The sources it may draw from (a server's news desk); everything when absent. */
  scope?: SearchScope;
  /** Only stories whose passages are about this (as the answer gate judges them). */
  topic?: string | null;
  /** Language of the fixed phrases and the preferred language of headlines. */
  language: string;
  /** The zone the period's days are shown in (a server's); UTC when absent. */
  timeZone?: string;
  maxStories?: number;
}

export interface DigestSources {
  store: Pick<KnowledgeStore, 'datedArticles' | 'stories'>;
  /** The documents about a topic in the days asked, best first (topicMatch.ts over the knowledge base). */
  topicDocuments(topic: string, days: { fromDay: string; toDay: string }, scope?: SearchScope): Promise<number[]>;
}

interface StoryGroup {
  story: StoryInfo;
  articles: DatedArticle[];
}

/**
 * The main stories of a period: the dated articles published (or, for a scheduled digest,
 * arrived) in it, grouped by the store's stories (the one place that decides which articles
 * tell one story), with a topic only the stories its search found, ranked by how many outlets
 * and articles tell them, then by the newest; one line each from its best article.
 */
export async function composeDigest(request: DigestRequest, sources: DigestSources): Promise<Digest> {
  const { period, scope } = request;
  const days = candidateDays(period);
  const articles = (await sources.store.datedArticles(days, scope)).filter((a) => inPeriod(a, period));
  const topic = request.topic?.trim() || null;
  const matched = topic && articles.length > 0 ? await sources.topicDocuments(topic, days, scope) : [];
  const stories = await sources.store.stories([...new Set([...articles.map((a) => a.id), ...matched])], scope);
  let groups = groupByStory(articles, stories);
  if (topic) {
    const about = new Set(matched.flatMap((id) => (stories.has(id) ? [stories.get(id)!.id] : [])));
    groups = groups.filter((g) => about.has(g.story.id));
  }
  const ranked = groups.sort(byImportance).slice(0, request.maxStories ?? MAX_DIGEST_STORIES);
  const zone = request.timeZone ?? 'UTC';
  return {
    language: request.language,
    topic,
    period,
    sinceDay: localParts(period.since, zone).date,
    untilDay: localParts(period.until, zone).date,
    stories: ranked.map((group, i) => digestLine(group, i + 1, request.language)),
    notes: [],
    mode: 'extractive',
  };
}

/** The period's articles by story (an article the store places in no story, e.g. out of the scope, is left out). */
function groupByStory(articles: DatedArticle[], stories: Map<number, StoryInfo>): StoryGroup[] {
  const groups = new Map<number, StoryGroup>();
  for (const article of articles) {
    const story = stories.get(article.id);
    if (!story) continue;
    const group = groups.get(story.id) ?? { story, articles: [] };
    group.articles.push(article);
    groups.set(story.id, group);
  }
  return [...groups.values()];
}

const newest = (group: StoryGroup) => Math.max(...group.articles.map((a) => Date.parse(a.published)));

/** More outlets first, then more articles, then the newest; the story id last, so the order never depends on the store's. */
function byImportance(a: StoryGroup, b: StoryGroup): number {
  return b.story.outlets.length - a.story.outlets.length || b.story.articles - a.story.articles || newest(b) - newest(a) || a.story.id - b.story.id;
}

/** The story's best article: one in the digest's language when there is one, then the first published (the original report). */
function bestArticle(group: StoryGroup, language: string): DatedArticle {
  return [...group.articles].sort(
    (a, b) => Number(b.language === language) - Number(a.language === language) || Date.parse(a.published) - Date.parse(b.published) || a.id - b.id,
  )[0]!;
}

function digestLine(group: StoryGroup, n: number, language: string): DigestStory {
  const article = bestArticle(group, language);
  const lead = leadSentence(article.lead, article.language, MAX_LEAD_CHARS);
  const citation: Citation = {
    n,
    title: article.title,
    source: article.source,
    ...(article.url ? { url: article.url } : {}),
    published: article.published,
    ...(article.outlet ? { outlet: article.outlet } : {}),
    language: article.language,
    section: 'body',
    quote: lead,
    ...(article.summaryOnly ? { summaryOnly: true as const } : {}),
    story: { id: group.story.id, articles: group.story.articles, outlets: group.story.outlets },
  };
  return {
    date: article.published.slice(0, 10),
    headline: article.title,
    lead,
    text: article.lead,
    citation,
    outlets: group.story.outlets.length,
    articles: group.story.articles,
  };
}
