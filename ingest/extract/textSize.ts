/**
 * An element's text size in characters, spaces left out: for comparing parts of one page
 * (a box against the whole page, a wrapper against the quote inside it), where characters
 * serve as well as words and cost no word segmenting.
 */
export function textSize(el: { textContent: string | null }): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}
