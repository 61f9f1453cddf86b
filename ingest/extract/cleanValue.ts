/**
 * Values taken from pages (titles, author names, outlet names, URLs) are untrusted: JSON-LD
 * may hold any shape, and meta tags may hold control characters or megabytes of text.
 * Everything that reaches the store passes through here first.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this pattern's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\uFEFF]/g;

/** Limits for metadata fields: longer values are cut at a word boundary. */
export const MAX_FIELD_CHARS = { title: 300, author: 200, outlet: 120, url: 2048, language: 35 } as const;

/** A single-line text value, or null when empty or not text. Numbers are accepted as text. */
export function cleanText(value: unknown, maxChars: number): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') return null;
  const text = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).trim()}…`;
}

/** Body text: control characters removed, line structure kept. */
export function cleanParagraph(value: string): string {
  return value
    .replace(CONTROL, ' ')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

/** An absolute http(s) URL, or null. */
export function cleanUrl(value: unknown, base?: string | null): string | null {
  const text = cleanText(value, MAX_FIELD_CHARS.url);
  if (!text) return null;
  try {
    const url = new URL(text, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
