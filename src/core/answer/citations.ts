import type { KnowledgeStore, StoryInfo } from '../ports/knowledgeStore.js';
import type { SearchScope } from '../ports/newsDesks.js';
import type { ScoredPassage } from '../retrieval/retrieve.js';
import type { Answer, AnswerPassage, Citation } from './types.js';
import type { VectorScale } from '../calibration/vectorCalibration.js';

/**
 * Numbers sources in order of first use: one number per (story, body|comment). The first
 * article of a story cited (the best ranked: retrieval ranks a story's best article first)
 * stands for the story; a quote from another article's body in the same story (another
 * outlet's report of the event) joins its citation, whose note names the other outlets.
 */
export class CitationRegistry {
  private readonly byKey = new Map<string, Citation>();

  cite(passage: ScoredPassage, quote: string): number {
    // Reader comments belong to their own outlet's page: cited per article, never merged.
    const byStory = passage.storyId !== undefined && passage.section === 'body';
    const key = byStory ? `s${passage.storyId}:body` : `d${passage.documentId}:${passage.section}`;
    let citation = this.byKey.get(key);
    if (!citation) {
      const d = passage.document;
      citation = {
        n: this.byKey.size + 1,
        title: d.title,
        source: d.source,
        ...(d.url ? { url: d.url } : {}),
        ...(d.published ? { published: d.published } : {}),
        ...(d.outlet ? { outlet: d.outlet } : {}),
        language: d.language,
        section: passage.section,
        quote,
        ...(d.summaryOnly ? { summaryOnly: true as const } : {}),
        // The article alone until withStories() adds the copies of its story from the store.
        story: { id: d.id, articles: 1, outlets: d.outlet ? [d.outlet] : [] },
      };
      this.byKey.set(key, citation);
    } else if (!citation.quote.includes(quote)) {
      citation.quote = `${citation.quote} … ${quote}`;
    }
    return citation.n;
  }

  list(): Citation[] {
    return [...this.byKey.values()];
  }
}

/**
 * Completes each citation's story from the store: how many articles (near-identical copies
 * under other URLs or outlets, which have no passages of their own) tell what it says.
 */
export async function withStories(
  answer: Answer,
  store: Pick<KnowledgeStore, 'stories'>,
  scope?: SearchScope,
  known?: ReadonlyMap<number, StoryInfo>,
): Promise<Answer> {
  if (answer.citations.length === 0) return answer;
  const stories = await storiesOf(
    answer.citations.map((c) => c.story.id),
    store,
    scope,
    known,
  );
  const citations = answer.citations.map((c) => {
    const story = stories.get(c.story.id);
    return story ? { ...c, story: { id: story.id, articles: story.articles, outlets: story.outlets } } : c;
  });
  return { ...answer, citations };
}

/**
 * The stories of these articles (document ids): those retrieval already read (`known`, for the
 * same scope) as they are, the others from the store. In a scope only its articles and outlets
 * are counted and named (another server's sources stay unseen).
 */
export async function storiesOf(
  documentIds: number[],
  store: Pick<KnowledgeStore, 'stories'>,
  scope?: SearchScope,
  known?: ReadonlyMap<number, StoryInfo>,
): Promise<Map<number, StoryInfo>> {
  const ids = [...new Set(documentIds)];
  const stories = new Map<number, StoryInfo>();
  for (const id of ids) if (known?.has(id)) stories.set(id, known.get(id)!);
  const missing = ids.filter((id) => !stories.has(id));
  if (missing.length === 0) return stories;
  const read = await (scope ? store.stories(missing, scope) : store.stories(missing));
  for (const [id, story] of read) stories.set(id, story);
  return stories;
}

export function toAnswerPassages(passages: ScoredPassage[], scale?: VectorScale | null): AnswerPassage[] {
  return passages.map((p) => ({
    source: p.document.source,
    ...(p.document.url ? { url: p.document.url } : {}),
    title: p.document.title,
    score: Number(p.score.toFixed(6)),
    relevance: Number(p.relevance.toFixed(3)),
    similarity: p.similarity === null ? null : Number(p.similarity.toFixed(4)),
    margin: scale && p.similarity !== null ? Number(scale.margin(p.similarity).toFixed(3)) : null,
    section: p.section,
    text: p.text,
    ...(p.document.published ? { published: p.document.published } : {}),
    language: p.document.language,
    position: p.position,
  }));
}
