import { operatingPointToJson, parseOperatingPoint } from '../core/calibration/operatingPoint.js';
import { parseVectorCalibration } from '../core/calibration/vectorCalibration.js';
import type { StoredCalibration } from '../core/ports/knowledgeStore.js';

/**
 * The answer calibration (StoredCalibration) as kept in either backend's meta table, serialised
 * here once so both backends store and validate it the same way.
 */
export const CALIBRATION_META_KEYS = { vector: 'calibration_vector', operatingPoint: 'calibration_operating_point' } as const;

function parseJson(raw: string | undefined | null): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null; // a damaged value counts as no calibration: the store measures again
  }
}

export function readCalibration(get: (key: string) => string | undefined | null): StoredCalibration {
  return {
    vector: parseVectorCalibration(parseJson(get(CALIBRATION_META_KEYS.vector))),
    operatingPoint: parseOperatingPoint(parseJson(get(CALIBRATION_META_KEYS.operatingPoint))),
  };
}

/** The meta rows to write for an update; a part given as null is cleared (written as "null"). */
export function calibrationRows(update: Partial<StoredCalibration>): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (update.vector !== undefined) rows.push([CALIBRATION_META_KEYS.vector, JSON.stringify(update.vector)]);
  if (update.operatingPoint !== undefined) {
    rows.push([CALIBRATION_META_KEYS.operatingPoint, JSON.stringify(update.operatingPoint ? operatingPointToJson(update.operatingPoint) : null)]);
  }
  return rows;
}

/**
 * Probes are spread over the whole store in a fixed pseudo-random order (ids multiplied by
 * Knuth's multiplicative-hash constant, modulo 2^32): the same store gives the same sample
 * each time, and neither the oldest nor the newest articles dominate it.
 */
export const PROBE_ORDER_SQL = '(p.id * 2654435761) % 4294967296';
