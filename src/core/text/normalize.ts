/**
 * Text normalisation shared by indexing and querying. Both sides must fold text the
 * same way or lexical matching silently fails, so there is exactly one implementation.
 */

/** Lower-cases, strips diacritics (é -> e, ü -> u) and folds ß. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
}

/** Splits text into word tokens (letters and digits), keeping inner hyphens/apostrophes out. */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Collapses runs of whitespace and trims; keeps paragraph breaks when asked to. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
