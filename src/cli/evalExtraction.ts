import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../../ingest/pipeline.js';
import { parseLocation } from '../../ingest/sources/sourceSpecs.js';
import { MECHANISMS, parseMechanisms } from '../../ingest/extract/mechanisms.js';
import { SqliteStore } from '../store/sqlite/sqliteStore.js';
import { writeBenchmarkPages } from '../../eval/extraction/benchmarkPages.js';
import { runCommentBenchmark } from '../../eval/extraction/commentBenchmark.js';
import { aggregate, scorePage } from '../../eval/extraction/shingleScore.js';
import { runMain } from './runMain.js';
import { UserFacingError } from '../core/errors.js';

const USAGE = `Usage: npm run eval:extraction -- --dataset DIR [--worst 10] [--json] [--disable NAME,...]
  Runs the production ingestion over the article-extraction benchmark's pages and scores the
  stored article bodies with the benchmark's metric (4-token shingles, per-page normalised).
  --disable switches extraction mechanisms off, for an ablation: ${Object.keys(MECHANISMS).join(', ')}
       npm run eval:extraction -- --comments DIR [--worst 10] [--json]
  Runs it over a labelled comment benchmark (eval/comments/pages) and prints comment precision
  and recall, comments left in the body, comment-free pages given comments, and body F1.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      worst: { type: 'string' },
      comments: { type: 'string' },
      json: { type: 'boolean' },
      disable: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const worst = Number(values.worst ?? 10);
  if (!Number.isInteger(worst) || worst < 0) throw new UserFacingError('bad_usage', '--worst must be a whole number');
  // Checked here, then handed to the extraction workers, which inherit the environment.
  parseMechanisms(values.disable);
  process.env.EXTRACTION_DISABLE = values.disable ?? '';
  if (values.comments) return runCommentBenchmark(values.comments, { json: Boolean(values.json), worst });
  if (!values.dataset) throw new UserFacingError('bad_usage', `--dataset or --comments is required. ${USAGE}`);

  const work = mkdtempSync(join(tmpdir(), 'newsdesk-extraction-'));
  try {
    const pages = writeBenchmarkPages(values.dataset, join(work, 'pages'));
    const dataDir = join(work, 'data');
    const started = Date.now();
    const summary = await ingest({
      dataDir,
      sources: [parseLocation(join(work, 'pages'))],
      embeddings: { embeddings: null, status: { model: 'none', available: false, dimension: null, reason: 'not needed to score extraction' } },
      fetchTimeoutMs: 10_000,
      maxArticleBytes: 20_000_000,
    });
    const store = SqliteStore.open(dataDir);
    const bodies = new Map<string, string>();
    for await (const article of store.exportArticles()) bodies.set(article.location, article.body);
    await store.close();
    const scored = pages.map((page) => ({ id: page.id, url: page.url, score: scorePage(page.expected, bodies.get(page.file) ?? '') }));
    const total = aggregate(scored.map((s) => s.score));
    const lost = pages.filter((p) => !bodies.has(p.file)).map((p) => p.id);
    const worstPages = [...scored].sort((a, b) => a.score.f1 - b.score.f1).slice(0, worst);
    const report = { ...total, pagesLost: lost.length, lost, skipped: summary.skipped, seconds: (Date.now() - started) / 1000, worst: worstPages };
    if (values.json) return void console.log(JSON.stringify(report, null, 2));
    const f = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
    console.log(`Article-extraction benchmark: ${total.pages} pages, ${report.seconds.toFixed(1)} s`);
    console.log(`F1 ${f(total.f1)}  precision ${f(total.precision)}  recall ${f(total.recall)}  pages lost ${lost.length}`);
    for (const s of summary.skipped) console.log(`  skipped: ${s.location}: ${s.reason}`);
    console.log(`Worst ${worstPages.length} pages:`);
    for (const w of worstPages) console.log(`  ${w.id.slice(0, 12)}  F1 ${f(w.score.f1)}  P ${f(w.score.precision)}  R ${f(w.score.recall)}  ${w.url ?? ''}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runMain('eval:extraction failed', main);
