import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '../eval/metrics.js';
import { projectRoot } from './projectPaths.js';

export interface ColdStartResult {
  command: string;
  runs: number;
  wallP50Ms: number | null;
  wallMaxMs: number | null;
  maxRssMbP50: number | null;
  answered: boolean;
  note?: string;
}

/**
 * Printed by the measured process at exit: its peak resident memory. VmHWM (Linux) belongs to
 * the process's own address space; getrusage's maxRSS would also count the memory of the
 * parent it was forked from (kept across exec), i.e. this benchmark's.
 */
const PEAK_RSS_SOURCE = `import { readFileSync } from 'node:fs';
process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try { kb = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
  process.stderr.write('\\npeak-rss-kb ' + kb + '\\n');
});`;
const PEAK_RSS_PROBE = `data:text/javascript,${encodeURIComponent(PEAK_RSS_SOURCE)}`;

export interface ColdStartModel {
  folder: string;
  precision: 'int8' | 'fp32';
}

/**
 * `npm run ask` from a cold process, as a user runs it: the compiled CLI over the sample
 * corpus, each run a fresh `node` process. Lexical mode by default; with `model`, the corpus
 * is ingested with it and every run loads it (worker process included) before answering.
 * Wall time from spawn to exit; peak RSS reported by each process itself (NODE_OPTIONS
 * reaches the embedding worker too), summed.
 */
export function benchColdStart(runs = 7, model?: ColdStartModel): ColdStartResult {
  const root = projectRoot();
  const ask = join(root, 'dist/src/cli/ask.js');
  const ingest = join(root, 'dist/src/cli/ingest.js');
  const question = 'Why is cargo shipping on the Rhine slowing down?';
  const command = model
    ? `EMBEDDING_MODEL=<stand-in> EMBEDDING_PRECISION=${model.precision} node dist/src/cli/ask.js "${question}"`
    : `node dist/src/cli/ask.js "${question}"`;
  if (!existsSync(ask)) return { command, runs: 0, wallP50Ms: null, wallMaxMs: null, maxRssMbP50: null, answered: false, note: 'not built: run npm run build' };
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  // The embedded default (SQLite in DATA_DIR), also when the bench runs with DATABASE_URL for the PostgreSQL rows.
  const modelEnv = model
    ? { EMBEDDING_MODEL: model.folder, EMBEDDING_PRECISION: model.precision, EMBEDDING_DISABLED: 'false' }
    : { EMBEDDING_DISABLED: 'true' };
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NEWS_SOURCES: '', NEWS_SOURCES_FILE: '', LLM_PROVIDER: 'none', ...modelEnv };
  try {
    execFileSync(process.execPath, [ingest, join(root, 'eval/docs')], { env, cwd: root, stdio: 'ignore' });
    const walls: number[] = [];
    const rss: number[] = [];
    let answered = true;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const run = spawnSync(process.execPath, [ask, question], { env: { ...env, NODE_OPTIONS: `--import=${PEAK_RSS_PROBE}` }, cwd: root, encoding: 'utf8' });
      walls.push(performance.now() - started);
      const peaks = [...run.stderr.matchAll(/peak-rss-kb (\d+)/g)].map((m) => Number(m[1]) / 1024);
      if (peaks.length > 0) rss.push(peaks.reduce((a, b) => a + b, 0));
      answered &&= run.status === 0 && /Sources:/.test(run.stdout) && (!model || peaks.length === 2);
    }
    return { command, runs, wallP50Ms: percentile(walls, 50), wallMaxMs: Math.max(...walls), maxRssMbP50: percentile(rss, 50), answered };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
