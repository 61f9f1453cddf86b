import { parse } from 'discord-markdown-parser';

interface Node {
  type: string;
  content?: unknown;
}

function nodeTypes(nodes: Node[], out: string[] = []): string[] {
  for (const node of nodes) {
    out.push(node.type);
    if (Array.isArray(node.content)) nodeTypes(node.content as Node[], out);
  }
  return out;
}

/** List items: Discord renders them, the parser's rules do not include them. */
const LIST_LINE = /^\s*(?:[-*+]|\d+\.)\s/m;

/**
 * What Discord would render in a message besides plain text, found by an independent parser
 * of Discord's markdown (discord-markdown-parser, built on the simple-markdown rules Discord's
 * client uses, with masked links as bots may send them): headings, quotes, code, spoilers,
 * emphasis, masked links, mentions, custom emoji, timestamps, slash-command mentions, bare
 * links (which embed) and list items. `<...>` links (autolink: no embed) and line breaks are
 * plain for this purpose.
 */
export function renderedConstructs(content: string): string[] {
  const found = nodeTypes(parse(content, 'extended') as Node[]).filter((t) => !['text', 'br', 'newline', 'autolink'].includes(t));
  if (content.split('\n').some((line) => LIST_LINE.test(line))) found.push('list');
  return found;
}
