import { detectLanguage } from '../text/language.js';
import type { RetrievalResult, ScoredPassage } from '../retrieval/retrieve.js';
import { jaccard } from '../retrieval/diversity.js';
import { coverage, termCredit } from '../retrieval/termMatching.js';
import { indexTerms } from '../text/terms.js';
import { foldText, wordTokens } from '../text/normalize.js';
import { countWords, splitSentences } from '../text/sentences.js';
import { answerTypeOf, sentenceHasAnswerType } from './answerType.js';
import { CitationRegistry, toAnswerPassages } from './citations.js';
import { phrasesFor } from './phrases.js';
import type { Answer } from './types.js';

/**
 * Thresholds calibrated on the eval set (npm run eval): below them a question is treated
 * as not covered, so absent topics get an honest no-answer instead of a confident quote.
 */
export const ANSWER_THRESHOLDS = {
  /** The best passage (with its headline) must contain this share of the question's information. */
  passage: 0.5,
  /** Sentences are quoted only from passages at least this relevant (the best one always qualifies). */
  quotablePassage: 0.4,
  /** Sentences below this fraction of the best sentence's score are left out. */
  relativeToBest: 0.6,
  /**
   * With vectors: a passage this similar to the question (cosine) is answerable even when it
   * shares no words with it (another language). multilingual-e5 puts unrelated text at about
   * 0.70-0.78 and relevant text above 0.8; not yet calibrated on the real model, which cannot
   * be downloaded where this was written: measure with `npm run eval` where it can.
   */
  vectorPassage: 0.82,
};
/** Sentence similarity mapped to a coverage-like credit: 0 at SIMILARITY_FLOOR, 1 at SIMILARITY_FLOOR + SIMILARITY_SPAN. */
const SIMILARITY_FLOOR = 0.75;
const SIMILARITY_SPAN = 0.15;
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
const MAX_SENTENCES = 4;
const MAX_COMMENT_SENTENCES = 1;

interface Candidate {
  passage: ScoredPassage;
  sentence: string;
  /** How the sentence is shown, when not verbatim (a headline with its date). */
  display?: string;
  score: number;
  words: Set<string>;
}

/**
 * " (German)" after a quote in another language than the question, named in the question's
 * language (Intl.DisplayNames: " (tedesco)" for an Italian question); nothing otherwise.
 */
function crossLanguageLabel(questionLanguage: string): (quoteLanguage: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([questionLanguage, 'en'], { type: 'language' });
  } catch {
    names = null;
  }
  return (quoteLanguage) => {
    if (!names || quoteLanguage === 'und' || questionLanguage === 'und' || quoteLanguage === questionLanguage) return '';
    const name = names.of(quoteLanguage);
    return name && name !== quoteLanguage ? ` (${name})` : '';
  };
}

/** The language of a quote: its own when clear (an English quotation inside a German article), else its article's. */
function quoteLanguage(sentence: string, articleLanguage: string): string {
  const own = detectLanguage(sentence);
  return own === 'und' ? articleLanguage : own;
}

/**
 * The default, offline answer: the 1-4 most relevant sentences of the retrieved passages,
 * each with its [n] marker, reader comments presented as such; or an honest no-answer.
 */
export function composeExtractiveAnswer(question: string, retrieval: RetrievalResult, questionLanguage: string): Answer {
  const phrases = phrasesFor(questionLanguage);
  const base = { passages: toAnswerPassages(retrieval.passages), mode: 'extractive' as const, retrieval: retrieval.mode, language: questionLanguage };
  const noAnswer = (): Answer => ({ ...base, answer: phrases.noAnswer, citations: [], noAnswer: true });

  // Answerable by shared words, or (with vectors) by meaning: a German article can answer an English question.
  const byMeaning = (p: ScoredPassage) => (p.similarity ?? 0) >= ANSWER_THRESHOLDS.vectorPassage;
  const best = Math.max(0, ...retrieval.passages.map((p) => p.relevance));
  if (best < ANSWER_THRESHOLDS.passage && !retrieval.passages.some(byMeaning)) return noAnswer();
  const label = crossLanguageLabel(questionLanguage);

  const candidates: Candidate[] = [];
  const wanted = answerTypeOf(question);
  const aboutReaders = retrieval.terms.some((t) => t.aboutReaders);
  retrieval.passages.forEach((passage, rank) => {
    if (passage.relevance < ANSWER_THRESHOLDS.quotablePassage && passage.relevance < best && !byMeaning(passage)) return;
    const language = passage.document.language;
    const similarities = retrieval.sentenceSimilarity?.get(passage.id);
    const titleTerms = passage.section === 'body' ? indexTerms(passage.document.title, language) : [];
    const weights = retrieval.terms.map((term, i) => retrieval.weights[i]! * (termCredit(term, titleTerms) > 0 ? TOPIC_TERM_WEIGHT : 1));
    splitSentences(passage.text, language).forEach((sentence, index) => {
      const n = countWords(sentence);
      if (n < 4 || n > 90) return;
      const lexical = coverage(retrieval.terms, weights, sentence, language, passage.section);
      const similarity = similarities?.[index];
      const semantic = similarity === undefined ? 0 : Math.min(1, Math.max(0, (similarity - SIMILARITY_FLOOR) / SIMILARITY_SPAN));
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
  // A headline can be the answer: with its stated date for "when" questions ("Nokia and Xiaomi
  // sign a collaboration agreement", published 2017-07-05), or when it holds the number or
  // name asked for ("... to supply power for 200,000 homes").
  if (wanted) {
    const seen = new Set<number>();
    for (const passage of retrieval.passages) {
      const { title, published, language } = passage.document;
      // The headline is the article's whichever of its passages was retrieved (a comment passage carries it too).
      if (seen.has(passage.documentId) || passage.relevance < ANSWER_THRESHOLDS.passage) continue;
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
  }
  if (candidates.length === 0) return noAnswer();
  candidates.sort((a, b) => b.score - a.score);
  const top = candidates[0]!.score;
  // Reporting leads: a reader comment comes first only when no article sentence answers at
  // all (or the question asks what readers think).
  const firstReporting = candidates.findIndex((c) => c.passage.section === 'body');
  if (!aboutReaders && firstReporting > 0) candidates.unshift(...candidates.splice(firstReporting, 1));

  const chosen: Candidate[] = [];
  let comments = 0;
  for (const [i, c] of candidates.entries()) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (i > 0 && c.score < top * ANSWER_THRESHOLDS.relativeToBest) continue;
    if (chosen.some((x) => jaccard(x.words, c.words) > 0.5)) continue;
    if (c.passage.section === 'comment' && comments >= (aboutReaders ? MAX_SENTENCES : MAX_COMMENT_SENTENCES)) continue;
    if (c.passage.section === 'comment') comments++;
    chosen.push(c);
  }

  const registry = new CitationRegistry();
  const parts = chosen.map((c) => {
    const n = registry.cite(c.passage, c.sentence);
    const text = c.display ?? (c.passage.section === 'comment' ? phrases.readerComment(c.sentence) : c.sentence);
    return `${text}${label(quoteLanguage(c.sentence, c.passage.document.language))} [${n}]`;
  });
  return { ...base, answer: parts.join(' '), citations: registry.list(), noAnswer: false };
}
