/**
 * The period words chrono-node does not read (or reads as a point in time) in some of the
 * five answer languages, per language: "this week", "the last three days", "la semana
 * pasada", "ces trois derniers jours", "the day before yesterday". Explicit dates, weekdays,
 * "today" and "yesterday" are left to chrono (period.ts); the connectors here say whether such
 * a date starts or ends the period ("since Monday", "fino a giovedì").
 *
 * Patterns are matched whole-word and case-insensitively, with apostrophes unified to '.
 * `lastUnits` patterns have the named groups `n` (a number, optional: one unit when
 * absent) and `unit`.
 */
export type Unit = 'hour' | 'day' | 'week' | 'month';

export interface PeriodWords {
  thisWeek: string;
  thisMonth: string;
  thisYear: string;
  dayBeforeYesterday: string;
  /** "the last 3 days", "past week", "seit drei Tagen": from that long ago until now. */
  lastUnits: string[];
  /** Unit words: their unit, and whether plural (a plural without a number: PLURAL_WITHOUT_NUMBER). */
  units: Record<string, [Unit, boolean]>;
  /** Number words up to twelve, and "a few" read as three (digits are read as digits). */
  numbers: Record<string, number>;
  /** Words before a date that make it the period's start ("since", "seit", "da", "depuis", "desde"). */
  since: string;
  /** Words before a date that make it the period's end ("until", "bis", "fino a", "jusqu'à", "hasta"). */
  until: string;
  /** Articles and the like between a connector and the date ("since THE 3rd", "desde EL lunes"). */
  articles: string;
}

/** "the last days" without a number: how many units that reads as (a few days; a month; a quarter). */
export const PLURAL_WITHOUT_NUMBER: Record<Unit, number> = { hour: 24, day: 7, week: 4, month: 3 };

const units = (entries: Array<[Unit, string[], string[]]>): Record<string, [Unit, boolean]> =>
  Object.fromEntries(entries.flatMap(([unit, singular, plural]) => [...singular.map((w) => [w, [unit, false]]), ...plural.map((w) => [w, [unit, true]])]));

const numbers = (words: string[][]): Record<string, number> => Object.fromEntries(words.flatMap((forms, i) => forms.map((w) => [w, i + 1])));

