import type { parseHTML } from 'linkedom';

type Doc = ReturnType<typeof parseHTML>['document'];
type Node = Doc['documentElement'];

/**
 * Real pages nest a few dozen elements deep (the deepest of the 181 benchmark pages: under
 * 100). Pathological or hostile markup can nest tens of thousands deep, and DOM algorithms
 * that walk ancestors (Readability's scoring among them) then cost quadratic time or blow the
 * stack. Elements deeper than the limit are unwrapped: their children move up in place, so
 * no text is lost, only structure that means nothing at that depth.
 */
export const MAX_ELEMENT_DEPTH = 200;

/** Unwraps every element nested deeper than `maxDepth`; returns how many were unwrapped. */
export function flattenDeepNesting(root: Node, maxDepth = MAX_ELEMENT_DEPTH): number {
  let unwrapped = 0;
  // Iterative walk: recursion is exactly what deep markup breaks.
  const stack: Array<{ node: Node; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const children = [...node.children] as Node[];
    if (depth >= maxDepth) {
      // Hoist every descendant element's children until none is left at this level.
      for (const child of children) {
        unwrapped += unwrapSubtree(child);
      }
      continue;
    }
    for (const child of children) stack.push({ node: child, depth: depth + 1 });
  }
  return unwrapped;
}

/** Replaces an element and all its descendant elements by their text and leaf content. */
function unwrapSubtree(element: Node): number {
  let count = 0;
  const pending: Node[] = [element];
  while (pending.length > 0) {
    const el = pending.pop()!;
    const kids = [...el.childNodes] as Node[];
    for (const kid of kids) if (kid.nodeType === 1) pending.push(kid);
    el.replaceWith(...kids);
    count++;
  }
  return count;
}
