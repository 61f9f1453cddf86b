/**
 * Publication dates stated by an article, in ISO form. Only what the source states:
 * the ingest time never poses as a publication date.
 */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['january', 'jan', 'januar', 'jänner', 'gennaio', 'gen', 'janvier', 'janv', 'enero', 'ene'],
  ['february', 'feb', 'februar', 'febbraio', 'février', 'fevrier', 'févr', 'febrero'],
  ['march', 'mar', 'märz', 'marz', 'maerz', 'marzo', 'mars'],
  ['april', 'apr', 'aprile', 'avril', 'avr', 'abril', 'abr'],
  ['may', 'mai', 'maggio', 'mag', 'mayo'],
  ['june', 'jun', 'juni', 'giugno', 'giu', 'juin', 'junio'],
  ['july', 'jul', 'juli', 'luglio', 'lug', 'juillet', 'juil', 'julio'],
  ['august', 'aug', 'agosto', 'ago', 'août', 'aout'],
  ['september', 'sep', 'sept', 'settembre', 'set', 'septembre', 'septiembre'],
  ['october', 'oct', 'oktober', 'okt', 'ottobre', 'ott', 'octobre', 'octubre'],
  ['november', 'nov', 'novembre', 'noviembre'],
  ['december', 'dec', 'dezember', 'dez', 'dicembre', 'dic', 'décembre', 'decembre', 'diciembre'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));

const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\.?\\s+(?:de\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/;
const NUMERIC_DMY = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/;

/** Finds the first stated date in a piece of prose ("05 July 2017", "5. Juli 2017", "July 5, 2017", "2017-07-05"). */
export function parseProseDate(text: string): string | null {
  let m = text.match(ISO_DATE);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = text.match(DAY_MONTH_YEAR);
  if (m) return iso(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
  m = text.match(MONTH_DAY_YEAR);
  if (m) return iso(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
  m = text.match(NUMERIC_DMY);
  // European day-first order: the seeds and target outlets are en-GB, de and it.
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** Normalises a machine-readable date (meta tag, JSON-LD, feed) to ISO; null when unparseable. */
export function normalizeStatedDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const prose = parseProseDate(trimmed);
  // A full ISO timestamp is kept as stated: converting to UTC could move the day.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(trimmed) && !Number.isNaN(new Date(trimmed).getTime())) return trimmed.replace(' ', 'T');
  if (prose) return prose;
  const parsed = new Date(trimmed); // RFC 822 dates in RSS: "Wed, 05 Jul 2017 10:00:00 +0000"
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

/** Whether a line is nothing but a date (a dateline), so it can be dropped from the body. */
export function isDateLine(line: string): boolean {
  const date = parseProseDate(line);
  if (!date) return false;
  const rest = line.replace(DAY_MONTH_YEAR, '').replace(MONTH_DAY_YEAR, '').replace(ISO_DATE, '').replace(NUMERIC_DMY, '');
  return rest.replace(/[\s,.|·\-–—:]|posted|published|updated|pubblicato|aggiornato|veröffentlicht|aktualisiert|publié|publicado|on|am|il|del|vom|le|el/gi, '').length < 4;
}