export const PERIOD_WORDS: Record<string, PeriodWords> = {
  en: {
    thisWeek: '(?:so far )?this (?:past )?week',
    thisMonth: '(?:so far )?this month',
    thisYear: '(?:so far )?this year',
    dayBeforeYesterday: '(?:the )?day before yesterday',
    lastUnits: ['(?:in |over |during |for |within )?(?:the )?(?:last|past|previous) (?:(?<n>N) )?(?<unit>U)'],
    units: units([
      ['hour', ['hour'], ['hours']],
      ['day', ['day'], ['days']],
      ['week', ['week'], ['weeks']],
      ['month', ['month'], ['months']],
    ]),
    numbers: numbers([
      ['one', 'a'],
      ['two', 'couple of'],
      ['three', 'few', 'several'],
      ['four'],
      ['five'],
      ['six'],
      ['seven'],
      ['eight'],
      ['nine'],
      ['ten'],
      ['eleven'],
      ['twelve'],
    ]),
    since: 'since|from|starting',
    until: 'until|till|up to|through',
    articles: 'the',
  },
  de: {
    thisWeek: '(?:in )?diese[rn]? woche',
    thisMonth: '(?:in )?diese[mn]? monat',
    thisYear: '(?:in )?diese[ms]? jahr',
    dayBeforeYesterday: 'vorgestern',
    lastUnits: [
      '(?:in |während |im laufe |innerhalb )?(?:der |den |des |im )?(?:letzten|vergangenen|letzte|vergangene|letzter|vergangener|letztes|vergangenes) (?:(?<n>N) )?(?<unit>U)',
      '(?:schon )?seit (?:(?<n>N) )(?<unit>U)',
    ],
    units: units([
      ['hour', ['stunde'], ['stunden']],
      ['day', ['tag', 'tages'], ['tage', 'tagen']],
      ['week', ['woche'], ['wochen']],
      ['month', ['monat', 'monats'], ['monate', 'monaten']],
    ]),
    numbers: numbers([
      ['ein', 'eine', 'einer', 'einem', 'einen'],
      ['zwei'],
      ['drei', 'paar', 'einigen', 'wenigen'],
      ['vier'],
      ['fünf'],
      ['sechs'],
      ['sieben'],
      ['acht'],
      ['neun'],
      ['zehn'],
      ['elf'],
      ['zwölf'],
    ]),
    since: 'seit|ab',
    until: 'bis|bis zum|bis zur|bis am',
    articles: 'dem|den|der|letztem|letzten|vergangenem|vergangenen',
  },
  it: {
    thisWeek: '(?:in )?questa settimana|in settimana',
    thisMonth: '(?:in )?questo mese',
    thisYear: "(?:in )?quest'anno|(?:in )?questo anno",
    dayBeforeYesterday: "l'altro ieri|l'altroieri|altroieri|ieri l'altro",
    lastUnits: [
      "(?:in |negli |nelle |nell'|nel |durante |(?:gli |le |l'|il |la ))?(?:ultim[ioae]|scors[ioae]|passat[ioae]) (?:(?<n>N) )?(?<unit>U)",
      '(?:in |nella |nel |negli |nelle |la |il |gli |le |i )?(?:(?<n>N) )?(?<unit>U) (?:scors[ioae]|passat[ioae])',
      'da (?:(?<n>N) )(?<unit>U)',
    ],
    units: units([
      ['hour', ['ora'], ['ore']],
      ['day', ['giorno'], ['giorni']],
      ['week', ['settimana'], ['settimane']],
      ['month', ['mese'], ['mesi']],
    ]),
    numbers: numbers([
      ['un', 'uno', 'una'],
      ['due'],
      ['tre', 'pochi', 'alcuni', 'poche', 'alcune'],
      ['quattro'],
      ['cinque'],
      ['sei'],
      ['sette'],
      ['otto'],
      ['nove'],
      ['dieci'],
      ['undici'],
      ['dodici'],
    ]),
    since: "da|dal|dallo|dalla|dall'|a partire da|a partire dal|a partire dalla|a partire dall'",
    until: "fino a|fino al|fino alla|fino all'|entro|entro il|entro la",
    articles: "il|lo|la|l'",
  },
  fr: {
    thisWeek: 'cette semaine',
    thisMonth: 'ce mois(?:-ci)?',
    thisYear: 'cette année',
    dayBeforeYesterday: 'avant-hier|avant hier',
    lastUnits: [
      '(?:au cours |pendant |durant |dans |depuis )?(?:des |les |ces |la |le |cette |ce )?(?:(?<n>N) )?derni(?:ers|ères|er|ère) (?<unit>U)',
      '(?:la |le |cette |ce |les |ces )?(?:(?<n>N) )?(?<unit>U) (?:derni(?:er|ère|ers|ères)|passé(?:e|s|es)?|écoulé(?:e|s|es)?)',
      'depuis (?:(?<n>N) )(?<unit>U)',
    ],
    units: units([
      ['hour', ['heure'], ['heures']],
      ['day', ['jour'], ['jours']],
      ['week', ['semaine'], ['semaines']],
      ['month', ['mois'], []],
    ]),
    numbers: numbers([
      ['un', 'une'],
      ['deux'],
      ['trois', 'quelques'],
      ['quatre'],
      ['cinq'],
      ['six'],
      ['sept'],
      ['huit'],
      ['neuf'],
      ['dix'],
      ['onze'],
      ['douze'],
    ]),
    since: "depuis|à partir d[eu]|à partir d'|dès",
    until: "jusqu'à|jusqu'au|jusqu'a",
    articles: 'le|la|l',
  },
  es: {
    thisWeek: 'esta semana',
    thisMonth: 'este mes',
    thisYear: 'este año',
    dayBeforeYesterday: 'anteayer|antes de ayer|antier',
    lastUnits: [
      '(?:en |durante )?(?:los |las |el |la |este |esta |estos |estas )?(?:últim[oa]s?|pasad[oa]s?) (?:(?<n>N) )?(?<unit>U)',
      '(?:la |el |los |las )?(?:(?<n>N) )?(?<unit>U) pasad[oa]s?',
      // "desde hace tres días" (without "desde", "hace tres días" is a day, read by chrono)
      'desde hace (?:(?<n>N) )(?<unit>U)',
    ],
    units: units([
      ['hour', ['hora'], ['horas']],
      ['day', ['día', 'dia'], ['días', 'dias']],
      ['week', ['semana'], ['semanas']],
      ['month', ['mes'], ['meses']],
    ]),
    numbers: numbers([
      ['un', 'uno', 'una'],
      ['dos'],
      ['tres', 'unos', 'unas', 'algunos', 'algunas', 'pocos', 'pocas'],
      ['cuatro'],
      ['cinco'],
      ['seis'],
      ['siete'],
      ['ocho'],
      ['nueve'],
      ['diez'],
      ['once'],
      ['doce'],
    ]),
    since: 'desde|a partir de|a partir del',
    until: 'hasta',
    articles: 'el|la|los|las',
  },
};
