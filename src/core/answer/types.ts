import type { AnswerDecision } from './gate.js';
import type { Section } from '../types.js';

/** One numbered source as cited in an answer (the JSON contract of `ask --json`). */
export interface Citation {
  n: number;
  title: string;
  /** File name for local files, the fetched URL for web articles. */
  source: string;
  url?: string;
  published?: string;
  outlet?: string;
  language: string;
  section: Section;
  /** The cited text (sentences joined). */
  quote: string;
  /** Only the feed's summary of the article is stored (its page could not be fetched yet). */
  summaryOnly?: true;
  /** LLM mode: whether the checker found the claim in this passage. */
  verified?: boolean;
  /** The story this article tells, with the near-identical articles (other URLs, other outlets) telling it too. */
  story: CitedStory;
}

/** A story as cited: its id, how many articles tell it (the cited one included), their distinct outlets (the cited one's first). */
export interface CitedStory {
  id: number;
  articles: number;
  outlets: string[];
}

export interface AnswerPassage {
  /** File name for local files, the fetched URL for web articles. */
  source: string;
  /** Canonical URL when known. */
  url?: string;
  title: string;
  score: number;
  /** IDF-weighted share of the question's terms in the passage (with its headline). */
  relevance: number;
  /** Cosine similarity to the question; null when vectors were not used. */
  similarity: number | null;
  /** The similarity measured against what the loaded model gives unrelated text on this store (>= 0: above it); null without vectors. */
  margin: number | null;
  section: Section;
  text: string;
  published?: string;
  language: string;
  position: number;
}

export interface Answer {
  /** Answer text with inline [n] markers (no source list). */
  answer: string;
  citations: Citation[];
  passages: AnswerPassage[];
  /** True when nothing relevant enough was found (an honest no-answer). */
  noAnswer: boolean;
  mode: 'extractive' | 'llm';
  retrieval: 'hybrid' | 'lexical';
  /** Language the fixed phrases were written in. */
  language: string;
  /** LLM mode: what the citation checker removed, and notes such as a fallback. */
  removed?: Array<{ sentence: string; marker: number | null; reason: string }>;
  notes?: string[];
  /** Whether the gate let the question be answered, why, and the evidence it weighed. */
  decision?: AnswerDecision;
  /** What kind of answer (KnowledgeBase.ask always says): quoted sentences, or a timeline of dated stories (src/core/timeline/). */
  shape?: 'answer' | 'timeline';
  /** A timeline's stories, newest first, in the order of its lines (line i cites [i + 1]); only with shape 'timeline'. */
  timeline?: TimelineEntry[];
}

/** One line of a timeline (the JSON contract of `ask --json`). */
export interface TimelineEntry {
  /** The cited article's publication date as stored (as its citation gives it): a timeline has no undated line. */
  published: string;
  /** The cited article's title. */
  title: string;
  /** The distinct outlets telling the story (the cited article's first). */
  outlets: string[];
  /** The cited article's source as citations give it: the fetched URL, or the file name for local files. */
  source: string;
}
