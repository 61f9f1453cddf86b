/**
 * Escaping and unescaping XML character data by hand, for OPML. Reading: only the five
 * predefined entities and numeric character references are decoded, in one pass, so no
 * document can make a reference expand into more references (entity bombs) and "&amp;lt;"
 * stays the text "&lt;". Writing: everything that could end an attribute or start markup is
 * escaped, and characters XML 1.0 cannot carry at all are replaced, so any string gives a
 * well-formed document.
 */

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function characterReference(body: string): string | null {
  const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
  const isXmlChar =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  return isXmlChar ? String.fromCodePoint(code) : null;
}

/** Decodes &amp; &lt; &gt; &quot; &apos; and &#NN; / &#xHH;; any other reference is left as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, body: string) => {
    if (body.startsWith('#')) return characterReference(body) ?? whole;
    return PREDEFINED[body]!;
  });
}

/** Control characters, U+FFFE/U+FFFF and unpaired surrogates: not allowed anywhere in an XML 1.0 document. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an attribute value or element content; tabs and line breaks become references so attribute normalisation keeps them. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
