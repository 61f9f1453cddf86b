import { indexTerms } from '../../src/core/text/terms.js';
import type { ExtractedArticle, PassageDraft } from '../../src/core/types.js';
import type { ArticleWrite } from '../../src/core/ports/knowledgeStore.js';
import { passagesFor, type CopyDetector } from '../copies/copyDetector.js';
import { EXTRACTOR_VERSION } from '../extractorVersion.js';
import type { Candidate } from '../sources/sourceEvents.js';
import type { ChangedArticle } from './articleStates.js';

/** An article ready to be embedded and written. */
export interface PendingArticle {
  write: ArticleWrite;
  /** Replaces the article stored under its key (counted as updated, not added). */
  isUpdate: boolean;
  /** The text embedded for each passage (a body passage with its headline). */
  embedTexts: string[];
  location: string;
}

/** The store write for an article and its passages (indexed with the headline's terms), without vectors yet. */
export function toWrite(
  candidate: Pick<Candidate, 'key' | 'sourceId' | 'rawHash' | 'location'>,
  article: ExtractedArticle,
  passages: PassageDraft[],
  contentHash: string,
  summaryOnly: boolean,
): PendingArticle {
  const { body, comments, ...metadata } = article;
  return {
    isUpdate: false,
    location: candidate.location,
    embedTexts: passages.map((p) => (p.section === 'body' ? `${article.title}. ${p.text}` : p.text)),
    write: {
      key: candidate.key,
      sourceId: candidate.sourceId,
      rawHash: candidate.rawHash,
      contentHash,
      extractorVersion: EXTRACTOR_VERSION,
      metadata,
      body,
      comments,
      summaryOnly,
      passages: passages.map((p) => ({
        ...p,
        // Passages also carry the headline's terms: the title says what the whole article, and
        // the comments under it, are about.
        terms: indexTerms(`${article.title} ${p.text}`, article.language).join(' '),
      })),
      vectors: null,
      model: null,
    },
  };
}

/**
 * The write for a changed article: a story's head with all its passages, or a copy of a
 * story (other URL, other outlet) with only its own reader comments' passages, written
 * after its head (queued later).
 */
export async function prepareWrite(changed: ChangedArticle, copies: CopyDetector): Promise<PendingArticle> {
  const { candidate, article, summaryOnly, existing } = changed;
  const story = await copies.classify(candidate.key, article, summaryOnly);
  const item = toWrite(candidate, article, passagesFor(story, article, changed.passages), changed.contentHash, summaryOnly);
  item.write.copyOf = story.copyOf;
  item.write.fingerprint = story.fingerprint;
  item.isUpdate = Boolean(existing && !existing.viaAlias);
  return item;
}
