import { MIN_VECTOR_BACKGROUND, VECTOR_BACKGROUND_MARGIN } from './storyParameters.js';

/**
 * The similarity an article's vector must exceed to count as evidence of one event: what the
 * loaded model gives this article against unrelated articles of this store (published outside
 * its window): their highest similarity, plus VECTOR_BACKGROUND_MARGIN times how far that
 * highest stands above their median (the model's own spread). Measured per article on the model
 * in use, so no cosine constant of one model is ever applied to another; null when the
 * background is too small to judge (grouping then stays lexical).
 */
export function vectorThreshold(backgroundSimilarities: number[]): number | null {
  if (backgroundSimilarities.length < MIN_VECTOR_BACKGROUND) return null;
  const sorted = [...backgroundSimilarities].sort((a, b) => a - b);
  const highest = sorted[sorted.length - 1]!;
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return highest + VECTOR_BACKGROUND_MARGIN * (highest - median);
}
