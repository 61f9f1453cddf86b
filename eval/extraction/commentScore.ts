/**
 * Scores reader-comment extraction against labelled pages. Texts are compared as sets of
 * 4-token shingles over Unicode words (the tokens of the body metric, shingleScore.ts), so
 * whitespace, line breaks and punctuation do not matter. A text shorter than four tokens is one
 * shingle of its own.
 */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;
/** "Holds most of its text": more than half of a comment's shingles. */
const MOST = 0.5;

function shingleSet(text: string): Set<string> {
  const tokens = (text.toLowerCase().match(TOKEN) ?? []) as string[];
  const set = new Set<string>();
  const n = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < n && tokens.length > 0; i++) set.add(tokens.slice(i, i + SHINGLE).join(' '));
  return set;
}

/** The share of `part`'s shingles that `whole` also has (0 when `part` has none). */
export function coveredShare(part: string, whole: string): number {
  const a = shingleSet(part);
  if (a.size === 0) return 0;
  const b = shingleSet(whole);
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / a.size;
}

export interface PageCommentCounts {
  expected: number;
  /** Expected comments that one extracted comment holds most of. */
  found: number;
  /** Expected comments whose text is mostly in the extracted body. */
  inBody: number;
  extracted: number;
  /** Extracted comments that are mostly the text of some expected comment. */
  correct: number;
}

export function scorePageComments(expected: string[], extracted: string[], body: string): PageCommentCounts {
  const found = expected.filter((e) => extracted.some((x) => coveredShare(e, x) > MOST)).length;
  const inBody = expected.filter((e) => coveredShare(e, body) > MOST).length;
  // One extracted record may join a comment and its quoted parent; it is right when most of it is comment text.
  const joined = expected.join('\n');
  const correct = extracted.filter((x) => coveredShare(x, joined) > MOST || expected.some((e) => coveredShare(x, e) > MOST)).length;
  return { expected: expected.length, found, inBody, extracted: extracted.length, correct };
}

export interface CommentBenchmarkScore {
  pages: number;
  pagesWithComments: number;
  expectedComments: number;
  found: number;
  inBody: number;
  extractedComments: number;
  /** Extracted comments that are reader comments of the page (1 when nothing was extracted). */
  precision: number;
  /** Expected comments found as comments. */
  recall: number;
  /** Pages without comments that were given some. */
  commentFreePagesWithComments: number;
  commentFreeShare: number;
}

export function aggregateComments(pages: PageCommentCounts[]): CommentBenchmarkScore {
  const sum = (pick: (p: PageCommentCounts) => number) => pages.reduce((n, p) => n + pick(p), 0);
  const commentFree = pages.filter((p) => p.expected === 0);
  const falseThreads = commentFree.filter((p) => p.extracted > 0).length;
  const extracted = sum((p) => p.extracted);
  const expected = sum((p) => p.expected);
  return {
    pages: pages.length,
    pagesWithComments: pages.length - commentFree.length,
    expectedComments: expected,
    found: sum((p) => p.found),
    inBody: sum((p) => p.inBody),
    extractedComments: extracted,
    precision: extracted === 0 ? 1 : sum((p) => p.correct) / extracted,
    recall: expected === 0 ? 1 : sum((p) => p.found) / expected,
    commentFreePagesWithComments: falseThreads,
    commentFreeShare: commentFree.length === 0 ? 0 : falseThreads / commentFree.length,
  };
}
