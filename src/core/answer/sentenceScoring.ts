import type { GateThresholds } from '../calibration/operatingPoint.js';
import type { RetrievalResult, ScoredPassage } from '../retrieval/retrieve.js';
import { coverage, termCredit } from '../retrieval/termMatching.js';
import { foldText, wordTokens } from '../text/normalize.js';
import { countWords, splitSentences } from '../text/sentences.js';
import { indexTerms } from '../text/terms.js';
import { answerTypeOf, sentenceHasAnswerType, type AnswerType } from './answerType.js';
import { answerableByMeaning, passageEvidence } from './gate.js';
import type { phrasesFor } from './phrases.js';

/**
 * Sentences are quoted only from passages at least this relevant (the best one always
 * qualifies). Calibrated on the eval set (npm run eval) in lexical mode, with
 * RELATIVE_TO_BEST in sentenceSelection.ts.
 */
const QUOTABLE_PASSAGE = 0.4;
const COMMENT_PENALTY = 0.75;
/**
 * Question terms already in the headline say what the article is about, not what the asker
 * wants to know; a sentence that merely repeats them is worth less than one that carries the
 * other terms ("Quanto costa la linea 2?" wants the sentence with the cost, not the headline
 * restated).
 */
const TOPIC_TERM_WEIGHT = 0.25;
/** How much of a sentence's score comes from its passage (context) rather than itself. */
const PASSAGE_SHARE = 0.4;
/** Bonus for a sentence holding what the question asks for (a number for "how much", a date for "when"). */
const ANSWER_TYPE_BONUS = 0.15;
/**
 * How much a sentence gains from its passage's place in the retrieval order (divided by rank
 * + 1). Retrieval ranks by all the lexical (and vector) evidence at once, so its first passage
 * is the likeliest to hold the answer; squad-it-dev, lexical, answer hit by this weight:
 * 0.02 74.1%, 0.12 74.9%, 0.18 75.4%, 0.25 75.6%, 0.4 74.9%, 0.7 74.0% (--limit 2500).
 */
const RANK_BONUS = 0.25;

/** A sentence (or headline) that could be quoted, with its score. */
export interface Candidate {
  passage: ScoredPassage;
  sentence: string;
  /** How the sentence is shown, when not verbatim (a headline with its date). */
  display?: string;
  score: number;
  words: Set<string>;
}

/** What the sentence scoring needs besides the retrieval: the question's wanted answer kind and audience. */
export interface ScoringContext {
  retrieval: RetrievalResult;
  thresholds: GateThresholds;
  wanted: AnswerType;
  aboutReaders: boolean;
  bestRelevance: number;
}

export function scoringContext(question: string, retrieval: RetrievalResult, thresholds: GateThresholds): ScoringContext {
  return {
    retrieval,
    thresholds,
    wanted: answerTypeOf(question),
    aboutReaders: retrieval.terms.some((t) => t.aboutReaders),
    bestRelevance: Math.max(0, ...retrieval.passages.map((p) => p.relevance)),
  };
}

/** Each quotable passage's sentences, scored by their own evidence, their passage's, and its rank. */
export function sentenceCandidates(ctx: ScoringContext): Candidate[] {
  const { retrieval, wanted, aboutReaders } = ctx;
  const candidates: Candidate[] = [];
  retrieval.passages.forEach((passage, rank) => {
    const byMeaning = answerableByMeaning(passageEvidence(passage, retrieval.vectorScale), ctx.thresholds);
    if (passage.relevance < QUOTABLE_PASSAGE && passage.relevance < ctx.bestRelevance && !byMeaning) return;
    const language = passage.document.language;
    const similarities = retrieval.sentenceSimilarity?.get(passage.id);
    const titleTerms = passage.section === 'body' ? indexTerms(passage.document.title, language) : [];
    const weights = retrieval.terms.map((term, i) => retrieval.weights[i]! * (termCredit(term, titleTerms) > 0 ? TOPIC_TERM_WEIGHT : 1));
    splitSentences(passage.text, language).forEach((sentence, index) => {
      const n = countWords(sentence);
      if (n < 4 || n > 90) return;
      const lexical = coverage(retrieval.terms, weights, sentence, language, passage.section);
      const similarity = similarities?.[index];
      // A similarity earns credit only above what this model gives unrelated text on this store.
      const semantic = similarity === undefined || !retrieval.vectorScale ? 0 : retrieval.vectorScale.credit(similarity);
      const own = Math.max(lexical, semantic);
      const hasType = sentenceHasAnswerType(sentence, wanted);
      if (own === 0 && !hasType) return; // a quote must itself say something about the question
      let score = (1 - PASSAGE_SHARE) * own + PASSAGE_SHARE * passage.relevance + (hasType ? ANSWER_TYPE_BONUS : 0) + RANK_BONUS / (rank + 1);
      // Reader comments rank below reporting, unless the question asks what readers think.
      if (passage.section === 'comment') score *= aboutReaders ? 1.3 : COMMENT_PENALTY;
      else if (aboutReaders) score *= 0.8;
      candidates.push({ passage, sentence, score, words: new Set(wordTokens(foldText(sentence))) });
    });
  });
  return candidates;
}

/**
 * A headline can be the answer: with its stated date for "when" questions ("Two carmakers
 * sign a battery agreement", published 2026-03-02), or when it holds the number or name
 * asked for ("... to supply power for 200,000 homes").
 */
export function headlineCandidates(ctx: ScoringContext, phrases: ReturnType<typeof phrasesFor>): Candidate[] {
  const { retrieval, wanted } = ctx;
  if (!wanted) return [];
  const candidates: Candidate[] = [];
  const seen = new Set<number>();
  for (const passage of retrieval.passages) {
    const { title, published, language } = passage.document;
    // The headline is the article's whichever of its passages was retrieved (a comment passage carries it too).
    if (seen.has(passage.documentId) || passage.relevance < ctx.thresholds.minRelevance) continue;
    seen.add(passage.documentId);
    const dated = wanted === 'time' && published !== null;
    if (!dated && !sentenceHasAnswerType(title, wanted)) continue;
    const own = coverage(retrieval.terms, retrieval.weights, title, language, 'body');
    if (own < 0.5) continue;
    const score = (1 - PASSAGE_SHARE) * own + PASSAGE_SHARE * passage.relevance + ANSWER_TYPE_BONUS;
    const display = published ? phrases.datedHeadline(title, published.slice(0, 10)) : `“${title}”`;
    const article = passage.section === 'body' ? passage : { ...passage, section: 'body' as const };
    candidates.push({ passage: article, sentence: title, display, score, words: new Set(wordTokens(foldText(title))) });
  }
  return candidates;
}
