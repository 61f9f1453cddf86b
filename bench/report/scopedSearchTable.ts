import type { ScopedSearchResult } from '../scopedSearch.js';
import { fixed } from './fixed.js';

const ratio = (a: number, b: number) => `${fixed(a / b, 2)}x`;

/** Scoped (a server's sources) against unscoped search, as ratios side by side. */
export function scopedSearchTable(s: ScopedSearchResult): string[] {
  const u = s.unscoped;
  const lines = [
    `| search in a scope at ${s.passages} passages (50 candidates) | passages | vector strategy | lexical p50 / p95 ms | vs unscoped | vector p50 / p95 ms | vs unscoped | first ms | recall@10 | scan / filtered graph p50 ms | filtered recall@10 |`,
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| unscoped | ${s.passages} | graph | ${fixed(u.lexicalP50Ms, 2)} / ${fixed(u.lexicalP95Ms, 2)} | 1.00x | ${fixed(u.vectorP50Ms, 2)} / ${fixed(u.vectorP95Ms, 2)} | 1.00x | | | | |`,
  ];
  for (const row of s.scopes) {
    lines.push(
      `| ${fixed(row.share * 100, 0)}% of sources | ${row.passages} | ${row.strategy} | ${fixed(row.lexicalP50Ms, 2)} / ${fixed(row.lexicalP95Ms, 2)} | ${ratio(row.lexicalP50Ms, u.lexicalP50Ms)} | ` +
        `${fixed(row.vectorP50Ms, 2)} / ${fixed(row.vectorP95Ms, 2)} | ${ratio(row.vectorP50Ms, u.vectorP50Ms)} | ${fixed(row.vectorFirstMs, 1)} | ${fixed(row.recallAt10, 3)} | ` +
        `${fixed(row.exactScanP50Ms, 2)} / ${fixed(row.filteredGraphP50Ms, 2)} | ${fixed(row.filteredGraphRecallAt10, 3)} |`,
    );
  }
  return lines;
}
