import type { NewsEmbeddings } from '../ports/newsEmbeddings.js';
import { embedQuery } from '../ports/newsEmbeddings.js';
import type { KnowledgeStore } from '../ports/knowledgeStore.js';
import type { SearchScope } from '../ports/newsDesks.js';
import { queryTerms, type QueryTerm } from '../text/terms.js';
import { splitCompounds } from './decompound.js';
import type { RetrievedPassage } from '../types.js';
import { diversify } from './diversity.js';
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
  /** Only passages of articles these sources bring (a server's question); none: every stored article. */
  scope?: SearchScope;
}

export interface ScoredPassage extends RetrievedPassage {
  /** IDF-weighted share of the question's terms found in the passage (with its headline). */
  relevance: number;
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
  const candidates = options.candidates ?? 50;
  const { terms, weights, searchForms } = await questionTerms(question, context.store, options.emphasis);
  const dates = { since: options.since, until: options.until };

  // The scope is passed only when there is one, so unscoped calls stay exactly as they were.
  const scoped = options.scope ? [options.scope] : [];
  const lexical = await context.store.lexicalSearch(searchForms, candidates, dates, ...scoped);

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

  const fused = reciprocalRankFusion([
    { ids: lexical.map((h) => h.id), weight: 1 },
    { ids: vectorIds, weight: 1 },
  ]);
  const lexicalRank = new Map(lexical.map((h, i) => [h.id, i + 1]));
  const vectorRank = new Map(vectorIds.map((id, i) => [id, i + 1]));
  const now = options.now ?? new Date();

  const hydrated = await context.store.passagesByIds([...fused.keys()], ...scoped);
  let scored: ScoredPassage[] = hydrated
    .filter(
      (p) => (!dates.since || (p.document.published ?? '') >= dates.since) && (!dates.until || (p.document.published ?? '9999').slice(0, 10) <= dates.until),
    )
    .map((p) => {
      let score = fused.get(p.id) ?? 0;
      if (options.recencyHalfLifeDays) {
        const age = ageInDays(p.document.published, now);
        if (age !== null) score *= 1 + 0.5 * 0.5 ** (age / options.recencyHalfLifeDays);
      }
      return {
        ...p,
        score,
        lexicalRank: lexicalRank.get(p.id) ?? null,
        vectorRank: vectorRank.get(p.id) ?? null,
        similarity: similarity.get(p.id) ?? null,
        // The stored terms include the headline: comments are about the article too.
        relevance: termCoverage(terms, weights, p.terms.split(' '), p.section),
      };
    });
  // Fusion decides the order; relevance breaks ties and demotes passages matching only stopword-like terms.
  scored.sort((a, b) => b.score * (0.5 + b.relevance) - a.score * (0.5 + a.relevance) || b.relevance - a.relevance);
  // The leading candidates are ordered by all the lexical evidence together (candidateRanking.ts;
  // squad-it-dev, lexical: recall@1 0.746 -> 0.755).
  scored = [...rankLeading(terms, weights, scored.slice(0, RANKED_CANDIDATES)), ...scored.slice(RANKED_CANDIDATES)];
  scored = diversify(scored, k);
  return { terms, weights, passages: scored, mode: queryVector ? 'hybrid' : 'lexical', queryVector };
}
