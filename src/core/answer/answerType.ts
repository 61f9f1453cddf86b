/**
 * What kind of answer a question asks for, read from its question words in en, de, it, fr
 * and es, and whether a sentence contains something of that kind. A sentence that contains
 * a number when asked "how much", a date when asked "when" or a named place when asked
 * "where" is more likely the answer.
 */
export type AnswerType = 'quantity' | 'time' | 'person' | 'place' | null;

const QUANTITY =
  /\b(how (much|many|large|big|long|high|low|far|old)|what (price|amount|percentage)|wie (viel|viele|lange|hoch|gro(ss|ß)|weit|alt)|wieviel|quant[oaie]|di quanto|combien|cu[aá]nt[oa]s?)\b/i;
const TIME = /\b(when|since when|until when|what time|what date|wann|seit wann|bis wann|ab wann|quando|da quando|fino a quando|quand|cu[aá]ndo)\b/i;
const PERSON = /\b(who|whom|wer|wem|wen|chi|qui|qui[eé]n)\b/i;
// Letter-based boundaries: \b is ASCII-only and would not end "où" or start "dónde".
const PLACE = /(?<!\p{L})(where|wo|wohin|woher|dove|où|d'où|d[oó]nde|ad[oó]nde)(?!\p{L})/iu;

/** "Which/what" before a noun (en, de, it, fr, es): "in which year", "welche Stadt", "quale percentuale". */
const WHICH = 'which|what|welche|welcher|welches|welchem|welchen|quale|quali|qual|che|quel|quelle|quels|quelles|qué|que|cuál|cuáles';
/** Nouns that name the kind of answer after "which/what". */
const KIND_NOUNS: Array<[Exclude<AnswerType, null>, string]> = [
  [
    'time',
    'year|years|date|day|month|century|decade|jahr|jahren|datum|tag|monat|jahrhundert|jahrzehnt|anno|anni|data|giorno|mese|secolo|decennio|année|an|jour|mois|siècle|décennie|año|años|fecha|día|mes|siglo|década',
  ],
  [
    'place',
    'country|city|town|region|state|place|continent|island|province|land|stadt|ort|staat|insel|provinz|paese|città|regione|stato|luogo|isola|provincia|nazione|pays|ville|région|état|lieu|île|país|ciudad|región|estado|lugar|isla',
  ],
  [
    'quantity',
    'percentage|percent|share|number|amount|proportion|price|fraction|prozent|anteil|zahl|anzahl|menge|preis|percentuale|numero|quota|quantità|prezzo|proporzione|pourcentage|quantité|prix|porcentaje|número|cantidad|precio|proporción',
  ],
];
const KIND_AFTER_WHICH = KIND_NOUNS.map(([type, nouns]) => [type, new RegExp(`(?<!\\p{L})(?:${WHICH})\\s+(?:${nouns})(?!\\p{L})`, 'iu')] as const);

export function answerTypeOf(question: string): AnswerType {
  for (const [type, pattern] of KIND_AFTER_WHICH) if (pattern.test(question)) return type;
  if (TIME.test(question)) return 'time';
  if (QUANTITY.test(question)) return 'quantity';
  if (PERSON.test(question)) return 'person';
  if (PLACE.test(question)) return 'place';
  return null;
}

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|décembre|enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre';
const WEEKDAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo';
const TIME_EXPRESSION = new RegExp(
  `\\b(${MONTHS}|${WEEKDAYS}|today|yesterday|tomorrow|heute|gestern|morgen|oggi|ieri|domani|uhr|o'clock)\\b|\\b(19|20)\\d{2}\\b|\\b\\d{1,2}[:.]\\d{2}\\b`,
  'iu',
);

/** Words for "in/at/near/from/to" (en, de, it, fr, es) that put a name after them as a place. */
const PLACE_PREPOSITIONS =
  'in|at|near|from|inside|outside|across|im|bei|nach|aus|am|vor|nahe|a|ad|nel|nella|nello|nei|negli|nelle|presso|vicino a|da|dal|dalla|à|au|aux|en|dans|près de|vers|cerca de|desde|junto a';
const ARTICLES = "the|der|die|dem|den|des|il|lo|la|le|i|gli|l'|el|los|las|les";
// Case-sensitive, so that the name must be capitalised: the prepositions are listed in both cases.
const PREPOSITION_FORMS = PLACE_PREPOSITIONS.split('|')
  .flatMap((p) => [p, p.charAt(0).toUpperCase() + p.slice(1)])
  .join('|');
const NAME_AFTER_PREPOSITION = new RegExp(`(?<!\\p{L})(?:${PREPOSITION_FORMS})\\s+(?:(?:${ARTICLES})\\s*)?(\\p{Lu}\\p{L}+)`, 'gu');
const CALENDAR_WORD = new RegExp(`^(?:${MONTHS}|${WEEKDAYS})$`, 'iu');

/** A capitalised name after a place preposition ("in Rotterdam", "nach Basel", "à Lyon"), months and weekdays aside. */
function hasNamedPlace(sentence: string): boolean {
  for (const match of sentence.matchAll(NAME_AFTER_PREPOSITION)) if (!CALENDAR_WORD.test(match[1]!)) return true;
  return false;
}

export function sentenceHasAnswerType(sentence: string, type: AnswerType): boolean {
  switch (type) {
    case 'quantity':
      return /\d/.test(sentence) || /\b(half|third|quarter|twice|double|tripled|doubled|hälfte|drittel|viertel|fünftel|metà|terzo|quarto)\b/iu.test(sentence);
    case 'time':
      return TIME_EXPRESSION.test(sentence);
    case 'person':
      // Two capitalised words in a row after the first word: a name.
      return /\s\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+/u.test(sentence);
    case 'place':
      return hasNamedPlace(sentence);
    default:
      return false;
  }
}
