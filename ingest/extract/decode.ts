import chardet from 'chardet';
/**
 * Turns raw bytes into text, refusing binary data and tolerating legacy encodings.
 * News archives are full of Windows-1252 and Latin-1 files; failing on them would lose
 * articles, while decoding binary junk would pollute the index.
 */
export class UnreadableContentError extends Error {
  override name = 'UnreadableContentError';
}

export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control / sample.length > 0.1;
}

/** Windows-1252's printable characters in 0x80-0x9F (Node's decoder treats the label as Latin-1 there). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** The bytes as UTF-8 when they are valid UTF-8, else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte >= 0x80);
}

/**
 * Decodes bytes using a declared charset when given, else UTF-8 with a Windows-1252 fallback.
 * Bytes that are valid UTF-8 with multi-byte characters in them are UTF-8 whatever the page
 * declares: saved and re-served pages keep a legacy `<meta charset>` after being converted,
 * and servers send a default Latin-1 header for UTF-8 files, while legacy-encoded text almost
 * never happens to form valid multi-byte UTF-8 sequences (each accented letter would have to
 * be followed by exactly the right continuation bytes).
 */
export function decodeText(bytes: Uint8Array, declaredCharset?: string | null): { text: string; encoding: string } {
  if (looksBinary(bytes)) throw new UnreadableContentError('binary content, not text');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const charset = declaredCharset?.trim().toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    const utf8 = hasMultibyte(bytes) ? strictUtf8(bytes) : null;
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
    try {
      return { text: new TextDecoder(charset).decode(bytes), encoding: charset };
    } catch {
      // Unknown label: fall through to detection.
    }
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const guessed = guessLegacyEncoding(bytes);
  if (guessed) return { text: new TextDecoder(guessed).decode(bytes), encoding: guessed.toLowerCase() };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/**
 * Below this many bytes, or without a clear winner (this confidence, and this many times the
 * runner-up's), a statistical guess is no better than Windows-1252.
 */
const MIN_GUESS_BYTES = 200;
const MIN_GUESS_CONFIDENCE = 25;
const MIN_GUESS_MARGIN = 3;

/**
 * An undeclared legacy encoding (KOI8-R, windows-1251, Shift_JIS, GB18030, ISO-8859-2, ...)
 * guessed by chardet (maintained port of Mozilla's universal charset detector) from byte
 * statistics. Western single-byte guesses are left to the Windows-1252 decoder, a superset.
 */
function guessLegacyEncoding(bytes: Uint8Array): string | null {
  if (bytes.length < MIN_GUESS_BYTES) return null;
  const [best, runnerUp] = chardet.analyse(bytes.subarray(0, 65_536));
  if (
    !best ||
    best.confidence < MIN_GUESS_CONFIDENCE ||
    best.confidence < MIN_GUESS_MARGIN * (runnerUp?.confidence ?? 0) ||
    /^(ISO-8859-1|windows-1252|ASCII|UTF-8)$/i.test(best.name)
  )
    return null;
  try {
    new TextDecoder(best.name);
    return best.name;
  } catch {
    return null; // a label the runtime cannot decode
  }
}

/** Reads the charset from a Content-Type header or an HTML/XML prologue. */
export function sniffCharset(contentType: string | null, head: Uint8Array): string | null {
  const fromHeader = contentType?.match(/charset=["']?([\w-]+)/i)?.[1];
  if (fromHeader) return fromHeader;
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 2048));
  return ascii.match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1] ?? ascii.match(/<\?xml[^>]+encoding=["']([\w-]+)/i)?.[1] ?? null;
}
