import { DEFAULT_THRESHOLDS, passesGate, type GateThresholds, type ThresholdOrigin } from '../calibration/operatingPoint.js';
import type { VectorScale } from '../calibration/vectorCalibration.js';
import type { ScoredPassage } from '../retrieval/retrieve.js';

/** Why a question was answered or declined, with the evidence (the `decision` of `ask --json`). */
export interface AnswerDecision {
  answered: boolean;
  reason: string;
  /** Rounded for display (3 decimals). */
  bestRelevance: number;
  /** Best calibrated vector margin; null when vectors were not used. */
  bestMargin: number | null;
  thresholds: { minRelevance: number | null; minVectorMargin: number | null; origin: ThresholdOrigin };
}

/** The evidence the gate weighs for one retrieved passage. */
export interface PassageEvidence {
  relevance: number;
  margin: number | null;
}

export function passageEvidence(passage: ScoredPassage, scale: VectorScale | null | undefined): PassageEvidence {
  return { relevance: passage.relevance, margin: scale && passage.similarity !== null ? scale.margin(passage.similarity) : null };
}

/** A passage answerable by meaning alone: far enough above what unrelated text reaches (another language, other words). */
export function answerableByMeaning(evidence: PassageEvidence, thresholds: GateThresholds): boolean {
  return evidence.margin !== null && evidence.margin >= thresholds.minVectorMargin;
}

const fixed = (value: number) => value.toFixed(2);

/**
 * The gate: a question is answerable when its best passage shares enough of its information
 * (words, IDF-weighted) or, with a model that separates on this store, stands far enough above
 * unrelated text in meaning. Never an absolute cosine: the margin is measured on this store.
 */
export function decideGate(
  passages: ScoredPassage[],
  scale: VectorScale | null | undefined,
  thresholds: GateThresholds = DEFAULT_THRESHOLDS,
  origin: ThresholdOrigin = 'default',
): AnswerDecision {
  const evidence = passages.map((p) => passageEvidence(p, scale));
  const bestRelevance = Math.max(0, ...evidence.map((e) => e.relevance));
  const margins = evidence.flatMap((e) => (e.margin === null ? [] : [e.margin]));
  const bestMargin = margins.length ? Math.max(...margins) : null;
  const answered = passesGate({ bestRelevance, bestMargin }, thresholds);
  const marginText =
    bestMargin === null
      ? 'no vector evidence'
      : `best vector margin ${fixed(bestMargin)} ${bestMargin >= thresholds.minVectorMargin ? '>=' : '<'} ${fixed(thresholds.minVectorMargin)}`;
  const relevanceText = `best passage relevance ${fixed(bestRelevance)} ${bestRelevance >= thresholds.minRelevance ? '>=' : '<'} ${fixed(thresholds.minRelevance)}`;
  const reason = !answered
    ? `declined: ${relevanceText} and ${marginText}`
    : bestRelevance >= thresholds.minRelevance
      ? `answered by words: ${relevanceText}`
      : `answered by meaning: ${marginText}`;
  return {
    answered,
    reason,
    bestRelevance: Number(bestRelevance.toFixed(3)),
    bestMargin: bestMargin === null ? null : Number(bestMargin.toFixed(3)),
    thresholds: {
      minRelevance: Number.isFinite(thresholds.minRelevance) ? thresholds.minRelevance : null,
      minVectorMargin: Number.isFinite(thresholds.minVectorMargin) ? thresholds.minVectorMargin : null,
      origin,
    },
  };
}
