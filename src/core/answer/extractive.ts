import { DEFAULT_THRESHOLDS } from '../calibration/operatingPoint.js';
import type { RetrievalResult } from '../retrieval/retrieve.js';
import { toAnswerPassages } from './citations.js';
import { decideGate } from './gate.js';
import { phrasesFor } from './phrases.js';
import { renderQuotes } from './quoteRendering.js';
import { headlineCandidates, scoringContext, sentenceCandidates } from './sentenceScoring.js';
import { selectSentences } from './sentenceSelection.js';
import type { Answer } from './types.js';

/**
 * The default, offline answer: the 1-4 most relevant sentences of the retrieved passages,
 * each with its [n] marker, reader comments presented as such; or an honest no-answer.
 * In order: the gate (gate.ts), sentence scoring (sentenceScoring.ts), selection
 * (sentenceSelection.ts), rendering with citations (quoteRendering.ts).
 */
export function composeExtractiveAnswer(question: string, retrieval: RetrievalResult, questionLanguage: string): Answer {
  const phrases = phrasesFor(questionLanguage);
  const { thresholds, origin } = retrieval.gate ?? { thresholds: DEFAULT_THRESHOLDS, origin: 'default' as const };
  const decision = decideGate(retrieval.passages, retrieval.vectorScale, thresholds, origin);
  const base = {
    passages: toAnswerPassages(retrieval.passages, retrieval.vectorScale),
    mode: 'extractive' as const,
    retrieval: retrieval.mode,
    language: questionLanguage,
  };
  const noAnswer = (reason: string): Answer => ({
    ...base,
    answer: phrases.noAnswer,
    citations: [],
    noAnswer: true,
    decision: { ...decision, answered: false, reason },
  });
  if (!decision.answered) return noAnswer(decision.reason);

  const ctx = scoringContext(question, retrieval, thresholds);
  const candidates = [...sentenceCandidates(ctx), ...headlineCandidates(ctx, phrases)];
  if (candidates.length === 0) return noAnswer('declined: no sentence of the relevant passages says anything about the question');
  return { ...base, ...renderQuotes(selectSentences(candidates, ctx.aboutReaders), questionLanguage, phrases), noAnswer: false, decision };
}
