import { detectLanguage } from '../core/text/language.js';
import { termCredit } from '../core/retrieval/termMatching.js';
import { foldText, wordTokens } from '../core/text/normalize.js';
import { splitSentences } from '../core/text/sentences.js';
import { indexTerms, queryTerms } from '../core/text/terms.js';
import type { PromptPassage } from './prompt.js';

/** Share of a sentence's content terms that must appear in a passage for it to support the sentence. */
export const SUPPORT_THRESHOLD = 0.5;

export interface CheckedSentence {
  text: string;
  /** Passage numbers (as in the prompt) that were verified to support the sentence. */
  markers: number[];
}

export interface RemovedCitation {
  sentence: string;
  /** The marker removed, or null when the whole sentence was dropped. */
  marker: number | null;
  reason: string;
}

export interface CheckResult {
  sentences: CheckedSentence[];
  removed: RemovedCitation[];
}

const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g;

/** "8,5" / "8.5" -> "85", "200,000" / "200.000" -> "200000": numbers compared by their digits. */
function numbersIn(text: string): string[] {
  return (text.match(/\d[\d.,']*\d|\d/g) ?? []).map((n) => n.replace(/[.,']/g, ''));
}

/** Capitalised words after the first word: names the passage must contain too. */
function namesIn(sentence: string): string[] {
  const words = sentence.match(/[\p{L}][\p{L}\p{N}'-]*/gu) ?? [];
  return words.slice(1).filter((w) => /^\p{Lu}/u.test(w) && w.length >= 3);
}

/**
 * Whether a passage supports a sentence: enough of the sentence's content terms occur in
 * the passage (stems in every stemmed language), and every number and every name in the
 * sentence occurs there too. Numbers and names are where invented claims show first.
 * A sentence in another language than its passage cannot share its words: there every
 * number and name must match and at least one of them must be there to match.
 */
export function supports(sentence: string, passage: PromptPassage): { ok: boolean; reason: string } {
  const language = passage.passage.document.language;
  const sentenceLanguage = detectLanguage(sentence);
  const crossLanguage = sentenceLanguage !== 'und' && language !== 'und' && sentenceLanguage !== language;
  const passageText = `${passage.passage.document.title} ${passage.text}`;
  const passageTerms = indexTerms(passageText, language);
  const terms = queryTerms(sentence);
  if (terms.length === 0) return { ok: false, reason: 'no content to check' };
  const matched = terms.reduce((sum, t) => sum + termCredit(t, passageTerms), 0);
  const share = matched / terms.length;
  const passageNumbers = new Set(numbersIn(passageText));
  const missingNumber = numbersIn(sentence).find((n) => !passageNumbers.has(n));
  if (missingNumber) return { ok: false, reason: `number ${missingNumber} not in passage` };
  for (const name of namesIn(sentence)) {
    const [nameTerm] = queryTerms(name);
    if (nameTerm && termCredit(nameTerm, passageTerms) === 0) return { ok: false, reason: `"${name}" not in passage` };
  }
  if (crossLanguage) {
    const anchors = numbersIn(sentence).length + namesIn(sentence).length;
    if (anchors === 0 && share < SUPPORT_THRESHOLD) return { ok: false, reason: 'in another language than the passage, with no number or name to check' };
    return { ok: true, reason: '' };
  }
  if (share < SUPPORT_THRESHOLD) return { ok: false, reason: `only ${Math.round(share * 100)}% of its terms are in the passage` };
  return { ok: true, reason: '' };
}

/** Splits an answer into sentences and the [n] markers that follow each (markers after the period included). */
export function sentencesWithMarkers(answer: string, language: string): Array<{ text: string; markers: number[] }> {
  const result: Array<{ text: string; markers: number[] }> = [];
  for (const raw of splitSentences(answer.replace(/\s+/g, ' ').trim(), language)) {
    const markers = [...raw.matchAll(MARKER)].flatMap((m) => m[1]!.split(',').map((n) => Number(n.trim())));
    const text = raw
      .replace(MARKER, '')
      .replace(/\s+([.,;:!?])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    const leadingOnly = /^(\s*\[\d+(?:\s*,\s*\d+)*\]\s*)+/.exec(raw);
    if (leadingOnly && result.length > 0 && result.at(-1)!.markers.length === 0) {
      // "... fact. [2] Next sentence": the marker belongs to the sentence before.
      const lead = [...leadingOnly[0].matchAll(MARKER)].flatMap((m) => m[1]!.split(',').map((n) => Number(n.trim())));
      result.at(-1)!.markers.push(...lead);
      const rest = markers.slice(lead.length);
      if (text) result.push({ text, markers: rest });
      continue;
    }
    if (!text && result.length > 0) result.at(-1)!.markers.push(...markers);
    else if (text) result.push({ text, markers });
  }
  return result;
}

/**
 * Checks one sentence's markers against the passages they name: the verified ones are
 * returned, the others reported in `removed` (with the whole sentence when none is left).
 */
export function checkSentence(sentence: { text: string; markers: number[] }, passages: PromptPassage[], removed: RemovedCitation[]): CheckedSentence | null {
  const { text, markers } = sentence;
  const verified: number[] = [];
  for (const n of [...new Set(markers)]) {
    const passage = passages.find((p) => p.n === n);
    if (!passage) {
      removed.push({ sentence: text, marker: n, reason: `there is no passage ${n}` });
      continue;
    }
    const check = supports(text, passage);
    if (check.ok) verified.push(n);
    else removed.push({ sentence: text, marker: n, reason: `not supported by passage ${n}: ${check.reason}` });
  }
  if (verified.length > 0) return { text, markers: verified };
  if (wordTokens(foldText(text)).length > 0)
    removed.push({ sentence: text, marker: null, reason: markers.length ? 'no supported citation left' : 'no citation' });
  return null;
}

/**
 * Checks every [n] of a generated answer against passage n: markers to passages that do not
 * exist are removed, unsupported markers are removed, and a sentence left without a
 * supported marker is dropped. Whatever is removed is reported.
 */
export function checkCitations(answer: string, passages: PromptPassage[], language: string): CheckResult {
  const removed: RemovedCitation[] = [];
  const sentences: CheckedSentence[] = [];
  for (const sentence of sentencesWithMarkers(answer, language)) {
    const checked = checkSentence(sentence, passages, removed);
    if (checked) sentences.push(checked);
  }
  return { sentences, removed };
}
