import { indexTerms, type QueryTerm } from '../text/terms.js';
import { splitSentences } from '../text/sentences.js';
import type { StoredPassage } from '../types.js';
import { indexTermCredit, termCoverage } from './termMatching.js';

/**
 * How the leading candidates are ordered: a weighted sum of lexical evidence that the
 * passage holds the answer, on top of the fused retrieval score.
 *
 * - fused: log of the fused (BM25 + vector) rank score, with any recency boost;
 * - relevance: IDF-weighted share of the question's terms anywhere in the passage (with its headline);
 * - focus: the same share within the passage's best single sentence (answers sit in one sentence);
 * - saturation: BM25-style term-frequency credit, IDF-weighted, length-normalised among the candidates;
 * - adjacency: share of pairs of question terms that stand next to each other in the passage
 *   (a phrase of the question found as a phrase).
 */
export interface CandidateFeatures {
  fused: number;
  relevance: number;
  focus: number;
  saturation: number;
  adjacency: number;
}

/**
 * Fitted, not chosen: a listwise (softmax) logistic model over these features on
 * squad-it-dev, every second question for fitting and the others for checking
 * (`node dist/src/cli/fitRanking.js --squad ../shared/datasets/squad-it-dev/squad-it-dev.json.gz`
 * prints the fit and the recall@1 it gives). Only the ratios matter.
 */
export const RANKING_WEIGHTS: CandidateFeatures = { fused: 6.0, relevance: 2.7, focus: 7.8, saturation: 5.7, adjacency: 3.7 };

/** The candidates scored by their best sentence and term statistics (the rest keep fusion order). */
export const RANKED_CANDIDATES = 30;

const K1 = 1.2;
const B = 0.75;

export function rankingScore(features: CandidateFeatures, weights: CandidateFeatures = RANKING_WEIGHTS): number {
  return (
    weights.fused * features.fused +
    weights.relevance * features.relevance +
    weights.focus * features.focus +
    weights.saturation * features.saturation +
    weights.adjacency * features.adjacency
  );
}

/** A candidate as retrieval has it: the fused score and the relevance already computed. */
export type Candidate = StoredPassage & { score: number; relevance: number };

/** Features of each of the leading candidates, in their order. */
export function featuresOfLeading(terms: QueryTerm[], weights: number[], leading: Candidate[]): CandidateFeatures[] {
  const termLists = leading.map((p) => p.terms.split(' '));
  const averageLength = termLists.reduce((sum, list) => sum + list.length, 0) / Math.max(1, termLists.length);
  return leading.map((p, i) => ({ fused: Math.log(Math.max(p.score, 1e-12)), ...candidateFeatures(terms, weights, p, termLists[i]!, averageLength) }));
}

/** The leading candidates ordered by their ranking score. */
export function rankLeading<T extends Candidate>(terms: QueryTerm[], weights: number[], leading: T[]): T[] {
  const features = featuresOfLeading(terms, weights, leading);
  const score = new Map(leading.map((p, i) => [p.id, rankingScore(features[i]!)]));
  return [...leading].sort((a, b) => score.get(b.id)! - score.get(a.id)!);
}

/** Best IDF-weighted coverage of the question by one sentence of the passage. */
function bestSentenceCoverage(terms: QueryTerm[], weights: number[], passage: StoredPassage): number {
  const language = passage.document.language;
  let best = 0;
  for (const sentence of splitSentences(passage.text, language))
    best = Math.max(best, termCoverage(terms, weights, indexTerms(sentence, language), passage.section));
  return best;
}

/**
 * Features of one candidate except `fused` (which the caller knows). `passageTerms` is the
 * passage's stored index terms in order; `averageLength` the candidates' mean term count.
 */
function candidateFeatures(
  terms: QueryTerm[],
  weights: number[],
  passage: Candidate,
  passageTerms: readonly string[],
  averageLength: number,
): Omit<CandidateFeatures, 'fused'> {
  const totalWeight = weights.reduce((sum, w) => sum + w, 0) || 1;
  const positions: number[][] = terms.map(() => []);
  const frequency = terms.map(() => 0);
  passageTerms.forEach((passageTerm, at) => {
    terms.forEach((term, i) => {
      const c = indexTermCredit(term, passageTerm);
      if (c > 0) {
        frequency[i]! += c;
        positions[i]!.push(at);
      }
    });
  });
  const lengthNorm = 1 - B + (B * passageTerms.length) / Math.max(1, averageLength);
  let saturation = 0;
  frequency.forEach((tf, i) => {
    saturation += (weights[i]! * (tf * (K1 + 1))) / (tf + K1 * lengthNorm);
  });
  return {
    relevance: passage.relevance,
    focus: bestSentenceCoverage(terms, weights, passage),
    saturation: saturation / totalWeight,
    adjacency: adjacentPairShare(weights, positions),
  };
}

/** Share of the question's term pairs (each weighted by its rarer term) found next to each other. */
function adjacentPairShare(weights: number[], positions: number[][]): number {
  let adjacent = 0;
  let total = 0;
  for (let i = 0; i < positions.length; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      const w = Math.min(weights[i]!, weights[j]!);
      total += w;
      if (standNextToEachOther(positions[i]!, positions[j]!)) adjacent += w;
    }
  }
  return total > 0 ? adjacent / total : 0;
}

/** Whether two sorted position lists hold positions at most one apart (a merge walk). */
function standNextToEachOther(a: number[], b: number[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (Math.abs(a[i]! - b[j]!) <= 1) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
}
