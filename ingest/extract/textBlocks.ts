import type { parseHTML } from 'linkedom';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = Doc['documentElement'];
type AnyNode = El & { nodeType: number; nodeValue: string | null };

/** Elements that start a new line in a browser's layout. */
const BREAKING =
  /^(P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|TABLE|TR|TD|TH|FIGURE|FIGCAPTION|SECTION|ARTICLE|PRE|DL|DD|DT|HEADER|FOOTER|MAIN|ASIDE|NAV|BR|HR|TBODY|THEAD|ADDRESS|DETAILS|SUMMARY)$/;

export interface TextBlock {
  /** The block's text, whitespace collapsed. */
  text: string;
  /** How many of its characters are link text. */
  linkChars: number;
  /** The innermost block element holding the text. */
  element: El;
}

/**
 * Splits a tree into text blocks the way a browser lays it out: block elements break
 * lines, inline elements do not. Unlike querying `p, li, ...`, this neither repeats the text
 * of nested blocks nor loses text placed directly inside a `div`. Iterative, so deep markup
 * cannot overflow the stack.
 */
export function splitIntoBlocks(root: El): TextBlock[] {
  const blocks: TextBlock[] = [];
  let text = '';
  let linkChars = 0;
  let owner: El = root;
  const flush = () => {
    const squashed = text.replace(/\s+/g, ' ').trim();
    if (squashed) blocks.push({ text: squashed, linkChars: Math.min(linkChars, squashed.length), element: owner });
    text = '';
    linkChars = 0;
  };
  type Step = { node: AnyNode; inLink: boolean; block: El } | { flushAfter: true };
  const stack: Step[] = [{ node: root as AnyNode, inLink: false, block: root }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('flushAfter' in step) {
      flush();
      continue;
    }
    const { node, inLink, block } = step;
    if (node.nodeType === 3) {
      if (!text.trim()) owner = block;
      text += node.nodeValue ?? '';
      if (inLink) linkChars += (node.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const breaking = node !== root && BREAKING.test(node.tagName);
    if (breaking) {
      flush();
      stack.push({ flushAfter: true });
    }
    const children = [...(node.childNodes as unknown as Iterable<AnyNode>)];
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, inLink: inLink || node.tagName === 'A', block: breaking ? node : block });
    }
  }
  flush();
  return blocks;
}
