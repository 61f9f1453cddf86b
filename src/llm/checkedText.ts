import { CitationRegistry } from '../core/answer/citations.js';
import { phrasesFor } from '../core/answer/phrases.js';
import type { CheckedSentence } from './citationChecker.js';
import type { PromptPassage } from './prompt.js';

const READER_WORDS = /\b(reader|readers|comment|commenter|leser|kommentar|lettor[ei]|comment[oi]|lecteur|lector)/i;

/**
 * The answer text made of checked sentences, each followed by its sources' numbers in order
 * of first use. Drafts shown while the model streams and the final answer are composed by
 * this one function, so a draft reads as the beginning of the answer it turns into.
 */
export function composeCheckedText(sentences: CheckedSentence[], passages: PromptPassage[], language: string): { text: string; registry: CitationRegistry } {
  const phrases = phrasesFor(language);
  const registry = new CitationRegistry();
  const parts = sentences.map((sentence) => {
    const cited = sentence.markers.map((n) => passages.find((p) => p.n === n)!.passage);
    const numbers = [...new Set(cited.map((p) => registry.cite(p, sentence.text)))];
    // A claim resting only on reader comments is shown as a reader's comment.
    const onlyComments = cited.every((p) => p.section === 'comment');
    const shown = onlyComments && !READER_WORDS.test(sentence.text) ? phrases.readerComment(sentence.text) : sentence.text;
    return `${shown} ${numbers.map((n) => `[${n}]`).join('')}`;
  });
  return { text: parts.join(' '), registry };
}
