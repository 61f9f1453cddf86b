import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../app/config.js';
import { ingestFromConfig } from '../app/bootstrap.js';
import { formatSummary, type IngestProgress } from '../../ingest/summary.js';
import { runMain } from './runMain.js';

const USAGE = `Usage: npm run ingest -- [sources...] [--prune] [--rebuild] [--json]
  sources    files, folders, web-page URLs or feed URLs (default: NEWS_SOURCES / NEWS_SOURCES_FILE)
  --prune    remove stored articles that their source no longer lists
  --rebuild  build a new store from the sources beside the current one and swap when it holds
             articles (use after damage); the current store is kept in a previous-* folder
  --json     print the summary as JSON`;

/**
 * Ingestion progress on stderr: a redrawn bar in a terminal; without one (CI, logs, or --json),
 * a line every few seconds instead.
 */
function progressReporter(interactive: boolean): { onProgress: (p: IngestProgress) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { format: 'Ingesting {bar} {value} articles | {phase} {current}', hideCursor: true, clearOnComplete: true, stream: process.stderr, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let lastLine = 0;
  const onProgress = (p: IngestProgress) => {
    const current = (p.current ?? '').slice(-50);
    if (interactive) {
      if (!started) {
        bar.start(Math.max(1, p.processed), p.processed, { phase: p.phase, current });
        started = true;
      }
      bar.setTotal(Math.max(p.total ?? p.processed + 1, p.processed));
      bar.update(p.processed, { phase: p.phase, current });
    } else if (Date.now() - lastLine > 2000 || p.phase === 'done') {
      process.stderr.write(`ingest: ${p.phase} ${p.processed} articles ${current}\n`);
      lastLine = Date.now();
    }
  };
  const stop = () => {
    if (started) bar.stop();
  };
  return { onProgress, stop };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { prune: { type: 'boolean' }, rebuild: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const progress = progressReporter(process.stderr.isTTY && !values.json);
  const summary = await ingestFromConfig(config, {
    cliSources: positionals,
    prune: values.prune,
    rebuild: values.rebuild,
    log: (m) => process.stderr.write(`${m}\n`),
    onProgress: progress.onProgress,
  });
  progress.stop();
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else console.log(formatSummary(summary));
  if (summary.sourcesRead === 0 && summary.failedSources.length > 0) {
    console.error(`ingest failed: every source failed (${summary.failedSources.length}); nothing was read. See the reasons above.`);
    process.exitCode = 1;
  }
}

runMain('ingest failed', main);
