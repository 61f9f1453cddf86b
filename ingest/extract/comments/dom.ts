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
