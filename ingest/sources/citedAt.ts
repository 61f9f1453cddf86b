import type { ExtractedArticle } from '../../src/core/types.js';
import { sameSiteUrl } from './sameSiteUrl.js';

/** The extracted article, cited under its canonical URL only when that is on the fetched page's own site. */
export function citedAt(article: ExtractedArticle, fetchedUrl: string | null): ExtractedArticle {
  return fetchedUrl ? { ...article, url: sameSiteUrl(article.url, fetchedUrl) } : article;
}
