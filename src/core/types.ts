/** Shared shapes of the knowledge base. Everything the store and retriever pass around. */

export type Section = 'body' | 'comment';

/** What ingestion knows about an article, independent of how it is stored. */
export interface ArticleMetadata {
  title: string;
  /** ISO date (YYYY-MM-DD) or full ISO timestamp stated by the source; null when none is stated. */
  published: string | null;
  /** ISO 639-1 code, or "und" when undetermined. */
  language: string;
  /** Outlet or site name (e.g. "gsmarena.com"); null when unknown. */
  outlet: string | null;
  /** Canonical URL for web articles; null for local files. */
  url: string | null;
  /** How the article is shown to people: its URL, or its file name. */
  source: string;
  /** Where it was read from: absolute file path or fetched URL. */
  location: string;
  author: string | null;
}

export interface ExtractedComment {
  author: string | null;
  /** ISO date the page states for the comment; null when none. */
  published: string | null;
  text: string;
}

export interface ExtractedArticle extends ArticleMetadata {
  /** Article paragraphs, site chrome removed. */
  body: string[];
  /** Reader comments, kept apart from the publisher's text. */
  comments: ExtractedComment[];
}

export interface PassageDraft {
  position: number;
  section: Section;
  text: string;
}

export interface DocumentRecord extends ArticleMetadata {
  id: number;
  key: string;
  sourceId: string;
  rawHash: string;
  contentHash: string;
  ingestedAt: string;
  updatedAt: string;
  /** Stored from a feed summary because the article page could not be fetched. */
  summaryOnly?: boolean;
}

export interface StoredPassage {
  id: number;
  documentId: number;
  position: number;
  section: Section;
  text: string;
  /** Index terms of the passage with its headline, as stored for BM25. */
  terms: string;
  document: DocumentRecord;
}

export interface RetrievedPassage extends StoredPassage {
  /** Fused ranking score (higher is better); comparable only within one query. */
  score: number;
  lexicalRank: number | null;
  vectorRank: number | null;
  /** Cosine similarity to the question when vectors were used. */
  similarity: number | null;
}
