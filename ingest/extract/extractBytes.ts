import { extname } from 'node:path';
import type { ExtractedArticle } from '../../src/core/types.js';
import { decodeText, sniffCharset } from './decode.js';
import { extractFromHtml } from './html.js';
import { extractFromText, markdownToText } from './plainText.js';

export interface BytesOrigin {
  location: string;
  source: string;
  url: string | null;
  contentType?: string | null;
  /** Metadata already known from the feed item. */
  hints?: Partial<Pick<ExtractedArticle, 'title' | 'published' | 'outlet' | 'author'>>;
}

/** Extracts an article from raw bytes by kind: HTML, Markdown or plain text (sniffed when the extension says nothing). */
export function extractBytes(bytes: Uint8Array, origin: BytesOrigin): ExtractedArticle {
  const { text } = decodeText(bytes, sniffCharset(origin.contentType ?? null, bytes));
  const ext = extname(origin.url ? new URL(origin.url).pathname : origin.location).toLowerCase();
  const isHtml =
    /html/i.test(origin.contentType ?? '') || ext === '.html' || ext === '.htm' || ext === '.xhtml' || /^\s*(<!doctype html|<html)/i.test(text.slice(0, 500));
  if (isHtml) return extractFromHtml(text, origin);
  if (ext === '.md' || ext === '.markdown') return extractFromText(markdownToText(text), origin);
  return extractFromText(text, origin);
}
