import { describe, expect, it } from 'vitest';
import { inPeriod, requestedPeriod } from '../../src/core/digest/period.js';
import { parseTimeOfDay } from '../../src/core/digest/timeOfDay.js';
import { isTimeZone, localParts, zonedDayStart } from '../../src/core/digest/zonedTime.js';

const at = (iso: string) => new Date(iso);

describe('the period of a digest', () => {
  it('counts a stated moment inside the period, and a stated day that overlaps it', () => {
    const period = { since: at('2026-11-02T12:00:00Z'), until: at('2026-11-03T12:00:00Z'), by: 'published' as const };
    const article = (published: string) => ({ published, ingestedAt: '2026-12-01T00:00:00Z' });
    expect(inPeriod(article('2026-11-02T13:00:00Z'), period)).toBe(true);
    expect(inPeriod(article('2026-11-02T11:59:00Z'), period)).toBe(false);
    expect(inPeriod(article('2026-11-03T12:00:01Z'), period)).toBe(false);
    expect(inPeriod(article('2026-11-02'), period)).toBe(true);
    expect(inPeriod(article('2026-11-03'), period)).toBe(true);
    expect(inPeriod(article('2026-11-01'), period)).toBe(false);
    expect(inPeriod(article('2026-11-04'), period)).toBe(false);
    expect(inPeriod(article('not a date'), period)).toBe(false);
  });

  it('for a scheduled digest, counts an article when it arrived (stored after its stated time), never more than a day late', () => {
    // The digest of 08:00 on 3 November covers what arrived since 08:00 on the 2nd.
    const period = { since: at('2026-11-02T08:00:00Z'), until: at('2026-11-03T08:00:00Z'), by: 'arrival' as const };
    // Stated 07:00 but stored at 09:00: after the previous digest, so in this one rather than lost between the two.
    expect(inPeriod({ published: '2026-11-02T07:00:00Z', ingestedAt: '2026-11-02T09:00:00Z' }, period)).toBe(true);
    expect(inPeriod({ published: '2026-11-02T07:00:00Z', ingestedAt: '2026-11-02T07:30:00Z' }, period)).toBe(false); // was in the previous one
    // An old article stored now is not news.
    expect(inPeriod({ published: '2026-10-20T07:00:00Z', ingestedAt: '2026-11-02T09:00:00Z' }, period)).toBe(false);
    // A stated day counts from when it was stored that day.
    expect(inPeriod({ published: '2026-11-02', ingestedAt: '2026-11-02T10:00:00Z' }, period)).toBe(true);
    expect(inPeriod({ published: '2026-11-03', ingestedAt: '2026-11-03T09:00:00Z' }, period)).toBe(false); // the next one's
  });

  it('reads days in the time zone asked, 24 hours by default', () => {
    const now = at('2026-11-05T10:00:00Z');
    expect(requestedPeriod({ now, timeZone: 'UTC' })).toEqual({ since: at('2026-11-04T10:00:00Z'), until: now, by: 'published' });
    const rome = requestedPeriod({ sinceDay: '2026-11-02', untilDay: '2026-11-03', now, timeZone: 'Europe/Rome' });
    expect(rome.since).toEqual(at('2026-11-01T23:00:00Z'));
    expect(rome.until).toEqual(at('2026-11-03T22:59:59.999Z'));
    expect(zonedDayStart('2026-03-29', 'Europe/Rome')).toEqual(at('2026-03-28T23:00:00Z')); // the night summer time starts
    expect(zonedDayStart('2026-03-30', 'Europe/Rome')).toEqual(at('2026-03-29T22:00:00Z'));
    expect(localParts(at('2026-11-05T23:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-11-06', time: '08:30' });
    expect(localParts(at('2026-11-05T03:30:00Z'), 'America/New_York')).toEqual({ date: '2026-11-04', time: '22:30' });
  });

  it('checks time zones and times of day', () => {
    expect(isTimeZone('Europe/Rome')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(parseTimeOfDay('8:05')).toBe('08:05');
    expect(parseTimeOfDay('23:59')).toBe('23:59');
    for (const bad of ['24:00', '12:60', '8', '8.00', 'noon', '08:00 pm']) expect(parseTimeOfDay(bad)).toBeNull();
  });
});
