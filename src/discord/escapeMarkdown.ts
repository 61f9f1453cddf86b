/**
 * The one escaping function for text that comes from an article (quoted sentences, titles,
 * outlets, authors, comments, file names, and an LLM's output, which is derived from them)
 * before Discord sees it: whatever markdown the text holds is shown as typed, never rendered.
 *
 * Why not discord.js's own escapeMarkdown (@discordjs/formatters 0.6): with every option on
 * it still leaves `<:x:1> _italic_` italic (its lookbehind skips underscores after any `<:`),
 * escapes only the first masked link of a line (`[a](u) [b](v)` keeps `[b](v)` live),
 * handles headings and lists only at the very start of a line (a message split inside a
 * quote starts a new line there), and knows nothing of quote blocks, `-#` subtext, `<...>`
 * syntaxes (custom emoji, timestamps, mentions, slash-command mentions) or @everyone.
 * The rules here are few and uniform instead: escape every character that opens inline
 * markdown, escape line-start syntax wherever a word starts (any word can begin a message
 * piece), keep the bot's own `[n]` markers, and turn bare links into `<...>` links that
 * cannot embed.
 */

/**
 * Characters that open inline markdown anywhere: backslash first, so escapes stay escapes.
 * `(` too: a masked link needs `](` side by side, and Discord's link rule lets an escaped
 * `\]` or a kept `[n]` marker close the link text, so only an escaped `(` rules it out.
 */
const INLINE = /[\\*_~|`<(]/g;
/** A bracket, or a whole citation marker `[12]` (kept as it is unless `(` follows: a masked link would). */
const BRACKET_OR_MARKER = /\[\d{1,3}\](?!\()|[[\]]/g;
/**
 * Syntax that counts only at the start of a line (headings, `-#` subtext, quotes, lists),
 * escaped at the start of every word: a reply split into several messages starts a new
 * message, and so a new line, after any space.
 */
const LINE_START = /(^|\s)(#{1,3}(?=\s)|-#(?=\s)|>|[-+](?=\s)|\d+(?=\.\s))/g;
/** Mentions Discord would highlight (and, without allowed_mentions, ping). */
const MASS_MENTION = /@(everyone|here)/gi;
/** Direction overrides and isolates: they make a link or a name read differently than it is. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;
/** A bare link as Discord finds one (its client's autolink rule). */
const BARE_URL = /https?:\/\/[^\s<]+[^<>.,:;"')\]\s]/gi;

function escapeText(text: string, keepMarkers: boolean): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(BRACKET_OR_MARKER, (found) => (found.length > 1 ? (keepMarkers ? found : `\\[${found.slice(1, -1)}\\]`) : `\\${found}`))
    .replace(LINE_START, (_, before: string, syntax: string) => (/^\d/.test(syntax) ? `${before}${syntax}\\` : `${before}\\${syntax}`))
    .replace(MASS_MENTION, '@\u200b$1');
}

/**
 * A link that is safe inside `<...>`: http(s) only, without user:password@ (which makes
 * `https://bank.example@evil.example` read as the bank), with `<`, `>`, quotes and spaces
 * percent-encoded (the WHATWG serialisation does that). Null when it is not such a link.
 */
export function safeLink(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.replace(BIDI_CONTROLS, ''));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.username = '';
  url.password = '';
  const href = url.href;
  return /[\s<>]/.test(href) ? null : href;
}

/**
 * Article text made inert for Discord: markdown shown as typed, bare links unable to embed.
 * `keepMarkers` keeps `[n]` as the citation markers they are: only for an answer's text,
 * whose quotes have had their own bracketed numbers turned into `(n)` (renderQuotes).
 */
export function escapeMarkdown(text: string, options: { keepMarkers?: boolean } = {}): string {
  const keepMarkers = options.keepMarkers ?? false;
  const clean = text.replace(BIDI_CONTROLS, '');
  let out = '';
  let last = 0;
  for (const match of clean.matchAll(BARE_URL)) {
    const link = safeLink(match[0]);
    out += escapeText(clean.slice(last, match.index), keepMarkers);
    out += link ? `<${link}>` : escapeText(match[0], keepMarkers);
    last = match.index + match[0].length;
  }
  return out + escapeText(clean.slice(last), keepMarkers);
}
