import { LEXICON, LEXICON_LANGUAGES } from './crossLingualLexicon.js';
import type { LanguageCode } from './language.js';
import { foldText, wordTokens } from './normalize.js';
import { stem, stemsInAllLanguages } from './stemming.js';
import { isStopword } from './stopwords.js';

const HOW_WORDS = new Set(['how', 'wie', 'quanto', 'quanta', 'quanti', 'quante', 'combien', 'cuanto', 'cuanta']);
const QUESTION_SHAPE_WORDS = new Set(['large', 'big', 'long', 'high', 'low', 'many', 'much', 'far', 'old', 'often', 'early', 'late', 'lange', 'hoch', 'gross', 'weit', 'alt', 'oft', 'viel', 'viele', 'grande', 'alto', 'lungo', 'spesso']);

/** "US", "IT", "EU": a word written in capitals is a name, not a stopword. */
function isAcronym(original: string): boolean {
  return original.length >= 2 && original.length <= 5 && original === original.toUpperCase() && /\p{Lu}/u.test(original);
}

/** The index terms of a passage: folded, stopwords dropped, stemmed in the passage's language. */
export function indexTerms(text: string, language: LanguageCode | string): string[] {
  const terms: string[] = [];
  for (const original of wordTokens(text)) {
    const token = foldText(original);
    if ((!isAcronym(original) && isStopword(token)) || (token.length < 2 && !/\d/.test(token))) continue;
    terms.push(stem(token, language));
  }
  return terms;
}

/** One content word of a question together with every form it may take in the corpus. */
export interface QueryTerm {
  surface: string;
  /** Stems in every supported language (the question's language is only a guess). */
  stems: string[];
  /** Stems of the same concept in other languages, from the cross-lingual lexicon. */
  translations: string[];
  /** The term asks about readers' comments ("readers", "Leser", "lettori"): comment passages match it. */
  aboutReaders: boolean;
}

const READER_WORDS = ['reader', 'readers', 'commenter', 'commenters', 'comment', 'comments', 'commented', 'leser', 'kommentar', 'kommentare', 'kommentator', 'lettore', 'lettori', 'commento', 'commenti', 'lecteur', 'lecteurs', 'commentaire', 'lector', 'lectores', 'comentario'];
const READER_STEMS = new Set(READER_WORDS.flatMap((w) => stemsInAllLanguages(w)));

/** Whether a text speaks of readers' comments ("Comments", "12 Kommentare", "Commenti dei lettori"). */
export function mentionsReaderComments(text: string): boolean {
  return wordTokens(foldText(text)).some((token) => stemsInAllLanguages(token).some((s) => READER_STEMS.has(s)));
}

/** Minimum stem length for prefix matching: shorter prefixes match too much. */
export const MIN_PREFIX_LENGTH = 5;

let lexiconIndex: Map<string, string[]> | undefined;

/**
 * Maps "language:stem" of every lexicon word to the stems of its whole concept row. Keyed
 * by language so that a stem that happens to exist in another language (English "demand",
 * Spanish "demanda" = lawsuit) does not drag in the wrong concept.
 */
function lexiconByStem(): Map<string, string[]> {
  if (lexiconIndex) return lexiconIndex;
  lexiconIndex = new Map();
  for (const concept of LEXICON) {
    const keys: string[] = [];
    const conceptStems = new Set<string>();
    for (const lang of LEXICON_LANGUAGES) {
      for (const phrase of concept.words[lang]) {
        for (const token of wordTokens(foldText(phrase))) {
          if (isStopword(token)) continue;
          conceptStems.add(stem(token, lang));
          keys.push(`${lang}:${stem(token, lang)}`);
        }
      }
    }
    const all = [...conceptStems];
    for (const key of keys) lexiconIndex.set(key, [...new Set([...(lexiconIndex.get(key) ?? []), ...all])]);
  }
  return lexiconIndex;
}

/**
 * Analyses a question into content terms with their multilingual variants. When the
 * question's language is known, only that language's lexicon entries are used (English
 * "fine" is a penalty, Italian "fine" an end).
 */
export function queryTerms(question: string, language?: string): QueryTerm[] {
  const lexiconLanguages = language && (LEXICON_LANGUAGES as readonly string[]).includes(language) ? [language] : LEXICON_LANGUAGES;
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  let previous = '';
  for (const original of wordTokens(question)) {
    const token = foldText(original);
    const afterHow = HOW_WORDS.has(previous);
    previous = token;
    // "how large", "wie lange", "quanto grande": the adjective shapes the question, it is not its topic.
    if (afterHow && QUESTION_SHAPE_WORDS.has(token)) continue;
    if ((!isAcronym(original) && isStopword(token)) || token.length < 2 || seen.has(token)) continue;
    seen.add(token);
    const stems = stemsInAllLanguages(token);
    const translations = new Set<string>();
    for (const lang of lexiconLanguages) for (const t of lexiconByStem().get(`${lang}:${stem(token, lang)}`) ?? []) translations.add(t);
    for (const s of stems) translations.delete(s);
    terms.push({ surface: token, stems, translations: [...translations], aboutReaders: stems.some((s) => READER_STEMS.has(s)) });
  }
  return terms;
}

/** Index terms at least this long may be compounds (German "Lohnerhöhung" = wage + increase). */
const MIN_COMPOUND_LENGTH = 9;

/**
 * Whether a query form matches an index term: exactly, as a prefix when long enough, or as
 * the head of a long compound word (so "erhoh" finds "lohnerhoh", "streik" finds "bahnstreik").
 */
export function formMatches(form: string, indexTerm: string): boolean {
  if (form === indexTerm) return true;
  if (form.length < MIN_PREFIX_LENGTH) return false;
  if (indexTerm.startsWith(form)) return true;
  // The stemmer left an inflection on one side only ("beginnt" vs "beginn").
  if (indexTerm.length >= MIN_PREFIX_LENGTH && form.startsWith(indexTerm) && form.length - indexTerm.length <= 2) return true;
  // The head of a compound is its last part: "lohnerhoh" ends with "erhoh", "bahnstreik" with "streik".
  return indexTerm.length >= MIN_COMPOUND_LENGTH && indexTerm.length > form.length + 3 && indexTerm.endsWith(form);
}
