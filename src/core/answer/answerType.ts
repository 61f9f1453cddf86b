/**
 * What kind of answer a question asks for, read from its question words in en, de, it, fr
 * and es, and whether a sentence contains something of that kind. A sentence that contains
 * a number when asked "how much", or a date when asked "when", is more likely the answer.
 */
export type AnswerType = 'quantity' | 'time' | 'person' | null;

const QUANTITY = /\b(how (much|many|large|big|long|high|low|far|old)|what (price|amount|percentage)|wie (viel|viele|lange|hoch|gro(ss|ß)|weit|alt)|wieviel|quant[oaie]|di quanto|combien|cu[aá]nt[oa]s?)\b/i;
const TIME = /\b(when|since when|until when|what time|what date|wann|seit wann|bis wann|ab wann|quando|da quando|fino a quando|quand|cu[aá]ndo)\b/i;
const PERSON = /\b(who|whom|wer|wem|wen|chi|qui|qui[eé]n)\b/i;

export function answerTypeOf(question: string): AnswerType {
  if (TIME.test(question)) return 'time';
  if (QUANTITY.test(question)) return 'quantity';
  if (PERSON.test(question)) return 'person';
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

export function sentenceHasAnswerType(sentence: string, type: AnswerType): boolean {
  switch (type) {
    case 'quantity':
      return /\d/.test(sentence) || /\b(half|third|quarter|twice|double|tripled|doubled|hälfte|drittel|viertel|fünftel|metà|terzo|quarto)\b/iu.test(sentence);
    case 'time':
      return TIME_EXPRESSION.test(sentence);
    case 'person':
      // Two capitalised words in a row after the first word: a name.
      return /\s\p{Lu}\p{Ll}+\s\p{Lu}\p{Ll}+/u.test(sentence);
    default:
      return false;
  }
}
