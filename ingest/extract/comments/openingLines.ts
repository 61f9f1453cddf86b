import { statesDate } from './commentCues.js';
import type { Doc, El } from './dom.js';

/**
 * Comments whose header is bare text before a line break: "<b>Helmut</b> am 12.03.2019 um
 * 14:33 Uhr<br>Glückwunsch…" (hand-written pages, guestbook scripts, old blog engines). The
 * date has no element of its own, so no cue can point at it and the header would be read as
 * text. The nodes before the first `<br>` of a block are wrapped into one `<span>` when they
 * are a short line stating a date; the span is then the comment's header line like anywhere
 * else. Wrapping inline nodes in a span changes no text the body extractor sees.
 */
const MAX_OPENING_CHARS = 100;
type Child = NonNullable<El['firstChild']>;
const NO_OPENING = /^(BR|P|DIV|UL|OL|TABLE|BLOCKQUOTE|H[1-6])$/;

function openingNodes(block: El): Child[] | null {
  const nodes: Child[] = [];
  for (const node of block.childNodes as unknown as Iterable<Child>) {
    if (node.nodeType === 1 && (node as unknown as El).tagName === 'BR') return nodes;
    if (node.nodeType === 1 && NO_OPENING.test((node as unknown as El).tagName)) return null;
    nodes.push(node);
  }
  return null;
}

export function wrapOpeningDateLines(document: Doc, locale: string | null): void {
  for (const br of [...document.querySelectorAll('p > br, div > br, li > br, td > br, dd > br')] as El[]) {
    const block = br.parentElement as El;
    if (block.firstElementChild === null || block.querySelector('br') !== br) continue;
    const nodes = openingNodes(block);
    const text = (nodes ?? [])
      .map((n) => n.textContent ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (!nodes || nodes.length < 2 || text.length > MAX_OPENING_CHARS || !statesDate(text, locale)) continue;
    const span = document.createElement('span') as El;
    block.insertBefore(span, nodes[0]!);
    for (const node of nodes) span.appendChild(node);
  }
}
