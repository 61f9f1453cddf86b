import { describe, expect, it } from 'vitest';
import { isDateLine, normalizeStatedDate, parseProseDate } from '../../ingest/extract/dates.js';

describe('dates', () => {
  it.each([
    ['05 July 2017', '2017-07-05'],
    ['05 Jul 2017', '2017-07-05'],
    ['July 5, 2017', '2017-07-05'],
    ['5. Juli 2017', '2017-07-05'],
    ['3 febbraio 2026', '2026-02-03'],
    ['12. März 2026', '2026-03-12'],
    ['2026-05-14', '2026-05-14'],
    ['14.08.2026', '2026-08-14'],
  ])('parses %s', (text, expected) => {
    expect(parseProseDate(text)).toBe(expected);
  });

  it('rejects impossible dates and text without dates', () => {
    expect(parseProseDate('31 February 2020')).toBeNull();
    expect(parseProseDate('Mitte 2016 hatte man')).toBeNull();
    expect(parseProseDate('1 giorno ago')).toBeNull();
  });

  it('normalises feed and meta dates, keeping the stated time zone', () => {
    expect(normalizeStatedDate('Wed, 05 Jul 2017 10:00:00 +0000')).toBe('2017-07-05');
    expect(normalizeStatedDate('2026-10-06T18:05:00+02:00')).toBe('2026-10-06T18:05:00+02:00');
    expect(normalizeStatedDate('not a date')).toBeNull();
    expect(normalizeStatedDate(undefined)).toBeNull();
  });

  it('recognises datelines', () => {
    expect(isDateLine('05 July 2017')).toBe(true);
    expect(isDateLine('Pubblicato il 3 febbraio 2026')).toBe(true);
    expect(isDateLine('On 5 July 2017 the companies signed a deal worth millions.')).toBe(false);
  });
});
