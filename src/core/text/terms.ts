import type { LanguageCode } from './language.js';
import { foldText, wordTokens } from './normalize.js';
import { stem, stemsInAllLanguages } from './stemming.js';
import { isStopword } from './stopwords.js';

const HOW_WORDS = new Set(['how', 'wie', 'quanto', 'quanta', 'quanti', 'quante', 'combien', 'cuanto', 'cuanta']);
const QUESTION_SHAPE_WORDS = new Set([
  'large',
  'big',
  'long',
  'high',
  'low',
  'many',
  'much',
  'far',
  'old',
  'often',
  'early',
  'late',
  'lange',
  'hoch',
  'gross',
  'weit',
  'alt',
  'oft',
  'viel',
  'viele',
  'grande',
  'alto',
  'lungo',
  'spesso',
]);

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
  /** Other index forms standing for the term, matched with less credit: the parts of a compound ("Solarpark" -> solar, park). */
  variants: string[];
  /** The term asks about readers' comments ("readers", "Leser", "lettori"): comment passages match it. */
  aboutReaders: boolean;
}

const READER_WORDS = [
  'reader',
  'readers',
  'commenter',
  'commenters',
  'comment',
  'comments',
  'commented',
  'leser',
  'kommentar',
  'kommentare',
  'kommentator',
  'lettore',
  'lettori',
  'commento',
  'commenti',
  'lecteur',
  'lecteurs',
  'commentaire',
  'lector',
  'lectores',
  'comentario',
];
const READER_STEMS = new Set(READER_WORDS.flatMap((w) => stemsInAllLanguages(w)));

/** Whether a text speaks of readers' comments ("Comments", "12 Kommentare", "Commenti dei lettori"). */
export function mentionsReaderComments(text: string): boolean {
  return wordTokens(foldText(text)).some((token) => stemsInAllLanguages(token).some((s) => READER_STEMS.has(s)));
}

/** Minimum stem length for prefix matching: shorter prefixes match too much. */
export const MIN_PREFIX_LENGTH = 5;

/**
 * Analyses a question into content terms, each with its stems in every stemmed language (the
 * question's language is only a guess, and names look alike across languages). Translations
 * are not guessed from a word list: questions in another language than the articles' are
 * answered through the multilingual embedding model.
 */
export function queryTerms(question: string): QueryTerm[] {
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
    terms.push({ surface: token, stems, variants: [], aboutReaders: stems.some((s) => READER_STEMS.has(s)) });
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
