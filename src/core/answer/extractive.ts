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
import { answerableByMeaning, decideGate, passageEvidence } from './gate.js';
import { DEFAULT_THRESHOLDS, type GateThresholds } from '../calibration/operatingPoint.js';

/**
 * Sentence-selection thresholds (the answer gate itself is in gate.ts). Calibrated on the eval
 * set (npm run eval) in lexical mode.
 */
export const SELECTION_THRESHOLDS = {
  /** Sentences are quoted only from passages at least this relevant (the best one always qualifies). */
  quotablePassage: 0.4,
  /** Sentences below this fraction of the best sentence's score are left out. */
  relativeToBest: 0.6,
};
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

/** What the sentence scoring needs besides the retrieval: the question's wanted answer kind and audience. */
interface ScoringContext {
  retrieval: RetrievalResult;
  thresholds: GateThresholds;
  wanted: ReturnType<typeof answerTypeOf>;
  aboutReaders: boolean;
  bestRelevance: number;
}

/** Each quotable passage's sentences, scored by their own evidence, their passage's, and its rank. */
function sentenceCandidates(ctx: ScoringContext): Candidate[] {
  const { retrieval, wanted, aboutReaders } = ctx;
  const candidates: Candidate[] = [];
  retrieval.passages.forEach((passage, rank) => {
    const byMeaning = answerableByMeaning(passageEvidence(passage, retrieval.vectorScale), ctx.thresholds);
    if (passage.relevance < SELECTION_THRESHOLDS.quotablePassage && passage.relevance < ctx.bestRelevance && !byMeaning) return;
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
function headlineCandidates(ctx: ScoringContext, phrases: ReturnType<typeof phrasesFor>): Candidate[] {
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

/** The 1-4 sentences quoted: best first, reporting before comments, no near-repeats. */
function selectSentences(candidates: Candidate[], aboutReaders: boolean): Candidate[] {
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
    if (i > 0 && c.score < top * SELECTION_THRESHOLDS.relativeToBest) continue;
    if (chosen.some((x) => jaccard(x.words, c.words) > 0.5)) continue;
    if (c.passage.section === 'comment' && comments >= (aboutReaders ? MAX_SENTENCES : MAX_COMMENT_SENTENCES)) continue;
    if (c.passage.section === 'comment') comments++;
    chosen.push(c);
  }
  return chosen;
}

/** The chosen sentences with their [n] markers, and the numbered citations. */
function renderQuotes(chosen: Candidate[], questionLanguage: string, phrases: ReturnType<typeof phrasesFor>): Pick<Answer, 'answer' | 'citations'> {
  const label = crossLanguageLabel(questionLanguage);
  const registry = new CitationRegistry();
  const parts = chosen.map((c) => {
    const n = registry.cite(c.passage, c.sentence);
    // A quote's own bracketed numbers (an article's footnotes) would read as this answer's markers.
    const quote = c.sentence.replace(/\[(\d{1,3})\]/g, '($1)');
    const text = c.display ?? (c.passage.section === 'comment' ? phrases.readerComment(quote) : quote);
    return `${text}${label(quoteLanguage(c.sentence, c.passage.document.language))} [${n}]`;
  });
  return { answer: parts.join(' '), citations: registry.list() };
}

/**
 * The default, offline answer: the 1-4 most relevant sentences of the retrieved passages,
 * each with its [n] marker, reader comments presented as such; or an honest no-answer.
 */
export function composeExtractiveAnswer(question: string, retrieval: RetrievalResult, questionLanguage: string): Answer {
  const phrases = phrasesFor(questionLanguage);
  const { thresholds, origin } = retrieval.gate ?? { thresholds: DEFAULT_THRESHOLDS, origin: 'default' as const };
  const decision = decideGate(retrieval.passages, retrieval.vectorScale, thresholds, origin);
  const base = { passages: toAnswerPassages(retrieval.passages, retrieval.vectorScale), mode: 'extractive' as const, retrieval: retrieval.mode, language: questionLanguage };
  const noAnswer = (reason: string): Answer => ({ ...base, answer: phrases.noAnswer, citations: [], noAnswer: true, decision: { ...decision, answered: false, reason } });
  if (!decision.answered) return noAnswer(decision.reason);

  const ctx: ScoringContext = { retrieval, thresholds, wanted: answerTypeOf(question), aboutReaders: retrieval.terms.some((t) => t.aboutReaders), bestRelevance: Math.max(0, ...retrieval.passages.map((p) => p.relevance)) };
  const candidates = [...sentenceCandidates(ctx), ...headlineCandidates(ctx, phrases)];
  if (candidates.length === 0) return noAnswer('declined: no sentence of the relevant passages says anything about the question');
  return { ...base, ...renderQuotes(selectSentences(candidates, ctx.aboutReaders), questionLanguage, phrases), noAnswer: false, decision };
}
