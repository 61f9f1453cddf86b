import type { DatedArticle, DayRange } from '../ports/digests.js';
import { addDays, zonedDayStart } from './zonedTime.js';

const DAY_MS = 86_400_000;

/**
 * The period a digest covers. By 'published' (a digest asked for): an article is in it when
 * its stated publication is. By 'arrival' (a scheduled digest, covering what came since the
 * last one): when the bot could first have had it, i.e. its stated time, or later when it was
 * stored later, but never more than a day after it (an old article stored late is not news),
 * so an article stored an hour after its stated time is in the next digest, not lost between two.
 */
export interface DigestPeriod {
  since: Date;
  until: Date;
  by: 'published' | 'arrival';
}

/** The stated publication as an instant range: a timestamp is a moment, a date the whole (UTC) day. */
function statedRange(published: string): { start: number; end: number } | null {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(published);
  const start = Date.parse(dateOnly ? `${published}T00:00:00Z` : published);
  if (Number.isNaN(start)) return null;
  return { start, end: dateOnly ? start + DAY_MS : start };
}

/** Whether an article belongs to the period (false for a date that cannot be read). */
export function inPeriod(article: Pick<DatedArticle, 'published' | 'ingestedAt'>, period: DigestPeriod): boolean {
  const stated = statedRange(article.published);
  if (!stated) return false;
  const since = period.since.getTime();
  const until = period.until.getTime();
  // A stated day overlapping the period counts; a stated moment must fall inside it.
  if (period.by === 'published') return stated.start <= until && (stated.end > stated.start ? stated.end > since : stated.start >= since);
  const stored = Date.parse(article.ingestedAt);
  const arrival = Math.min(Math.max(Number.isNaN(stored) ? stated.start : stored, stated.start), stated.start + DAY_MS);
  return arrival > since && arrival <= until;
}

/** The stated days the store is asked for: wide enough for any zone's offset and a day's late arrival; inPeriod decides. */
export function candidateDays(period: DigestPeriod): DayRange {
  const lateArrival = period.by === 'arrival' ? 1 : 0;
  return {
    fromDay: addDays(period.since.toISOString().slice(0, 10), -1 - lateArrival),
    toDay: addDays(period.until.toISOString().slice(0, 10), 1),
  };
}

/**
 * The period of a digest asked for: from the start of `sinceDay` (else 24 hours before now)
 * to the end of `untilDay` (else now), days as the zone counts them.
 */
export function requestedPeriod(options: { sinceDay?: string; untilDay?: string; now: Date; timeZone: string }): DigestPeriod {
  const since = options.sinceDay ? zonedDayStart(options.sinceDay, options.timeZone) : new Date(options.now.getTime() - DAY_MS);
  const until = options.untilDay ? new Date(zonedDayStart(addDays(options.untilDay, 1), options.timeZone).getTime() - 1) : options.now;
  return { since, until, by: 'published' };
}
