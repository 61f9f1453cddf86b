import { join } from 'node:path';
import { withWorkDir } from '../workDir.js';
import { writeBenchmarkPages } from './benchmarkPages.js';
import { ingestPages } from './ingestPages.js';
import { aggregate, scorePage, type BenchmarkScore, type PageScore } from './shingleScore.js';

interface ArticleBenchmarkReport extends BenchmarkScore {
  pagesLost: number;
  lost: string[];
  skipped: Array<{ location: string; reason: string }>;
  seconds: number;
  worst: Array<{ id: string; url: string | null; score: PageScore }>;
}

/**
 * The article-extraction benchmark (`npm run eval:extraction -- --dataset DIR`): the production
 * ingestion over the benchmark's pages, the stored bodies scored with its metric (4-token
 * shingles, per-page normalised). Prints a report with the `worst` pages, or JSON with `json`.
 */
export async function runArticleBenchmark(dataset: string, options: { json: boolean; worst: number }): Promise<void> {
  const report = await withWorkDir('newsdesk-extraction-', (work) => scoreArticles(dataset, options.worst, work));
  if (options.json) return void console.log(JSON.stringify(report, null, 2));
  printReport(report);
}

async function scoreArticles(dataset: string, worst: number, work: string): Promise<ArticleBenchmarkReport> {
  const pages = writeBenchmarkPages(dataset, join(work, 'pages'));
  const started = Date.now();
  const { stored, skipped } = await ingestPages(join(work, 'pages'), join(work, 'data'));
  const scored = pages.map((page) => ({ id: page.id, url: page.url, score: scorePage(page.expected, stored.get(page.file)?.body ?? '') }));
  const total = aggregate(scored.map((s) => s.score));
  const lost = pages.filter((p) => !stored.has(p.file)).map((p) => p.id);
  const worstPages = [...scored].sort((a, b) => a.score.f1 - b.score.f1).slice(0, worst);
  return { ...total, pagesLost: lost.length, lost, skipped, seconds: (Date.now() - started) / 1000, worst: worstPages };
}

function printReport(r: ArticleBenchmarkReport): void {
  const f = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
  console.log(`Article-extraction benchmark: ${r.pages} pages, ${r.seconds.toFixed(1)} s`);
  console.log(`F1 ${f(r.f1)}  precision ${f(r.precision)}  recall ${f(r.recall)}  pages lost ${r.pagesLost}`);
  for (const s of r.skipped) console.log(`  skipped: ${s.location}: ${s.reason}`);
  console.log(`Worst ${r.worst.length} pages:`);
  for (const w of r.worst) console.log(`  ${w.id.slice(0, 12)}  F1 ${f(w.score.f1)}  P ${f(w.score.precision)}  R ${f(w.score.recall)}  ${w.url ?? ''}`);
}
