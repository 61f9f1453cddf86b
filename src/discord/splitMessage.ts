/** Discord rejects messages longer than this. */
export const DISCORD_MESSAGE_LIMIT = 2000;

/** Splits text into pieces of at most `limit` characters at a boundary found by `pattern`. */
function cutAt(text: string, limit: number, pattern: RegExp): number {
  let cut = -1;
  for (const match of text.slice(0, limit + 1).matchAll(pattern)) {
    const end = match.index! + match[0].length;
    if (end <= limit) cut = end;
  }
  return cut;
}

/** A hard cut at `limit`, moved before a `<link>` it would split (half a link in angle brackets loses them, and embeds). */
function outsideLink(text: string, limit: number): number {
  const open = text.lastIndexOf('<', limit - 1);
  return open > 0 && text.indexOf('>', open) >= limit ? open : limit;
}

/**
 * Splits a reply into messages of at most 2000 characters, preferring paragraph breaks,
 * then line breaks (a source line is one line, so it is never cut), then sentence ends,
 * then spaces; never inside a word unless a single "word" is longer than a message.
 */
export function splitMessage(text: string, limit = DISCORD_MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    let cut = cutAt(rest, limit, /\n\n/g);
    if (cut <= 0) cut = cutAt(rest, limit, /\n/g);
    if (cut <= 0) cut = cutAt(rest, limit, /[.!?…»“"”)\]](?=\s)\s/g);
    if (cut <= 0) cut = cutAt(rest, limit, /\s/g);
    const hard = cut <= 0;
    if (hard) cut = outsideLink(rest, limit); // one unbroken token longer than a message
    let piece = rest.slice(0, cut).trim();
    // A link longer than a message: its first part stays inside angle brackets (no embed).
    if (hard && piece.lastIndexOf('<') > piece.lastIndexOf('>')) {
      cut = limit - 1;
      piece = `${rest.slice(0, cut)}>`;
    }
    parts.push(piece);
    rest = rest.slice(cut).trim();
    // Cut inside a word, the next message starts where escaping saw no line start: a '#', '>' or list mark there would render.
    if (hard) rest = rest.replace(/^(#|-#|>|[-+*])/, '\\$1').replace(/^(\d+)\./, '$1\\.');
  }
  if (rest) parts.push(rest);
  return parts;
}
