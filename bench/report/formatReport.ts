import type { BenchResults } from '../benchResults.js';
import { askTable } from './askTable.js';
import { coldStartTable } from './coldStartTable.js';
import { discordTable } from './discordTable.js';
import { embeddersLine } from './embeddersLine.js';
import { ingestionTable } from './ingestionTable.js';
import { memoryLine } from './memoryLine.js';
import { modelTable } from './modelTable.js';
import { scopedSearchTable } from './scopedSearchTable.js';
import { storeComparisonTable } from './storeComparisonTable.js';
import { vectorSearchTable } from './vectorSearchTable.js';

/** The bench's printed report: one block per table or line, in this order, separated by a blank line. */
export function formatReport(r: BenchResults): string {
  const blocks = [
    embeddersLine(r.embedders),
    vectorSearchTable(r),
    storeComparisonTable(r.storeComparison),
    ingestionTable(r),
    askTable(r),
    scopedSearchTable(r.scopedSearch),
    memoryLine(r.memory),
    coldStartTable(r.coldStart),
    r.model ? modelTable(r.model) : null,
    r.discord ? discordTable(r.discord) : null,
  ];
  return blocks
    .filter((block) => block !== null)
    .map((block) => block.join('\n'))
    .join('\n\n');
}
