import { isEnabled } from './mechanisms.js';
import type { ClassifiedBlock } from './paragraphClasses.js';
import { countWords } from './words.js';

/**
 * Readability's article is doubtful when less than this share of its words lies in blocks
 * the paragraph classifier calls good: it then most likely holds a sidebar, a teaser list
 * or a menu rather than the article (trafilatura makes the same kind of check before its
 * fallbacks). A majority, not a tuned figure.
 */
const MIN_GOOD_SHARE = 0.5;
/**
 * ... or when it is short (fewer words than two of the classifier's long paragraphs, see
 * paragraphClasses.ts) while the classifier finds more than this many times its words of
 * good text, most of which Readability left out (trafilatura switches extractions at the
 * same factor 2). A longer result stands: the extra text a page has beyond a full article
 * is most often a reader-comment thread, which must not become the body.
 */
const SHORT_RESULT_WORDS = 66;
const TEXT_MASS_FACTOR = 2;
const MIN_COVERAGE = 0.5;

interface Matched {
  text: string;
  /** Index of the same block among the page's blocks, or -1. */
  page: number;
}

/** Pairs each of Readability's blocks with the page block of the same text, in document order. */
function matchBlocks(readability: string[], page: ClassifiedBlock[]): Matched[] {
  const positions = new Map<string, number[]>();
  page.forEach((block, i) => {
    positions.set(block.text, [...(positions.get(block.text) ?? []), i]);
  });
  let last = -1;
  return readability.map((text) => {
    const next = positions.get(text)?.find((i) => i > last);
    if (next === undefined) return { text, page: -1 };
    last = next;
    return { text, page: next };
  });
}

function wordsIn(texts: string[]): number {
  return texts.reduce((sum, text) => sum + countWords(text), 0);
}

/** Readability's result judged against the classifier's: true when the classifier's should be used instead. */
function isDoubtful(matched: Matched[], page: ClassifiedBlock[]): boolean {
  const good = page.filter((b) => b.good);
  const goodWords = good.reduce((sum, b) => sum + b.words, 0);
  const ownWords = wordsIn(matched.map((m) => m.text));
  // The classifier finds less text than Readability keeps: it is the stricter of the two, so
  // its smaller result is no better evidence (on the benchmark it missed article text then).
  if (goodWords <= ownWords) return false;
  if (ownWords === 0) return true;
  const ownGoodWords = matched.reduce((sum, m) => sum + (m.page >= 0 && page[m.page]!.good ? page[m.page]!.words : 0), 0);
  if (ownGoodWords < MIN_GOOD_SHARE * ownWords) return true;
  return ownWords < SHORT_RESULT_WORDS && goodWords > TEXT_MASS_FACTOR * ownWords && ownGoodWords < MIN_COVERAGE * goodWords;
}

/**
 * The article text from two independent extractions: Readability's container (cleaned,
 * `readability`) and the paragraph classifier's verdict on every block of the page
 * (`page`). Readability's is kept unless it looks doubtful; then the classifier's good
 * blocks are the article.
 */
export function chooseMainText(readability: string[], page: ClassifiedBlock[]): string[] {
  if (isEnabled('density-fallback') && isDoubtful(matchBlocks(readability, page), page)) return page.filter((b) => b.good).map((b) => b.text);
  return readability;
}
