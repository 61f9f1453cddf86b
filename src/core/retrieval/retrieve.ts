import type { NewsEmbeddings } from '../ports/newsEmbeddings.js';
import { embedQuery } from '../ports/newsEmbeddings.js';
import type { KnowledgeStore, StoryInfo } from '../ports/knowledgeStore.js';
import type { SearchScope } from '../ports/newsDesks.js';
import { queryTerms, type QueryTerm } from '../text/terms.js';
import { splitCompounds } from './decompound.js';
import type { RetrievedPassage } from '../types.js';
import { diversify } from './diversity.js';
import { storiesFirst } from './storyRanking.js';
import { reciprocalRankFusion } from './fusion.js';
import { termCoverage } from './termMatching.js';
import { RANKED_CANDIDATES, rankLeading } from './candidateRanking.js';
import type { VectorScale } from '../calibration/vectorCalibration.js';
import type { GateThresholds, ThresholdOrigin } from '../calibration/operatingPoint.js';

export interface RetrievalOptions {
  /** Passages to return. */
  k?: number;
  /** Candidates taken from each of BM25 and the vector index before fusion. */
  candidates?: number;
  /** Prefer recent articles: a passage's score gains up to 50%, halving every this many days. */
  recencyHalfLifeDays?: number;
  /** Only articles published on or after / on or before these ISO dates (undated ones are excluded). */
  since?: string;
  until?: string;
  now?: Date;
  /**
   * The part of the question to weigh double: a follow-up's own words, retrieved together
   * with the earlier question but deciding which sentences answer it.
   */
  emphasis?: string;
  /** Only passages of articles these sources bring (a server's news desk); everything when absent. */
  scope?: SearchScope;
}

export interface ScoredPassage extends RetrievedPassage {
  /** IDF-weighted share of the question's terms found in the passage (with its headline). */
  relevance: number;
  /** The story its article belongs to (copies and same-event articles share one), when retrieval looked it up. */
  storyId?: number;
}

export interface RetrievalResult {
  terms: QueryTerm[];
  /** IDF weight of each term, aligned with `terms`. */
  weights: number[];
  passages: ScoredPassage[];
  mode: 'hybrid' | 'lexical';
  /** The question's vector, when vectors were used (the answerer reuses it). */
  queryVector: Float32Array | null;
  /**
   * With vectors: per passage id, each sentence's similarity to the question (splitSentences
   * order), for the leading passages. Lets a sentence in another language be chosen.
   */
  sentenceSimilarity?: Map<number, number[]>;
  /** With vectors: the loaded model's score scale measured on this store (turns similarities into margins). */
  vectorScale?: VectorScale | null;
  /** The answer gate's thresholds in force, and where they came from (defaults when absent). */
  gate?: { thresholds: GateThresholds; origin: ThresholdOrigin };
  /** The story of each candidate's article (document id -> story, in the scope), as read to rank stories: citations take theirs from it. */
  stories?: Map<number, StoryInfo>;
}

export interface RetrievalContext {
  store: KnowledgeStore;
  /** Only set when it is the model that built the stored vectors. */
  embeddings: NewsEmbeddings | null;
}

/**
 * Terms found in more than this share of passages are not searched by when rarer terms are
 * there (they are still scored): their long posting lists cost much and change little.
 */
const COMMON_TERM_SHARE = 0.05;

/** IDF per query term (terms that occur nowhere get the highest weight) and whether it is too common to search by. */
async function termStatistics(store: KnowledgeStore, terms: QueryTerm[]): Promise<Array<{ weight: number; common: boolean }>> {
  const [count, frequencies] = await Promise.all([store.passageCount(), store.passageFrequencies(terms.map((term) => [...term.stems, ...term.variants]))]);
  const n = Math.max(1, count);
  return frequencies.map((df) => ({ weight: Math.log(1 + n / (1 + df)), common: n >= 5000 && df / n > COMMON_TERM_SHARE }));
}

function ageInDays(published: string | null, now: Date): number | null {
  if (!published) return null;
  const t = Date.parse(published);
  return Number.isNaN(t) ? null : Math.max(0, (now.getTime() - t) / 86_400_000);
}

/**
 * A question's terms (compounds split against the index), their IDF weights (doubled for the
 * emphasized part of a follow-up) and the word forms to search by full text: searching by a
 * word a large share of the corpus contains costs much and ranks little, so such terms only
 * weigh; at least the rarest term is searched.
 */
export async function questionTerms(
  question: string,
  store: KnowledgeStore,
  emphasis?: string,
): Promise<{ terms: QueryTerm[]; weights: number[]; searchForms: string[] }> {
  const terms = await splitCompounds(queryTerms(question), (candidates) => store.knownTerms(candidates));
  const emphasized = new Set(emphasis ? queryTerms(emphasis).map((t) => t.surface) : []);
  const statistics = await termStatistics(store, terms);
  const weights = statistics.map((s, i) => (emphasized.has(terms[i]!.surface) ? 2 * s.weight : s.weight));
  const searchable = terms.filter((_, i) => !statistics[i]!.common);
  const searchTerms = searchable.length > 0 ? searchable : terms.filter((_, i) => weights[i] === Math.max(...weights));
  return { terms, weights, searchForms: searchTerms.flatMap((t) => [...t.stems, ...t.variants]) };
}

/**
 * Hybrid retrieval: BM25 over language-aware stems (and compound parts) and vector
 * kNN, fused by reciprocal rank, optionally boosted by recency and filtered by date, then
 * diversified. Works lexical-only when no compatible embedding model is loaded.
 */
