import { describe, expect, it } from 'vitest';
import { chooseOperatingPoint, parseOperatingPoint, operatingPointToJson, sweepGate, type GateEvidence } from '../../src/core/calibration/operatingPoint.js';
import { parseVectorCalibration, quantile, summarizeProbes, vectorScale } from '../../src/core/calibration/vectorCalibration.js';
import { decideGate } from '../../src/core/answer/gate.js';
import type { ScoredPassage } from '../../src/core/retrieval/retrieve.js';

const SPACE = { model: 'm', dim: 3, passages: 10, measuredAt: '2026-01-01T00:00:00.000Z' };

describe('vector calibration', () => {
  it("measures separation on the model's own scale: the same pairs shifted to e5's range give the same margins", () => {
    const pairs = Array.from({ length: 100 }, (_, i) => ({ related: 0.5 + (i % 10) / 50, unrelated: 0.05 + (i % 7) / 100 }));
    const low = summarizeProbes(pairs, SPACE);
    const high = summarizeProbes(
      pairs.map((p) => ({ related: 0.75 + p.related / 4, unrelated: 0.75 + p.unrelated / 4 })),
      SPACE,
    );
    expect(low.separates).toBe(true);
    expect(high.separates).toBe(true);
    expect(vectorScale(low).margin(0.3)).toBeCloseTo(vectorScale(high).margin(0.75 + 0.3 / 4), 6);
    expect(vectorScale(high).margin(0.76)).toBeLessThan(0);
    expect(vectorScale(high).credit(0.76)).toBe(0);
  });

  it('says a model does not separate when related text scores like unrelated text (random vectors)', () => {
    const pairs = Array.from({ length: 100 }, (_, i) => ({ related: 0.9 + ((i * 7) % 10) / 1000, unrelated: 0.9 + ((i * 3) % 10) / 1000 }));
    const c = summarizeProbes(pairs, SPACE);
    expect(c.separates).toBe(false);
    expect(c.separatedShare).toBeLessThan(0.5);
  });

  it('takes the 99th percentile of unrelated similarities, and refuses stored values of another shape', () => {
    expect(
      quantile(
        Array.from({ length: 100 }, (_, i) => i),
        0.99,
      ),
    ).toBe(98);
    expect(parseVectorCalibration({ model: 'm' })).toBeNull();
    expect(parseVectorCalibration('nonsense')).toBeNull();
    const c = summarizeProbes(
      [
        { related: 0.9, unrelated: 0.1 },
        { related: 0.8, unrelated: 0.2 },
      ],
      SPACE,
    );
    expect(parseVectorCalibration(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });
});

describe('the answer gate', () => {
  const passage = (relevance: number, similarity: number | null) => ({ relevance, similarity }) as unknown as ScoredPassage;
  const scale = vectorScale(
    summarizeProbes(
      Array.from({ length: 50 }, (_, i) => ({ related: 0.9, unrelated: 0.78 + (i % 5) / 100 })),
      SPACE,
    ),
  );

  it('answers by words, by meaning above unrelated text, and declines otherwise, saying why', () => {
    expect(decideGate([passage(0.7, 0.7)], scale).reason).toMatch(/^answered by words: best passage relevance 0.70 >= 0.50/);
    expect(decideGate([passage(0.1, 0.89)], scale).reason).toMatch(/^answered by meaning: best vector margin/);
    const declined = decideGate([passage(0.1, 0.81)], scale);
    expect(declined.answered).toBe(false);
    expect(declined.reason).toMatch(/^declined: best passage relevance 0.10 < 0.50 and best vector margin -?[\d.]+ < 0.00/);
    expect(decideGate([passage(0.1, 0.99)], null).answered).toBe(false);
  });
});

describe('fitting the operating point', () => {
  const evidence: GateEvidence[] = [
    ...Array.from({ length: 80 }, (_, i) => ({ unanswerable: false, bestRelevance: 0.3 + (i % 20) / 25, bestMargin: (i % 10) / 5 - 0.5 })),
    ...Array.from({ length: 20 }, (_, i) => ({ unanswerable: true, bestRelevance: (i % 10) / 20, bestMargin: (i % 4) / 5 - 1 })),
  ];

  it('keeps only points no other beats on both rates, ordered by wrongly declined', () => {
    const curve = sweepGate(evidence);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.wronglyDeclined).toBeGreaterThanOrEqual(curve[i - 1]!.wronglyDeclined);
      expect(curve[i]!.honest).toBeGreaterThan(curve[i - 1]!.honest);
    }
    expect(curve[0]!.wronglyDeclined).toBe(0);
  });

  it('chooses the most honest point within the budget of wrong declines', () => {
    const curve = sweepGate(evidence);
    const chosen = chooseOperatingPoint(curve, 0.05);
    expect(chosen.wronglyDeclined).toBeLessThanOrEqual(0.05);
    expect(curve.filter((p) => p.wronglyDeclined <= 0.05).every((p) => p.honest <= chosen.honest)).toBe(true);
  });

  it('stores "meaning never suffices" as null and reads it back as Infinity', () => {
    const point = { minRelevance: 0.4, minVectorMargin: Infinity, model: null, questions: 3, wronglyDeclined: 0, honest: 1, fittedAt: 'x' };
    expect(parseOperatingPoint(JSON.parse(JSON.stringify(operatingPointToJson(point))))).toEqual(point);
  });
});
