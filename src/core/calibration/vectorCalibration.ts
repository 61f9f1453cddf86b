/**
 * How the loaded embedding model scores related against unrelated text on this store, and
 * what a similarity is worth once measured against that. Models differ in scale
 * (multilingual-e5 gives unrelated text 0.7-0.8, a bag-of-words model about 0, a model with
 * random weights anything), so no similarity is compared with an absolute constant: a
 * similarity counts only by how far it stands above what this model gives unrelated text.
 */

/** The measurement kept with the store's vector space (see measureCalibration.ts for the probe). */
export interface VectorCalibration {
  /** The vector space it was measured in; a calibration of another space is ignored. */
  model: string;
  dim: number;
  /** Unrelated samples measured, and the passages with vectors at the time (a store that grew or shrank much is measured again). */
  probes: number;
  passages: number;
  measuredAt: string;
  /** Similarity of a probe to the best passage of another article: median and 99th percentile. */
  unrelatedMedian: number;
  unrelatedHigh: number;
  /** Similarity of a probe to its own passage: median. */
  relatedMedian: number;
  /** Share of probes whose own passage scores above `unrelatedHigh`. */
  separatedShare: number;
  /** Whether the model tells related from unrelated text here; when not, answers are made as in lexical mode. */
  separates: boolean;
}

/**
 * A model separates on this store when the typical related pair scores above what unrelated
 * pairs reach only one time in a hundred: then a similarity above `unrelatedHigh` is
 * evidence, and the span up to the typical related score is the scale a margin is measured in.
 */
export const SEPARATED_SHARE_NEEDED = 0.5;

/** Similarities turned into calibrated evidence for one question. */
export interface VectorScale {
  calibration: VectorCalibration;
  /** How far above what unrelated text gets, in units of (related median - unrelated high); >= 0 is evidence. */
  margin(similarity: number): number;
  /** A sentence's credit from its similarity: 0 at what unrelated text reaches, 1 at the typical related score. */
  credit(similarity: number): number;
}

export function vectorScale(calibration: VectorCalibration): VectorScale {
  const span = Math.max(1e-6, calibration.relatedMedian - calibration.unrelatedHigh);
  const margin = (similarity: number) => (similarity - calibration.unrelatedHigh) / span;
  return { calibration, margin, credit: (similarity) => Math.min(1, Math.max(0, margin(similarity))) };
}

/** Nearest-rank quantile of a non-empty list. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

/**
 * The calibration from measured probes: each store probe's own-passage similarity and its best
 * other-article similarity, plus the best similarity of questions the store does not cover
 * (unrelated samples without a related side).
 */
export function summarizeProbes(
  pairs: Array<{ related: number; unrelated: number }>,
  space: { model: string; dim: number; passages: number; measuredAt: string },
  uncovered: number[] = [],
): VectorCalibration {
  if (pairs.length === 0) throw new Error('no probes to calibrate with');
  const unrelated = [...pairs.map((p) => p.unrelated), ...uncovered];
  // Decided on the values as stored (rounded), so a reloaded calibration says the same.
  const unrelatedHigh = round(quantile(unrelated, 0.99));
  const relatedMedian = round(
    quantile(
      pairs.map((p) => p.related),
      0.5,
    ),
  );
  const separatedShare = pairs.filter((p) => p.related > unrelatedHigh).length / pairs.length;
  return {
    ...space,
    probes: unrelated.length,
    unrelatedMedian: round(quantile(unrelated, 0.5)),
    unrelatedHigh,
    relatedMedian,
    separatedShare: round(separatedShare),
    separates: separatedShare >= SEPARATED_SHARE_NEEDED && relatedMedian > unrelatedHigh,
  };
}

function round(value: number): number {
  return Number(value.toFixed(4));
}

/** The sentence operators and askers read when the loaded model's vectors are not used for answers. */
export function notSeparatingLimitation(calibration: VectorCalibration): string {
  return (
    `The embedding model's vectors do not separate related from unrelated text on this store ` +
    `(own passage above unrelated text for ${Math.round(calibration.separatedShare * 100)}% of ${calibration.probes} probes): answers use words only, as in lexical mode.`
  );
}

/** Reads a stored calibration, refusing anything not of its shape (the store's metadata is data, not trusted code). */
export function parseVectorCalibration(raw: unknown): VectorCalibration | null {
  if (!raw || typeof raw !== 'object') return null;
  const c = raw as Record<string, unknown>;
  const numbers = ['dim', 'probes', 'passages', 'unrelatedMedian', 'unrelatedHigh', 'relatedMedian', 'separatedShare'] as const;
  if (typeof c.model !== 'string' || typeof c.measuredAt !== 'string' || typeof c.separates !== 'boolean') return null;
  if (!numbers.every((key) => typeof c[key] === 'number' && Number.isFinite(c[key]))) return null;
  return c as unknown as VectorCalibration;
}
