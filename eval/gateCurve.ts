import type { CurvePoint } from '../src/core/calibration/operatingPoint.js';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(7);
const threshold = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'never').padStart(8);

/** The gate's curve as a table: wrongly declined against honest, with the thresholds of each point. */
export function formatCurve(curve: CurvePoint[], chosen?: CurvePoint): string {
  const lines = ['wrongly declined  honest  min relevance  min vector margin'];
  for (const p of curve) {
    const mark = chosen && p === chosen ? '  <- chosen' : '';
    lines.push(`${pct(p.wronglyDeclined)}          ${pct(p.honest)}  ${threshold(p.minRelevance)}       ${threshold(p.minVectorMargin)}${mark}`);
  }
  return lines.join('\n');
}

/** The curve for JSON output (no Infinity in JSON: "never" is null). */
export function curveToJson(curve: CurvePoint[]): Array<Record<string, number | null>> {
  return curve.map((p) => ({
    wronglyDeclined: Number(p.wronglyDeclined.toFixed(4)),
    honest: Number(p.honest.toFixed(4)),
    minRelevance: Number.isFinite(p.minRelevance) ? Number(p.minRelevance.toFixed(4)) : null,
    minVectorMargin: Number.isFinite(p.minVectorMargin) ? Number(p.minVectorMargin.toFixed(4)) : null,
  }));
}
