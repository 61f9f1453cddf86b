import type { ExtractedArticle, PassageDraft } from '../../src/core/types.js';
import type { KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import type { Candidate, Extraction } from '../sources/sourceEvents.js';

/** What the store held under the candidate's key when it was listed (only this run writes meanwhile: the ingest lock). */
export type Existing = Awaited<ReturnType<KnowledgeStore['documentByKey']>>;

/** A candidate that must be extracted (new, or its raw bytes changed), with what is stored under its key. */
export interface Listed {
  candidate: Candidate;
  existing: Existing;
}

/** What happened to one candidate once extracted: skipped with a reason, or checked and chunked. */
export type Extracted = Listed & ({ error: string } | { extraction: Extraction; passages: PassageDraft[] });

/** An extracted article whose content is new to the store and to this run: to be written. */
export interface ChangedArticle extends Listed {
  article: ExtractedArticle;
  summaryOnly: boolean;
  /** All of the article's passages (a copy of a story keeps only some, decided when its write is prepared). */
  passages: PassageDraft[];
  contentHash: string;
}
