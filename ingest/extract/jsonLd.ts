import { cleanText, MAX_FIELD_CHARS } from './cleanValue.js';

type Doc = { querySelectorAll(selector: string): Iterable<{ textContent: string | null }> };

/** What an article's schema.org JSON-LD says about it, each value validated. */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  inLanguage: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
}

/** schema.org types whose objects are articles (NewsArticle, BlogPosting, ReportageNewsArticle, ...). */
const ARTICLE_TYPE = /(Article|BlogPosting|Posting|Report|NewsArticle|WebPage)$/;

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Every object in a JSON-LD value, depth first (top level, arrays, @graph, nested values). */
function* objectsIn(value: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* objectsIn(item, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  yield node;
  if (node['@graph']) yield* objectsIn(node['@graph'], depth + 1);
  if (node.mainEntity) yield* objectsIn(node.mainEntity, depth + 1);
}

/**
 * A person or organisation's name, whatever shape the page gives it: "Ana", {"name": "Ana"},
 * ["Ana", {"name": "Bo"}], {"name": ["Ana"]}. Several names are joined with commas.
 */
export function namesOf(value: unknown, depth = 0): string | null {
  if (depth > 4 || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return cleanText(value, MAX_FIELD_CHARS.author);
  if (Array.isArray(value)) {
    const names = value.map((v) => namesOf(v, depth + 1)).filter((n): n is string => Boolean(n));
    return cleanText([...new Set(names)].join(', '), MAX_FIELD_CHARS.author);
  }
  if (typeof value === 'object') {
    const node = value as Record<string, unknown>;
    return namesOf(node.name ?? node.legalName ?? node.alternateName, depth + 1);
  }
  return null;
}

function firstText(value: unknown, maxChars: number): string | null {
  if (Array.isArray(value)) return firstText(value[0], maxChars);
  if (value && typeof value === 'object') return firstText((value as Record<string, unknown>)['@value'] ?? (value as Record<string, unknown>).name, maxChars);
  return cleanText(value, maxChars);
}

/**
 * Reads the page's JSON-LD blocks. Broken JSON (common: trailing commas, raw newlines) is
 * skipped block by block; the first Article-like object supplies the fields, preferring
 * news/blog types over a generic WebPage.
 */
export function readJsonLd(document: Doc): JsonLdArticle {
  const objects: Array<Record<string, unknown>> = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      objects.push(...objectsIn(JSON.parse(script.textContent ?? '')));
    } catch {
      // Broken JSON-LD is common; meta tags and the other blocks remain.
    }
  }
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPE.test(t)) || 'datePublished' in o || 'headline' in o);
  articles.sort((a, b) => Number(typesOf(a).includes('WebPage')) - Number(typesOf(b).includes('WebPage')));
  const article = articles[0] ?? {};
  return {
    headline: firstText(article.headline ?? article.name, MAX_FIELD_CHARS.title),
    datePublished: firstText(article.datePublished ?? article.dateCreated, 100),
    inLanguage: firstText(article.inLanguage, MAX_FIELD_CHARS.language),
    author: namesOf(article.author ?? article.creator),
    publisher: namesOf(article.publisher ?? article.sourceOrganization),
    url: firstText(article.url ?? article['@id'], MAX_FIELD_CHARS.url),
  };
}
