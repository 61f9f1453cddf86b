/**
 * `npm run bench`: speed and memory, measured side by side in one run, printed as a table
 * and written to bench/results/latest.json. Each figure says which embedder produced it.
 * Set BENCH_SCALE=small for a quick run (10k instead of 100k). With DATABASE_URL, ingestion
 * and warm asks also run on PostgreSQL (throwaway schemas) and are printed beside SQLite's.
 * The model section uses a random-weight stand-in of multilingual-e5-small's exact size
 * (written to bench/.cache by `npm run bench:model` or here); BENCH_SKIP_MODEL=1 skips it.
 * The sections are in bench/runBench.ts, the tables in bench/report/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../bench/projectPaths.js';
import { formatReport } from '../../bench/report/formatReport.js';
import { fixed } from '../../bench/report/fixed.js';
import { runBench } from '../../bench/runBench.js';
import { runMain } from './runMain.js';

async function main(): Promise<void> {
  const results = await runBench();
  const outDir = join(projectRoot(), 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results));
  console.log(`\nJSON: bench/results/latest.json (total ${fixed(results.totalSeconds)} s)`);
}

runMain('bench failed', main, { withStack: true });
