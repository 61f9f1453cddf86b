import * as snowball from 'snowball-stemmers';
import type { LanguageCode } from './language.js';

// The package is CommonJS: depending on the loader its factory is the namespace or its default.
const snowballFactory = ((snowball as unknown as { default?: typeof snowball.default }).default ?? snowball) as typeof snowball.default;

const SNOWBALL_NAMES: Record<string, string> = {
  en: 'english',
  de: 'german',
  it: 'italian',
  fr: 'french',
  es: 'spanish',
};

type Stemmer = { stem(word: string): string };
const stemmers = new Map<string, Stemmer>();

function stemmerFor(language: string): Stemmer | undefined {
  const name = SNOWBALL_NAMES[language];
  if (!name) return undefined;
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = snowballFactory.newStemmer(name) as Stemmer;
    stemmers.set(language, stemmer);
  }
  return stemmer;
}

/** Snowball stem of an already folded token; unknown languages and numbers pass through. */
export function stem(foldedToken: string, language: LanguageCode | string): string {
  if (/^\d/.test(foldedToken)) return foldedToken;
  const stemmer = stemmerFor(language);
  return stemmer ? stemmer.stem(foldedToken) : foldedToken;
}

/** The stems a token may have in any supported language: a question's language is a guess. */
export function stemsInAllLanguages(foldedToken: string): string[] {
  return [...new Set(Object.keys(SNOWBALL_NAMES).map((lang) => stem(foldedToken, lang)))];
}
