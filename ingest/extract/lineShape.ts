/**
 * Shapes of plain-text lines that the extraction rules read: how long a line is, whether it
 * reads as running text or as a heading or label. Shape only: no words of any language.
 */

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * A paragraph of running text: long, or a complete sentence of several words. 20 words is
 * longer than a headline or a label ever runs (headlines in eval/docs and the feeds we read
 * are 4-14 words); 8 words with a closing mark is the shortest sentence we take as text.
 */
export function isProse(text: string): boolean {
  const words = wordCount(text);
  return words >= 20 || (words >= 8 && /[.!?…:"”»)]$/.test(text));
}

/** Shaped like a heading or a label: short, letters in it, not closed like a sentence or a clause. */
export function isHeadingShaped(text: string, maxWords: number): boolean {
  return wordCount(text) <= maxWords && /\p{L}/u.test(text) && !/[.,;:]$/.test(text);
}

/** A line holding only a number (a counter, a table cell). */
export function isNumberLine(text: string): boolean {
  return /^[\d.,]{1,12}$/.test(text) && /\d/.test(text);
}

/** A list item: a bullet, dash or enumerator before the text. */
export function isListItem(text: string): boolean {
  return /^([•·▪●◦‣*–-]|\d{1,3}[.)])\s+/.test(text);
}
