import type { parseHTML } from 'linkedom';

export type Doc = ReturnType<typeof parseHTML>['document'];
export type El = Doc['documentElement'];

/** An element's text, whitespace collapsed. */
export function squash(el: { textContent: string | null } | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** How much of an element's text is link text (0..1). */
export function linkShare(el: El): number {
  const text = squash(el).length;
  if (text === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += squash(a).length;
  return Math.min(1, linked / text);
}

/** The element's class and id tokens, lower-cased, for cues such as "comment" in `ugccmt-comment`. */
export function nameTokens(el: El): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

/** Whether `el` lies inside (or is) one of `roots`. */
export function isWithin(el: El, roots: Iterable<El>): boolean {
  for (const root of roots) if (root === el || root.contains(el)) return true;
  return false;
}

/**
 * Each element's position in document order. linkedom's compareDocumentPosition answers
 * wrongly on some real pages (a table after the headline reported as preceding it), so order
 * is read from one tree walk instead.
 */
export function documentOrder(document: Doc): Map<El, number> {
  const order = new Map<El, number>();
  let i = 0;
  for (const el of document.querySelectorAll('*') as unknown as Iterable<El>) order.set(el, i++);
  return order;
}
