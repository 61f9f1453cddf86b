import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One page of the article-extraction benchmark: its id, its expected body, and where its HTML was written. */
export interface BenchmarkPage {
  id: string;
  expected: string;
  url: string | null;
  file: string;
}

/**
 * Reads the benchmark folder (`ground-truth.json` and `html/<id>.html[.gz]`) and writes each
 * page as `<id>.html` into `outDir`, so the production ingestion reads them like any folder.
 */
export function writeBenchmarkPages(dataset: string, outDir: string): BenchmarkPage[] {
  const truthFile = join(dataset, 'ground-truth.json');
  if (!existsSync(truthFile)) throw new Error(`${truthFile} not found: --dataset must name the benchmark folder (ground-truth.json and html/)`);
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody: string; url?: string }>;
  mkdirSync(outDir, { recursive: true });
  const pages: BenchmarkPage[] = [];
  for (const name of readdirSync(join(dataset, 'html')).sort()) {
    const id = name.replace(/\.html(\.gz)?$/, '');
    const entry = truth[id];
    if (!entry) continue;
    const raw = readFileSync(join(dataset, 'html', name));
    const file = join(outDir, `${id}.html`);
    writeFileSync(file, name.endsWith('.gz') ? gunzipSync(raw) : raw);
    pages.push({ id, expected: entry.articleBody, url: entry.url ?? null, file });
  }
  return pages;
}
