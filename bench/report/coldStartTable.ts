import type { ColdStartResult } from '../coldStart.js';
import { fixed } from './fixed.js';

export function coldStartTable(c: ColdStartResult): string[] {
  // With runs, the figures are there; without (no compiled CLI), the note says why.
  const row =
    c.runs === 0
      ? `| ${c.command} | 0 | - | - | - | <= 500 ms, <= 120 MB | ${c.note} |`
      : `| ${c.command} | ${c.runs} | ${fixed(c.wallP50Ms!)} | ${fixed(c.wallMaxMs!)} | ${fixed(c.maxRssMbP50!)} | <= 500 ms, <= 120 MB | ${c.answered ? 'yes' : 'NO'} |`;
  return ['| cold start | runs | wall p50 ms | wall max ms | peak RSS p50 MB | target | answered |', '| --- | ---: | ---: | ---: | ---: | --- | --- |', row];
}
