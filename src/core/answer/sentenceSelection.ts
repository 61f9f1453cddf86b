import { jaccard } from '../retrieval/diversity.js';
import type { Candidate } from './sentenceScoring.js';

/**
 * Sentences below this fraction of the best sentence's score are left out. Calibrated on the
 * eval set (npm run eval) in lexical mode, with QUOTABLE_PASSAGE in sentenceScoring.ts.
 */
const RELATIVE_TO_BEST = 0.6;
const MAX_SENTENCES = 4;
const MAX_COMMENT_SENTENCES = 1;

/** The 1-4 sentences quoted: best first, reporting before comments, no near-repeats. */
export function selectSentences(candidates: Candidate[], aboutReaders: boolean): Candidate[] {
  candidates.sort((a, b) => b.score - a.score);
  const top = candidates[0]!.score;
  // Reporting leads: a reader comment comes first only when no article sentence answers at
  // all (or the question asks what readers think).
  const firstReporting = candidates.findIndex((c) => c.passage.section === 'body');
  if (!aboutReaders && firstReporting > 0) candidates.unshift(...candidates.splice(firstReporting, 1));
  const chosen: Candidate[] = [];
  let comments = 0;
  for (const [i, c] of candidates.entries()) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (i > 0 && c.score < top * RELATIVE_TO_BEST) continue;
    if (chosen.some((x) => jaccard(x.words, c.words) > 0.5)) continue;
    if (c.passage.section === 'comment' && comments >= (aboutReaders ? MAX_SENTENCES : MAX_COMMENT_SENTENCES)) continue;
    if (c.passage.section === 'comment') comments++;
    chosen.push(c);
  }
  return chosen;
}
