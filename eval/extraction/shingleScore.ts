/**
 * The article-extraction benchmark's metric (Scrapinghub/Zyte article-extraction-benchmark):
 * texts become multisets of 4-token shingles over Unicode \w+ tokens; each page's
 * (tp, fp, fn) is normalised to sum to 1 so long pages weigh no more than short ones;
 * precision and recall are means over pages, F1 is computed from those two means.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PageScore extends PageCounts {
  precision: number | null;
  recall: number | null;
  f1: number;
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  // A text shorter than the shingle size is one shingle of its own.
  const n = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Shared, extracted-only and expected-only shingles of one page, normalised to sum to 1. */
export function pageCounts(expected: string, extracted: string): PageCounts {
  const truth = shingles(expected);
  const got = shingles(extracted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of got) {
    const shared = Math.min(count, truth.get(key) ?? 0);
    tp += shared;
    fp += count - shared;
  }
  for (const [key, count] of truth) fn += Math.max(0, count - (got.get(key) ?? 0));
  const total = tp + fp + fn;
  return total === 0 ? { tp: 0, fp: 0, fn: 0 } : { tp: tp / total, fp: fp / total, fn: fn / total };
}

export function scorePage(expected: string, extracted: string): PageScore {
  const c = pageCounts(expected, extracted);
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : c.fn === 0 ? 1 : null;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  const p = precision ?? 0;
  const r = recall ?? 0;
  return { ...c, precision, recall, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export interface BenchmarkScore {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Mean precision over pages with tp+fp > 0 (1 when the page is empty on both sides), mean
 * recall over pages with tp+fn > 0; a page with no extracted text has precision undefined
 * and recall 0.
 */
export function aggregate(scores: PageScore[]): BenchmarkScore {
  const precisions = scores.map((s) => s.precision).filter((v): v is number => v !== null);
  const recalls = scores.map((s) => s.recall).filter((v): v is number => v !== null);
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { pages: scores.length, precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
