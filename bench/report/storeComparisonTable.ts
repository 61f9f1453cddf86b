import type { BenchResults } from '../benchResults.js';
import type { StoreComparisonRow } from '../langchainComparison.js';
import { fixed } from './fixed.js';

const optional = (x: number | null, digits: number) => (x === null ? '' : fixed(x, digits));

export function storeComparisonTable(comparison: BenchResults['storeComparison']): string[] {
  return [
    `| store (N = ${comparison.n}, ${comparison.distribution} distribution), results hydrated | build s | query ms | recall@10 | save s | load s |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...comparison.rows.map(
      (s) =>
        `| ${s.system} | ${optional(s.buildSeconds, 2)} | ${fixed(s.queryMs, 3)} | ${optional(s.recallAt10, 3)} | ${optional(s.saveSeconds, 3)} | ${optional(s.loadSeconds, 3)} |`,
    ),
    ...ratioLines(comparison.rows),
  ];
}

/** Our store's query and load times against langchain's HNSWLib, with their targets (when all four rows are there). */
function ratioLines(rows: StoreComparisonRow[]): string[] {
  const row = (start: string) => rows.find((s) => s.system.startsWith(start));
  const [ours, botHybrid, lcDefault, lcSameEf] = ['newsdesk vector-only', 'newsdesk hybrid, bot', 'langchain HNSWLib (', 'langchain HNSWLib, ef'].map(row);
  if (!(ours && botHybrid && lcDefault && lcSameEf)) return [];
  // Number(): a missing time (null) counts as 0, as the arithmetic always did.
  const ratio = (a: number | null, b: number | null) => `${fixed(Number(a) / Number(b), 2)}x`;
  return [
    '',
    `Ratios (query time, lower is faster): vector-only / HNSWLib default ${ratio(ours.queryMs, lcDefault.queryMs)}, / HNSWLib at our ef ${ratio(ours.queryMs, lcSameEf.queryMs)} (target < 1); ` +
      `bot hybrid / HNSWLib default ${ratio(botHybrid.queryMs, lcDefault.queryMs)}, / HNSWLib at our ef ${ratio(botHybrid.queryMs, lcSameEf.queryMs)} (target <= 2); load ${ratio(ours.loadSeconds, lcDefault.loadSeconds)} (target <= 1).`,
  ];
}
