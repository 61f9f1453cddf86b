import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCommentPages } from './commentPages.js';
import { aggregateComments, scorePageComments, type PageCommentCounts } from './commentScore.js';
import { ingestPages } from './ingestPages.js';
import { aggregate, scorePage } from './shingleScore.js';

/**
 * The comment benchmark (`npm run eval:extraction -- --comments DIR`): comment precision and
 * recall, expected comments left in the body, comment-free pages given comments, and body F1
 * with the article-extraction benchmark's metric. Prints a report, or JSON with `json`.
 */
export async function runCommentBenchmark(dir: string, options: { json: boolean; worst: number }): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'newsdesk-comments-'));
  try {
    const pages = writeCommentPages(dir, join(work, 'pages'));
    const started = Date.now();
    const { stored } = await ingestPages(join(work, 'pages'), join(work, 'data'));
    const perPage = pages.map((page) => {
      const got = stored.get(page.file) ?? { body: '', comments: [] };
      const counts: PageCommentCounts = scorePageComments(
        page.comments.map((c) => c.text),
        got.comments.map((c) => c.text),
        got.body,
      );
      return { id: page.id, language: page.language, counts, body: scorePage(page.body, got.body) };
    });
    const comments = aggregateComments(perPage.map((p) => p.counts));
    const body = aggregate(perPage.map((p) => p.body));
    const misses = perPage
      .filter((p) => p.counts.found < p.counts.expected || p.counts.correct < p.counts.extracted || p.counts.inBody > 0)
      .slice(0, options.worst)
      .map((p) => ({ id: p.id, ...p.counts }));
    const worstBodies = [...perPage]
      .sort((a, b) => a.body.f1 - b.body.f1)
      .slice(0, options.worst)
      .map((p) => ({ id: p.id, language: p.language, ...p.body }));
    const report = { comments, body, languages: countLanguages(pages), seconds: (Date.now() - started) / 1000, misses, worstBodies };
    if (options.json) return void console.log(JSON.stringify(report, null, 2));
    printReport(report);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function countLanguages(pages: Array<{ language: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of pages) counts[p.language] = (counts[p.language] ?? 0) + 1;
  return counts;
}

function printReport(r: {
  comments: ReturnType<typeof aggregateComments>;
  body: ReturnType<typeof aggregate>;
  languages: Record<string, number>;
  seconds: number;
  misses: Array<{ id: string } & PageCommentCounts>;
  worstBodies: Array<{ id: string; language: string; f1: number; precision: number | null; recall: number | null }>;
}): void {
  const c = r.comments;
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  console.log(
    `Comment benchmark: ${c.pages} pages (${c.pagesWithComments} with comments; ${Object.entries(r.languages)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}), ${r.seconds.toFixed(1)} s`,
  );
  console.log(
    `Comments: recall ${pct(c.recall)} (${c.found} of ${c.expectedComments} found as comments), precision ${pct(c.precision)} (${c.extractedComments} extracted), in body ${c.inBody}`,
  );
  console.log(`Comment-free pages given comments: ${c.commentFreePagesWithComments} of ${c.pages - c.pagesWithComments} (${pct(c.commentFreeShare)})`);
  console.log(`Body: F1 ${r.body.f1.toFixed(3)}  precision ${r.body.precision.toFixed(3)}  recall ${r.body.recall.toFixed(3)}`);
  if (r.misses.length) console.log('Pages with misses (expected/found/in body/extracted/correct):');
  for (const m of r.misses) console.log(`  ${m.id}  ${m.expected}/${m.found}/${m.inBody}/${m.extracted}/${m.correct}`);
  if (r.worstBodies.length) console.log(`Worst ${r.worstBodies.length} bodies:`);
  for (const w of r.worstBodies)
    console.log(`  ${w.id}  ${w.language}  F1 ${w.f1.toFixed(3)}  P ${w.precision?.toFixed(3) ?? 'n/a'}  R ${w.recall?.toFixed(3) ?? 'n/a'}`);
}
