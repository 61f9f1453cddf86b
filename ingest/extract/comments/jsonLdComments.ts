import type { ExtractedComment } from '../../../src/core/types.js';
import { cleanParagraph, cleanText, MAX_FIELD_CHARS } from '../cleanValue.js';
import { normalizeStatedDate } from '../dates.js';
import { namesOf } from '../jsonLd.js';
import type { Doc } from './dom.js';

/** Bounds on hostile JSON-LD: nesting depth and number of comments read. */
const MAX_DEPTH = 12;
const MAX_COMMENTS = 2000;

function isComment(node: Record<string, unknown>): boolean {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && /(^|[/:])Comment$/.test(t));
}

/** HTML in a JSON-LD text value ("<p>Nice</p>") is reduced to its text. */
function plain(value: unknown): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string') return null;
  return cleanParagraph(
    text
      .replace(/<br\s*\/?>|<\/p>/gi, '\n')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  );
}

/** Every schema.org Comment in a JSON-LD value: top level, @graph, and `comment` arrays of any object (Article, DiscussionForumPosting, replies). */
function collect(value: unknown, out: Array<Record<string, unknown>>, depth: number): void {
  if (depth > MAX_DEPTH || out.length >= MAX_COMMENTS || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  if (isComment(node)) out.push(node);
  for (const key of ['@graph', 'mainEntity', 'comment', 'comments', 'hasPart', 'itemListElement', 'item']) collect(node[key], out, depth + 1);
}

/** Reader comments stated in the page's schema.org JSON-LD, each with author and date when given. */
export function readJsonLdComments(document: Doc, locale: string | null): ExtractedComment[] {
  const nodes: Array<Record<string, unknown>> = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''), nodes, 0);
    } catch {
      // Broken JSON-LD is common; the other blocks and the page's markup remain.
    }
  }
  const comments: ExtractedComment[] = [];
  for (const node of nodes) {
    const text = plain(node.text ?? node.articleBody ?? node.description);
    if (!text) continue;
    const date = node.dateCreated ?? node.datePublished;
    comments.push({
      author: namesOf(node.author ?? node.creator) ?? cleanText(null, MAX_FIELD_CHARS.author),
      published: normalizeStatedDate(Array.isArray(date) ? date[0] : date, locale),
      text,
    });
  }
  return comments;
}
