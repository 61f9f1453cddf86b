import type { ExtractedArticle, ExtractedComment } from '../src/core/types.js';
import { cleanParagraph, cleanText, cleanUrl, MAX_FIELD_CHARS } from './extract/cleanValue.js';

/** An article's text beyond this is cut: a "page" of megabytes is a dump, not news (about 300,000 words). */
const MAX_BODY_CHARS = 2_000_000;
const MAX_COMMENTS = 2_000;
const MAX_COMMENT_CHARS = 20_000;

function paragraphs(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  let budget = MAX_BODY_CHARS;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || budget <= 0) continue;
    const text = cleanParagraph(item).slice(0, budget);
    if (!text) continue;
    budget -= text.length;
    out.push(text);
  }
  return out;
}

function comments(value: unknown): ExtractedComment[] {
  if (!Array.isArray(value)) return [];
  const out: ExtractedComment[] = [];
  for (const c of value.slice(0, MAX_COMMENTS)) {
    if (!c || typeof c !== 'object') continue;
    const text = typeof c.text === 'string' ? cleanParagraph(c.text).slice(0, MAX_COMMENT_CHARS) : '';
    if (!text) continue;
    out.push({ author: cleanText(c.author, MAX_FIELD_CHARS.author), published: cleanText(c.published, 40), text });
  }
  return out;
}

/**
 * The last gate before the store: whatever extraction produced (from pages we do not
 * control, through a worker thread), every field leaves here with the type and size the
 * store expects. A list where a name should be becomes text; control characters go.
 */
export function validateArticle(article: ExtractedArticle): ExtractedArticle {
  const language = cleanText(article.language, MAX_FIELD_CHARS.language);
  return {
    title: cleanText(article.title, MAX_FIELD_CHARS.title) ?? cleanText(article.source, MAX_FIELD_CHARS.title) ?? 'Untitled',
    published: cleanText(article.published, 40),
    language: language && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(language) ? language : 'und',
    outlet: cleanText(article.outlet, MAX_FIELD_CHARS.outlet),
    url: cleanUrl(article.url),
    source: cleanText(article.source, MAX_FIELD_CHARS.url) ?? 'unknown source',
    location: cleanText(article.location, MAX_FIELD_CHARS.url * 2) ?? 'unknown location',
    author: Array.isArray(article.author) ? cleanText(article.author.join(', '), MAX_FIELD_CHARS.author) : cleanText(article.author, MAX_FIELD_CHARS.author),
    body: paragraphs(article.body),
    comments: comments(article.comments),
  };
}
