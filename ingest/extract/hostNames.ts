import { parse } from 'tldts';

/**
 * Host names in plain text, told apart from look-alikes ("St.Moritz", "e.g", "node.js") by the
 * Public Suffix List through tldts (maintained, updated with the list; a hand-written TLD
 * pattern either misses new suffixes or takes any "word.word" for a domain).
 */

/** A token shaped like a host name: labels of letters, digits and hyphens joined by dots. */
const HOST_TOKEN = /(?<![\p{L}\p{N}@.-])(?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+\p{L}{2,63}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/gu;

/** The registrable host a token names ("www.example.co.uk" -> "example.co.uk"), or null unless its suffix is a real public one. */
export function publicHost(token: string): string | null {
  const parsed = parse(token.toLowerCase());
  if (!parsed.domain || parsed.isIp || !(parsed.isIcann || parsed.isPrivate)) return null;
  return parsed.hostname?.replace(/^www\./, '') ?? null;
}

/** A line that is nothing but a host name (maybe with a scheme or a trailing slash): a site's name standing alone. */
export function hostOnlyLine(line: string): string | null {
  const bare = line
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '');
  if (/\s/.test(bare) || !bare.includes('.')) return null;
  return publicHost(bare);
}

/** Every host name with a real public suffix that a line names. */
export function hostsIn(line: string): string[] {
  return [...line.matchAll(HOST_TOKEN)].map((m) => publicHost(m[0])).filter((h): h is string => h !== null);
}
