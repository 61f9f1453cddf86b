import { STOPWORDS } from './stopwords.js';
import { foldText, wordTokens } from './normalize.js';

/** Languages the bot tokenizes and stems specially. Others fall back to "und" handling. */
export const SUPPORTED_LANGUAGES = ['en', 'de', 'it', 'fr', 'es'] as const;
export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number] | 'und';

const STOPWORD_SETS = Object.fromEntries(
  Object.entries(STOPWORDS).map(([lang, words]) => [lang, new Set(words)]),
) as Record<string, Set<string>>;

/**
 * Detects the language of a text as an ISO 639-1 code by counting function words.
 * Function words are the most reliable signal in short news text and questions, and this
 * needs no model download. Returns "und" when there is too little evidence.
 */
export function detectLanguage(text: string): LanguageCode {
  const tokens = wordTokens(foldText(text)).slice(0, 4000);
  const scores = new Map<string, number>();
  for (const token of tokens) {
    for (const [lang, words] of Object.entries(STOPWORD_SETS)) {
      if (words.has(token)) scores.set(lang, (scores.get(lang) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let bestScore = 0;
  for (const [lang, score] of scores) {
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  // German nouns are capitalised mid-sentence; umlauts/ß are strong German evidence.
  if (/[äöüß]/i.test(text) && best !== 'de' && (scores.get('de') ?? 0) >= bestScore * 0.6) best = 'de';
  if (!best || bestScore < 1) return 'und';
  return best as LanguageCode;
}
