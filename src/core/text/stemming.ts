import { createRequire } from 'node:module';
import type * as Snowball from 'snowball-stemmers';
import type { LanguageCode } from './language.js';

// The package is one CommonJS file of 870 KB. Required, not imported: an ESM import first
// scans a CommonJS file for its export names, which costs every process start about 30 ms
// here (54 ms against 21 ms), a tenth of a question's cold start.
const snowballFactory = createRequire(import.meta.url)('snowball-stemmers') as typeof Snowball.default;

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

/** Stems already computed, per language: news vocabulary repeats, and Snowball in JS is slow. */
const cache = new Map<string, Map<string, string>>();
const CACHE_LIMIT = 200_000;

/** Snowball stem of an already folded token; unknown languages and numbers pass through. */
export function stem(foldedToken: string, language: LanguageCode | string): string {
  if (/^\d/.test(foldedToken)) return foldedToken;
  const stemmer = stemmerFor(language);
  if (!stemmer) return foldedToken;
  let byWord = cache.get(language);
  if (!byWord) {
    byWord = new Map();
    cache.set(language, byWord);
  }
  let stemmed = byWord.get(foldedToken);
  if (stemmed === undefined) {
    if (byWord.size >= CACHE_LIMIT) byWord.clear();
    stemmed = stemmer.stem(foldedToken);
    byWord.set(foldedToken, stemmed);
  }
  return stemmed;
}

/** The stems a token may have in any supported language: a question's language is a guess. */
export function stemsInAllLanguages(foldedToken: string): string[] {
  return [...new Set(Object.keys(SNOWBALL_NAMES).map((lang) => stem(foldedToken, lang)))];
}
