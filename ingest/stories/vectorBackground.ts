import { MIN_VECTOR_BACKGROUND, VECTOR_BACKGROUND_QUANTILE } from './storyParameters.js';

/**
 * The similarity an article's vector must exceed to count as evidence of one event: what the
 * loaded model gives this article against unrelated articles of this store (published outside
 * its window), at VECTOR_BACKGROUND_QUANTILE. Measured per article on the model in use, so no
 * cosine constant of one model is ever applied to another; null when the background is too
 * small to judge (grouping then stays lexical).
 */
export function vectorThreshold(backgroundSimilarities: number[]): number | null {
  if (backgroundSimilarities.length < MIN_VECTOR_BACKGROUND) return null;
  const sorted = [...backgroundSimilarities].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.floor(VECTOR_BACKGROUND_QUANTILE * (sorted.length - 1)));
  return sorted[index]!;
}
