import type { EvalReport } from './metrics.js';
import type { SideBySide } from './runEval.js';

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, digits = 3) => (v === null ? 'n/a' : v.toFixed(digits));

/** An eval report as aligned lines under a heading naming what was evaluated (`meta`). */
export function formatReport(r: EvalReport, meta: Record<string, unknown>): string {
  const rows: Array<[string, string]> = [
    ['questions', String(r.questions)],
    ['recall@1 (source)', pct(r.recallAt1)],
    ['recall@5 (source)', pct(r.recallAt5)],
    ['recall@10 (source)', pct(r.recallAt10)],
    ['MRR@10', num(r.mrrAt10)],
    ['answer hit rate', pct(r.answerHitRate)],
    ['citation precision', pct(r.citationPrecision)],
    ['unanswerable: honest no-answer', pct(r.unanswerableHonestRate)],
    ['answerable: wrongly declined', pct(r.answerableWronglyDeclinedRate)],
    ['citations removed by checker', pct(r.citationsRemovedShare)],
    ['latency p50 / p95', `${num(r.latencyMs.p50, 1)} ms / ${num(r.latencyMs.p95, 1)} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [
    `Eval (${Object.entries(meta)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')})`,
    ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`),
  ];
  for (const q of r.perQuestion ?? []) lines.push(`  ${JSON.stringify(q)}`);
  return lines.join('\n');
}

/** SQLite's and PostgreSQL's figures in two columns. */
export function formatSideBySide(b: SideBySide): string {
  const rows = Object.keys(b.sqlite).map((key) => {
    const s = b.sqlite[key as keyof typeof b.sqlite];
    const p = b.postgres[key as keyof typeof b.postgres];
    return `${key.padEnd(10)} ${String(s === null ? '-' : Number(s).toFixed(3)).padStart(8)} ${String(p === null ? '-' : Number(p).toFixed(3)).padStart(10)}`;
  });
  return ['backend        sqlite postgresql', ...rows, ''].join('\n');
}
