/**
 * Words as the Unicode word-break rules see them (ICU, through Intl.Segmenter): spaces
 * separate words in most scripts, dictionaries do it for Chinese, Japanese and Thai, which
 * are written without spaces. Counting `split(' ')` instead would make a Japanese paragraph
 * one "word" long, so every length threshold in words would fail on those scripts.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The word-like segments of `text`, lower-cased. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words.push(segment.segment.toLowerCase());
  return words;
}

export function countWords(text: string): number {
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}
