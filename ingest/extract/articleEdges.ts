import { countWords } from './words.js';

/**
 * Widget text that article containers carry along: share and byline fragments at the edges
 * ("By", "Share", "Tweet", "|", "&"). Recognised by shape alone (no letters or digits; a word
 * or two before or after the article's text), never by wording. Dropping short lines repeated
 * within an article ("What's your reaction?" under every picture) was tried and removed: it
 * cut table cells and list items that repeat (F1 0.965 -> 0.960 on the shared benchmark).
 */

/** Edge fragments: fewer words than this before the first or after the last longer block. */
const EDGE_FRAGMENT_WORDS = 3;

function hasLetters(text: string): boolean {
  return /\p{L}|\p{N}/u.test(text);
}

/** The article's blocks without letterless blocks and edge fragments. */
export function withoutWidgetText(blocks: string[]): string[] {
  const kept = blocks.filter(hasLetters);
  let start = 0;
  let end = kept.length;
  while (start < end && countWords(kept[start]!) < EDGE_FRAGMENT_WORDS) start++;
  while (end > start && countWords(kept[end - 1]!) < EDGE_FRAGMENT_WORDS) end--;
  // An article made only of short lines (a list of results, a poem) keeps them all.
  return start < end ? kept.slice(start, end) : kept;
}
