import { loadLanguageDetector } from './languageDetector.js';
import { STOPWORDS } from './stopwords.js';
import { foldText, wordTokens } from './normalize.js';

/** Languages the bot stems and answers in specially. Others are detected, stored and searched unstemmed. */
export const SUPPORTED_LANGUAGES = ['en', 'de', 'it', 'fr', 'es'] as const;
/** An ISO 639-1 code, or "und" when the text does not say clearly enough. */
export type LanguageCode = string;

const { detector } = await loadLanguageDetector();

/** Characters sampled: a few paragraphs decide a language; whole articles only cost time. */
const SAMPLE_CHARS = 3000;

const STOPWORD_SETS = Object.entries(STOPWORDS).map(([lang, words]) => [lang, new Set(words)] as const);

/**
 * Function-word evidence among the five stemmed languages, for text too short for the
 * n-gram detector to be sure of ("Who won?"). Needs two hits and a clear winner.
 */
function stopwordVote(text: string): string {
  const tokens = wordTokens(foldText(text));
  let best = 'und';
  let bestScore = 0;
  let second = 0;
  for (const [lang, words] of STOPWORD_SETS) {
    const score = tokens.filter((t) => words.has(t)).length;
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = lang;
    } else if (score > second) second = score;
  }
  return bestScore >= 2 && bestScore > second ? best : 'und';
}

/**
 * The language of an article or a question as an ISO 639-1 code. One detector serves both,
 * so a question and the articles it is about are compared in the same terms. Returns "und"
 * when unsure rather than guessing.
 */
export function detectLanguage(text: string): LanguageCode {
  const sample = text.slice(0, SAMPLE_CHARS).trim();
  if (!/\p{L}/u.test(sample)) return 'und';
  const result = detector.detect(sample);
  if (result.language && result.isReliable()) return result.language;
  const vote = stopwordVote(sample);
  if (vote !== 'und') return vote;
  return 'und';
}

export function isSupportedLanguage(code: string): code is (typeof SUPPORTED_LANGUAGES)[number] {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}
