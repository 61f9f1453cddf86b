import type { Citation } from '../answer/types.js';
import type { DigestPeriod } from './period.js';

/** One story of a digest: the line people read, and the citation it is numbered by. */
export interface DigestStory {
  /** The headline article's stated publication day (YYYY-MM-DD). */
  date: string;
  headline: string;
  /** The headline article's first sentence, or the LLM's checked summary when one was written. */
  lead: string;
  /** The headline article's opening as stored (its first paragraph): all a summary may draw on. */
  text: string;
  citation: Citation;
  /** Distinct outlets telling the story (in the scope). */
  outlets: number;
  articles: number;
}

/** A digest as composed: its stories ranked, with what the heading and an empty digest say. */
export interface Digest {
  language: string;
  topic: string | null;
  period: DigestPeriod;
  /** The period's first and last days as shown (in the time zone it was asked in). */
  sinceDay: string;
  untilDay: string;
  stories: DigestStory[];
  /** Short notes shown above the stories (the LLM fallback). */
  notes: string[];
  mode: 'extractive' | 'llm';
}

/**
 * Writes a short summary of each story of a digest (an LLM, src/llm/digestSummarizer.ts): the
 * digest returned has checked summaries as leads where they passed the citation check, the
 * offline lead elsewhere. Throws when it cannot summarise at all (withSummaries falls back).
 */
export interface DigestSummarizer {
  summarize(digest: Digest): Promise<Digest>;
}
