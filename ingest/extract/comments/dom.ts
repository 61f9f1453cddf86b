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

/**
 * Each element's span in document order (its own position and its last descendant's), from
 * one walk: "which of these listed elements lie inside this one" is then a range lookup, not a
 * `contains` test against every listed element of the page (quadratic on a page with
 * thousands of comments, where extraction would run out of time and lose the article).
 */
export class SubtreeIndex {
  private readonly span = new Map<El, [number, number]>();

  constructor(root: El) {
    const all = [root, ...(root.querySelectorAll('*') as unknown as El[])];
    const open: El[] = [];
    all.forEach((el, i) => {
      while (open.length > 0 && open[open.length - 1] !== el.parentElement) this.span.get(open.pop()!)![1] = i - 1;
      this.span.set(el, [i, i]);
      open.push(el);
    });
    for (const el of open) this.span.get(el)![1] = all.length - 1;
  }

  /** `list` in document order (lists joined from two queries are not). */
  inOrder(list: El[]): El[] {
    return [...list].sort((a, b) => (this.span.get(a)?.[0] ?? -1) - (this.span.get(b)?.[0] ?? -1));
  }

  /** The elements of `list` (in document order, as querySelectorAll gives them) strictly inside `item`. */
  inside(item: El, list: El[]): El[] {
    const span = this.span.get(item);
    if (!span) return list.filter((el) => el !== item && item.contains(el));
    const [start, end] = span;
    const position = (el: El) => this.span.get(el)?.[0] ?? -1;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (position(list[mid]!) <= start) low = mid + 1;
      else high = mid;
    }
    const found: El[] = [];
    for (let i = low; i < list.length && position(list[i]!) <= end; i++) found.push(list[i]!);
    return found;
  }
}
