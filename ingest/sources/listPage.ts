import { citedAt } from './citedAt.js';
import type { FetchedResource } from './fetchResource.js';
import { sha256 } from './sha256.js';
import type { Candidate } from './sourceEvents.js';

/** A web source that is one page (not a feed): the page is the article. */
export function pageCandidate(url: string, page: FetchedResource): Candidate {
  const bytes = page.bytes;
  return {
    type: 'article',
    key: url,
    sourceId: url,
    location: url,
    rawHash: sha256(bytes),
    extract: async (extractor) => ({
      article: citedAt(await extractor(bytes, { location: url, source: url, url: page.finalUrl, contentType: page.contentType }), page.finalUrl),
      summaryOnly: false,
    }),
  };
}
