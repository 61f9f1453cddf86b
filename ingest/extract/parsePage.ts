import { parseHTML } from 'linkedom';

type Doc = ReturnType<typeof parseHTML>['document'];

/**
 * Parses a page into a document that always has an <html> root and a <body>. linkedom
 * builds no such skeleton for input that lacks it: a page saved without its <html> tag
 * (starting at <meta> or <head>), a fragment, or plain text served as HTML gets a <meta>,
 * a <p> or nothing as its root, and every step that reads `document.body` then fails or
 * sees nothing. Such input is parsed again inside a skeleton, as a browser would.
 */
export function parsePage(html: string): Doc {
  const { document } = parseHTML(html);
  if (document.documentElement?.tagName === 'HTML' && document.querySelector('body')) return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}
