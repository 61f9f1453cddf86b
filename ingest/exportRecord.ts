import type { StoredArticle } from '../src/store/sqliteStore.js';

/** One line of `npm run export`. The field names are a contract: operators and checks read them. */
export interface ExportRecord {
  /** The file path or URL the article was ingested from. */
  source: string;
  url: string | null;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  language: string;
  /** The stored article text, paragraphs separated by blank lines. */
  body: string;
  comments: Array<{ author: string | null; published: string | null; text: string }>;
  /** How many passages the article was split into. */
  passages: number;
  /** Present (true) only for articles stored from a feed summary. */
  summaryOnly?: true;
}

export function toExportRecord(article: StoredArticle): ExportRecord {
  return {
    source: article.location,
    url: article.url,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    published: article.published,
    language: article.language,
    body: article.body,
    comments: article.comments.map((c) => ({ author: c.author ?? null, published: c.published ?? null, text: c.text })),
    passages: article.passages,
    ...(article.summaryOnly ? { summaryOnly: true as const } : {}),
  };
}
