/**
 * Wall-clock dates and times in an IANA time zone (a server's), from Intl alone: what "every
 * day at 08:00" and "since 2026-11-02" mean where the server is.
 */

/** Whether Intl knows the zone ("Europe/Rome", "UTC"); anything else is refused before it is saved. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in a zone. */
export function localParts(instant: Date, zone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instant: Date, zone: string): number {
  const { date, time } = localParts(instant, zone);
  const wall = Date.parse(`${date}T${time}:00Z`);
  return wall - (instant.getTime() - (instant.getTime() % 60_000));
}

/** The instant a local day (YYYY-MM-DD) starts in a zone (its midnight, or the first minute after a gap). */
export function zonedDayStart(day: string, zone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // Twice: the offset at the first guess may differ from the one at the real midnight (a DST change between them).
  let guess = utcMidnight - offsetMs(new Date(utcMidnight), zone);
  guess = utcMidnight - offsetMs(new Date(guess), zone);
  return new Date(guess);
}

/** The day before or after a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
