import * as chrono from 'chrono-node';

/**
 * Publication dates stated by an article, in ISO form. Only what the source states: the
 * ingest time never poses as a publication date. Prose dates are read by chrono-node (a
 * maintained natural-language date parser) in the page's locale, so "03/04/2025" is
 * 4 March on a US page and 3 April on a British, German or Italian one.
 */

type ChronoParser = Pick<typeof chrono.en, 'parse'>;

/** English locales that write month before day in numeric dates. */
const MONTH_FIRST_LOCALES = /^en(-(us|ph|ca))?$/i;

/**
 * chrono's parser for a locale ("en-US", "de", "it-IT"). English without a region reads
 * numeric dates month-first (US usage, the most common on English pages without a region);
 * every other English region and language reads them day-first. Unknown languages use the
 * day-first English parser, which still reads English month names.
 */
const PARSER_BY_LANGUAGE: Record<string, ChronoParser | undefined> = {
  de: chrono.de,
  fr: chrono.fr,
  it: chrono.it,
  es: chrono.es,
  pt: chrono.pt,
  nl: chrono.nl,
  ru: chrono.ru,
  sv: chrono.sv,
  fi: chrono.fi,
  uk: chrono.uk,
  ja: chrono.ja,
  zh: chrono.zh,
  vi: chrono.vi,
  id: chrono.id,
};

function parserFor(locale: string | null | undefined): ChronoParser {
  const tag = (locale ?? '').trim().replace('_', '-').toLowerCase();
  const language = tag.slice(0, 2);
  if (language === 'en' || language === '') return MONTH_FIRST_LOCALES.test(tag) ? chrono.en.strict : chrono.en.GB;
  return PARSER_BY_LANGUAGE[language] ?? chrono.en.GB;
}

/** Month names of other languages than the page's still count ("5. Juli 2017" quoted on an English page). */
const FALLBACK_PARSERS: ChronoParser[] = [chrono.en.GB, chrono.de, chrono.it, chrono.fr, chrono.es, chrono.pt, chrono.nl];

function parsersFor(locale: string | null | undefined): ChronoParser[] {
  const primary = parserFor(locale);
  return [primary, ...FALLBACK_PARSERS.filter((p) => p !== primary)];
}

/** Reference for chrono's relative expressions; only complete dates are kept, so it never shows. */
const REFERENCE_DATE = new Date(Date.UTC(2000, 0, 1));

/** A date with day, month and year all stated ("July 2017" or "Monday" are not publication dates). */
function isComplete(result: chrono.ParsedResult): boolean {
  return result.start.isCertain('year') && result.start.isCertain('month') && result.start.isCertain('day');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function plausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2200;
}

/**
 * The first complete calendar date (day, month and year all stated) in a piece of prose,
 * as YYYY-MM-DD. Relative expressions ("yesterday", "2 days ago") are not publication dates.
 */
export function parseProseDate(text: string, locale?: string | null): string | null {
  for (const parser of parsersFor(locale)) {
    for (const result of parser.parse(text.slice(0, 2000), REFERENCE_DATE)) {
      if (!isComplete(result)) continue;
      const start = result.start;
      const year = start.get('year')!;
      if (!plausibleYear(year)) continue;
      return `${year}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`;
    }
  }
  return null;
}

/** Normalises a machine-readable date (meta tag, JSON-LD, feed) to ISO; null when unparseable. */
export function normalizeStatedDate(value: unknown, locale?: string | null): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim().slice(0, 200);
  if (!trimmed) return null;
  // A full ISO timestamp is kept as stated: converting to UTC could move the day.
  const timestamp = trimmed.match(/^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/);
  if (timestamp && plausibleYear(Number(timestamp[1])) && !Number.isNaN(new Date(trimmed.replace(' ', 'T')).getTime())) return trimmed.replace(' ', 'T');
  const prose = parseProseDate(trimmed, locale);
  if (prose) return prose;
  // RFC 822 dates in RSS ("Wed, 05 Jul 2017 10:00:00 +0000") and other forms Date reads.
  if (!/\b\d{4}\b/.test(trimmed)) return null; // Date() would invent a year for "2 March"
  const parsed = new Date(trimmed);
  if (Number.isNaN(parsed.getTime()) || !plausibleYear(parsed.getUTCFullYear())) return null;
  return parsed.toISOString().slice(0, 10);
}

/** Words that may stand around a date in a dateline ("Published on", "Updated:", "| 4:10pm"). */
const DATELINE_FILLER =
  /[\s,.|·\-–—:;/()]|\b(posted|published|updated|pubblicato|aggiornato|veröffentlicht|aktualisiert|publié|publicado|actualizado|mis à jour|on|am|um|il|del|vom|le|el|at|de|à|alle|ore|uhr|[ap]\.?m\.?|[A-Z]{2,4}T?|\d{1,2}:\d{2}(:\d{2})?)\b/gi;

/** Whether a line is nothing but a date (a dateline), so it belongs to the metadata, not the body. */
export function isDateLine(line: string, locale?: string | null): boolean {
  if (line.length > 120) return false;
  // The first parser (page locale first) that finds a complete date decides; the others are not run.
  for (const parser of parsersFor(locale)) {
    const results = parser.parse(line, REFERENCE_DATE);
    if (!results.some(isComplete)) continue;
    let rest = line;
    for (const r of results) rest = rest.replace(r.text, '');
    // Weekday and month names left over from a partly matched date count as filler too.
    return rest.replace(DATELINE_FILLER, '').replace(/\d+/g, '').length < 12;
  }
  return false;
}
