import { countWords, splitSentences } from '../src/core/text/sentences.js';
import type { ExtractedArticle, PassageDraft, Section } from '../src/core/types.js';

export interface ChunkOptions {
  /** Passages aim for this many words... */
  minWords: number;
  /** ...and never exceed this many (multilingual-e5-small reads 512 tokens, about 250-300 words). */
  maxWords: number;
  /** Sentences repeated at the start of the next passage, so a fact cut at a boundary survives. */
  overlapSentences: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { minWords: 100, maxWords: 220, overlapSentences: 1 };

/** Splits a sentence longer than maxWords at word boundaries (run-on text, lists without punctuation). */
function hardSplit(sentence: string, maxWords: number): string[] {
  const words = sentence.split(/\s+/);
  if (words.length <= maxWords) return [sentence];
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += maxWords) pieces.push(words.slice(i, i + maxWords).join(' '));
  return pieces;
}

/**
 * Packs units (paragraphs or comments), each a list of sentences, into passages. A passage
 * ends at a unit boundary once it has minWords, or mid-unit at a sentence boundary before
 * it would pass maxWords.
 */
function pack(units: string[][], section: Section, startPosition: number, options: ChunkOptions): PassageDraft[] {
  const passages: PassageDraft[] = [];
  // Sentences of one paragraph are joined by spaces, paragraphs by newlines, so a heading or
  // a quote without final punctuation never fuses with the next sentence.
  let current: Array<{ sentence: string; endsParagraph: boolean }> = [];
  let words = 0;
  let fresh = 0; // sentences not yet in any passage (overlap sentences are not fresh)
  const text = () =>
    current
      .map((c) => c.sentence + (c.endsParagraph ? '\n' : ' '))
      .join('')
      .trim();
  const emit = () => {
    if (fresh === 0) return;
    fresh = 0;
    passages.push({ position: startPosition + passages.length, section, text: text() });
    const overlap = options.overlapSentences > 0 ? current.slice(-options.overlapSentences) : [];
    const overlapWords = countWords(overlap.map((c) => c.sentence).join(' '));
    // Overlap only when it is small next to the passage; a huge last sentence is not repeated.
    current = overlapWords <= options.maxWords / 4 ? overlap : [];
    words = current.length ? overlapWords : 0;
  };
  for (const unit of units) {
    for (const sentence of unit.flatMap((s) => hardSplit(s, options.maxWords))) {
      const n = countWords(sentence);
      if (words + n > options.maxWords && words > 0) emit();
      current.push({ sentence, endsParagraph: false });
      words += n;
      fresh++;
    }
    if (current.length > 0) current[current.length - 1]!.endsParagraph = true;
    if (words >= options.minWords) {
      emit();
      current = []; // no overlap across a paragraph boundary: the next paragraph starts fresh
      words = 0;
    }
  }
  emit();
  return passages;
}

/** Sentence-aware passages for an article: body first, then reader comments, never mixed. */
export function chunkArticle(article: ExtractedArticle, options: ChunkOptions = DEFAULT_CHUNKING): PassageDraft[] {
  const bodyUnits = article.body.map((paragraph) => splitSentences(paragraph, article.language));
  const body = pack(bodyUnits, 'body', 0, options);
  // Comments are short: each is one unit, packed together but tagged as reader text.
  const commentUnits = article.comments.map((c) => splitSentences(c.text.replace(/\n+/g, ' '), article.language));
  const comments = pack(commentUnits, 'comment', body.length, options);
  return [...body, ...comments];
}
