import type { Citation } from '../answer/types.js';
import type { DigestPeriod } from './period.js';

/** One story of a digest: the line people read, and the citation it is numbered by. */
export interface DigestStory {
  /** The headline article's stated publication day (YYYY-MM-DD). */
  date: string;
  headline: string;
  /** The headline article's first sentence, or the LLM's checked summary when one was written. */
  lead: string;
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
