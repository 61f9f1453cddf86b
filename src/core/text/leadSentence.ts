import { collapseWhitespace } from './normalize.js';
import { splitSentences } from './sentences.js';

/**
 * A sentence that ends as sentences do (., !, ?, …, or the CJK and Arabic stops) or is long
 * enough to be prose: what bylines ("By Hannah Clarke · 14 August 2026"), datelines, kickers
 * and repeated headlines at the top of a body are not.
 */
const ENDS_AS_PROSE = /[.!?…。！？؟]["'”’»)\]]*$/u;
const PROSE_WORDS = 12;

function readsAsProse(sentence: string): boolean {
  return ENDS_AS_PROSE.test(sentence) || sentence.split(/\s+/).length >= PROSE_WORDS;
}

/**
 * The lead of a text for a one-line summary (a timeline or digest line): its first sentence
 * that reads as prose, else its first sentence; on one line, cut at a word with an ellipsis
 * when longer than `maxChars`.
 */
export function leadSentence(text: string, language: string, maxChars: number): string {
  const sentences = splitSentences(text, language).map(collapseWhitespace).filter(Boolean);
  const lead = sentences.find(readsAsProse) ?? sentences[0] ?? collapseWhitespace(text);
  if (lead.length <= maxChars) return lead;
  const cut = lead.slice(0, maxChars);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxChars / 2)).trimEnd()} …`;
}
