/**
 * Measures the V8 heap one extraction needs, for EXTRACTION_HEAP_MB (ingest/extract/extractionPool.ts).
 * Run once per page, each in a fresh process:
 *   npx tsx scripts/extraction-heap.ts PAGE.html[.gz]
 *   npx tsx scripts/extraction-heap.ts --synthetic-paragraphs   (5 MB of ordinary paragraphs)
 *   npx tsx scripts/extraction-heap.ts --synthetic-table        (5 MB of table rows)
 * Prints the page size, the heap V8 holds after extracting it (it grows to the peak and does
 * not shrink at once) and the time taken.
 */
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { gunzipSync } from 'node:zlib';
import { extractBytes } from '../ingest/extract/extractBytes.js';

const FIVE_MB = 5_000_000;

function page(arg: string | undefined): Buffer {
  if (arg === '--synthetic-paragraphs') {
    const p = '<p>The council met on Tuesday and agreed a new budget for the harbour, the mayor said in a statement to reporters.</p>\n';
    return Buffer.from(`<html><head><title>T</title></head><body><article>${p.repeat(Math.floor(FIVE_MB / p.length))}</article></body></html>`);
  }
  if (arg === '--synthetic-table') {
    const row = '<tr><td>Item</td><td>12</td><td><a href="/x">link</a></td></tr>\n';
    return Buffer.from(`<html><body><article><p>Intro.</p><table>${row.repeat(Math.floor(FIVE_MB / row.length))}</table></article></body></html>`);
  }
  if (!arg) throw new Error('usage: npx tsx scripts/extraction-heap.ts PAGE.html[.gz] | --synthetic-paragraphs | --synthetic-table');
  const raw = readFileSync(arg);
  return arg.endsWith('.gz') ? gunzipSync(raw) : raw;
}

const bytes = page(process.argv[2]);
const baseline = getHeapStatistics().used_heap_size;
const started = Date.now();
extractBytes(bytes, { location: 'page.html', source: 'page.html', url: null });
const mb = (n: number) => Math.round(n / 2 ** 20);
console.log(
  `${bytes.length} bytes: heap ${mb(getHeapStatistics().total_heap_size)} MB after extraction (${mb(baseline)} MB before), ${Date.now() - started} ms`,
);
