/**
 * The answer gate's thresholds and how they are fitted on labelled questions
 * (`npm run calibrate`): a question is answered when its best passage is lexically relevant
 * enough, or (with a model that separates on the store) similar enough in meaning, measured
 * as a calibrated margin (vectorCalibration.ts). Fitting sweeps both thresholds over the
 * questions' recorded evidence and keeps the most honest point within a budget of answerable
 * questions wrongly declined.
 */

export interface GateThresholds {
  /** Best passage's IDF-weighted share of the question's terms (with its headline). */
  minRelevance: number;
  /** Best passage's calibrated vector margin; Infinity when meaning alone never suffices. */
  minVectorMargin: number;
}

/** Where the thresholds in force came from, for `ask --json` and /status. */
export type ThresholdOrigin = 'default' | 'calibrated' | 'environment';

/**
 * Defaults without a calibration run. Relevance 0.5: calibrated on the eval set and
 * squad-it-dev in lexical mode (the value this project has answered with since the start).
 * Margin 0: above what unrelated text reaches on this store for 99 probes in 100.
 */
export const DEFAULT_THRESHOLDS: GateThresholds = { minRelevance: 0.5, minVectorMargin: 0 };

/** A fitted operating point as stored in the store's metadata. */
export interface OperatingPoint extends GateThresholds {
  /** The vector space it was fitted with (null: lexical). Another model's point is not used. */
  model: string | null;
  questions: number;
  wronglyDeclined: number;
  honest: number;
  fittedAt: string;
}

/** What one labelled question's retrieval showed, enough to replay the gate at any thresholds. */
export interface GateEvidence {
  unanswerable: boolean;
  bestRelevance: number;
  /** Null without usable vectors. */
  bestMargin: number | null;
}

export interface CurvePoint extends GateThresholds {
  /** Share of answerable questions declined. */
  wronglyDeclined: number;
  /** Share of unanswerable questions declined. */
  honest: number;
}

export function passesGate(evidence: { bestRelevance: number; bestMargin: number | null }, t: GateThresholds): boolean {
  return evidence.bestRelevance >= t.minRelevance || (evidence.bestMargin !== null && evidence.bestMargin >= t.minVectorMargin);
}

function evaluate(evidence: GateEvidence[], t: GateThresholds): CurvePoint {
  let answerable = 0;
  let unanswerable = 0;
  let declinedAnswerable = 0;
  let declinedUnanswerable = 0;
  for (const e of evidence) {
    const declined = !passesGate(e, t);
    if (e.unanswerable) {
      unanswerable++;
      if (declined) declinedUnanswerable++;
    } else {
      answerable++;
      if (declined) declinedAnswerable++;
    }
  }
  return { ...t, wronglyDeclined: answerable ? declinedAnswerable / answerable : 0, honest: unanswerable ? declinedUnanswerable / unanswerable : 0 };
}

/** Candidate thresholds: every observed value (and just above it), so the sweep misses no step of the curve. */
function candidates(values: number[]): number[] {
  const distinct = [...new Set(values.map((v) => Number(v.toFixed(3))))].sort((a, b) => a - b);
  // Thinned to about 60 steps: enough resolution for a curve, affordable as a grid of two.
  const step = Math.max(1, Math.floor(distinct.length / 60));
  // The largest value always stays: just above it is the last finite step before "never".
  return [0, ...distinct.filter((_, i) => i % step === 0 || i === distinct.length - 1).map((v) => v + 0.0005), Infinity];
}

/**
 * The gate's curve over the questions: for every pair of thresholds, wrongly declined against
 * honest, reduced to the points no other point beats on both (best honesty for each rate of
 * wrong declines), ordered by wrongly declined.
 */
export function sweepGate(evidence: GateEvidence[]): CurvePoint[] {
  const relevances = candidates(evidence.map((e) => e.bestRelevance));
  const margins = evidence.some((e) => e.bestMargin !== null) ? candidates(evidence.flatMap((e) => (e.bestMargin === null ? [] : [e.bestMargin]))) : [Infinity];
  const points: CurvePoint[] = [];
  for (const minRelevance of relevances) for (const minVectorMargin of margins) points.push(evaluate(evidence, { minRelevance, minVectorMargin }));
  points.sort((a, b) => a.wronglyDeclined - b.wronglyDeclined || b.honest - a.honest);
  const front: CurvePoint[] = [];
  for (const p of points) if (front.length === 0 || p.honest > front[front.length - 1]!.honest) front.push(p);
  return front;
}

/** The most honest point of the curve declining at most `maxWronglyDeclined` of answerable questions. */
export function chooseOperatingPoint(curve: CurvePoint[], maxWronglyDeclined = 0.05): CurvePoint {
  const allowed = curve.filter((p) => p.wronglyDeclined <= maxWronglyDeclined);
  if (allowed.length === 0) throw new Error('no operating point: the curve is empty');
  return allowed.reduce((best, p) => (p.honest > best.honest ? p : best));
}

/** Reads a stored operating point, refusing anything not of its shape. */
export function parseOperatingPoint(raw: unknown): OperatingPoint | null {
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Record<string, unknown>;
  const relevance = p.minRelevance === null ? Infinity : p.minRelevance;
  const margin = p.minVectorMargin === null ? Infinity : p.minVectorMargin;
  if (typeof relevance !== 'number' || typeof margin !== 'number') return null;
  if (p.model !== null && typeof p.model !== 'string') return null;
  return { ...(p as unknown as OperatingPoint), minRelevance: relevance, minVectorMargin: margin };
}

/** JSON has no Infinity: "never by words" / "never by meaning alone" are stored as null. */
export function operatingPointToJson(point: OperatingPoint): Record<string, unknown> {
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  return { ...point, minRelevance: finite(point.minRelevance), minVectorMargin: finite(point.minVectorMargin) };
}