export async function retrieve(question: string, context: RetrievalContext, options: RetrievalOptions = {}): Promise<RetrievalResult> {
  const k = options.k ?? 8;
  const { terms, weights, searchForms } = await questionTerms(question, context.store, options.emphasis);
  const found = await searchCandidates(question, context, searchForms, options);
  const { scored, stories } = await withStoryIds(await scoreCandidates(found, { terms, weights }, context.store, options), context.store, options.scope);
  const passages = orderPassages(scored, terms, weights, k);
  return { terms, weights, passages, mode: found.queryVector ? 'hybrid' : 'lexical', queryVector: found.queryVector, stories };
}

/** What the two searches found, each in its own rank order. */
interface Candidates {
  lexicalIds: number[];
  vectorIds: number[];
  /** Per vector hit, its similarity to the question. */
  similarity: Map<number, number>;
  /** The question's vector, when the vector search ran. */
  queryVector: Float32Array | null;
}

/** Candidates from both searches: full text by the search forms, and kNN when the stored vectors are the loaded model's. */
async function searchCandidates(question: string, context: RetrievalContext, searchForms: string[], options: RetrievalOptions): Promise<Candidates> {
  const candidates = options.candidates ?? 50;
  // The scope is passed only when there is one, so unscoped calls stay exactly as they were.
  const scoped = options.scope ? [options.scope] : [];
  const lexical = await context.store.lexicalSearch(searchForms, candidates, { since: options.since, until: options.until }, ...scoped);
  const vectorIds: number[] = [];
  const similarity = new Map<number, number>();
  let queryVector: Float32Array | null = null;
  if (context.embeddings && (await context.store.hasSearchableVectors())) {
    queryVector = await embedQuery(context.embeddings, question);
    for (const hit of await context.store.vectorSearch(queryVector, candidates, ...scoped)) {
      vectorIds.push(hit.id);
      similarity.set(hit.id, hit.similarity);
    }
  }
  return { lexicalIds: lexical.map((h) => h.id), vectorIds, similarity, queryVector };
}

/**
 * The candidates fused by reciprocal rank, hydrated, kept when published within the dates,
 * boosted by recency when asked, and each given its share of the question's terms.
 */
async function scoreCandidates(
  found: Candidates,
  question: { terms: QueryTerm[]; weights: number[] },
  store: KnowledgeStore,
  options: RetrievalOptions,
): Promise<ScoredPassage[]> {
  const fused = reciprocalRankFusion([
    { ids: found.lexicalIds, weight: 1 },
    { ids: found.vectorIds, weight: 1 },
  ]);
  const lexicalRank = new Map(found.lexicalIds.map((id, i) => [id, i + 1]));
  const vectorRank = new Map(found.vectorIds.map((id, i) => [id, i + 1]));
  const now = options.now ?? new Date();
  // With a scope, a passage reached through a story's in-scope copy is shown as that copy.
  const hydrated = await store.passagesByIds([...fused.keys()], ...(options.scope ? [options.scope] : []));
  return hydrated
    .filter((p) => publishedWithin(p.document.published, options))
    .map((p) => ({
      ...p,
      score: withRecency(fused.get(p.id) ?? 0, p.document.published, options.recencyHalfLifeDays, now),
      lexicalRank: lexicalRank.get(p.id) ?? null,
      vectorRank: vectorRank.get(p.id) ?? null,
      similarity: found.similarity.get(p.id) ?? null,
      // The stored terms include the headline: comments are about the article too.
      relevance: termCoverage(question.terms, question.weights, p.terms.split(' '), p.section),
    }));
}

/** Within --since/--until: an undated passage passes only when no date limits it. */
function publishedWithin(published: string | null, dates: { since?: string; until?: string }): boolean {
  return (!dates.since || (published ?? '') >= dates.since) && (!dates.until || (published ?? '9999').slice(0, 10) <= dates.until);
}

/** A score gains up to 50% for a recent article, the gain halving every `halfLifeDays`. */
function withRecency(score: number, published: string | null, halfLifeDays: number | undefined, now: Date): number {
  if (!halfLifeDays) return score;
  const age = ageInDays(published, now);
  return age === null ? score : score * (1 + 0.5 * 0.5 ** (age / halfLifeDays));
}

/** The final order: fusion first, the leading candidates by all the lexical evidence, then diversified to `k`. */
function orderPassages(scored: ScoredPassage[], terms: QueryTerm[], weights: number[], k: number): ScoredPassage[] {
  // Fusion decides the order; relevance breaks ties and demotes passages matching only stopword-like terms.
  scored.sort((a, b) => b.score * (0.5 + b.relevance) - a.score * (0.5 + a.relevance) || b.relevance - a.relevance);
  // The leading candidates are ordered by all the lexical evidence together (candidateRanking.ts;
  // squad-it-dev, lexical: recall@1 0.746 -> 0.755).
  const ranked = [...rankLeading(terms, weights, scored.slice(0, RANKED_CANDIDATES)), ...scored.slice(RANKED_CANDIDATES)];
  return diversify(storiesFirst(ranked), k);
}

/** Each passage with its article's story id, and the stories read (one store read for all). */
async function withStoryIds(
  passages: ScoredPassage[],
  store: KnowledgeStore,
  scope?: SearchScope,
): Promise<{ scored: ScoredPassage[]; stories: Map<number, StoryInfo> }> {
  const ids = [...new Set(passages.map((p) => p.documentId))];
  const stories = await (scope ? store.stories(ids, scope) : store.stories(ids));
  const scored = passages.map((p) => {
    const story = stories.get(p.documentId);
    return story ? { ...p, storyId: story.id } : p;
  });
  return { scored, stories };
}
