/**
 * Calendar days as the question means them: local dates (YYYY-MM-DD) of the process's time
 * zone, as `--since/--until` phrases are read (src/cli/dateOption.ts), compared with stored
 * publication dates by their first ten characters.
 */

/** A date's local calendar day as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Noon of the same local day: day arithmetic at noon never crosses a day through a daylight-saving change. */
function noon(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), 12);
}

export function addDays(date: Date, days: number): Date {
  const d = noon(date);
  d.setDate(d.getDate() + days);
  return d;
}

/** The same day `months` months earlier or later (the month's last day when it has fewer days). */
export function addMonths(date: Date, months: number): Date {
  const d = noon(date);
  const day = d.getDate();
  d.setDate(1);
  d.setMonth(d.getMonth() + months);
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  d.setDate(Math.min(day, last));
  return d;
}

/** Monday of the week holding `date` (weeks start on Monday in all five answer languages' countries). */
export function startOfWeek(date: Date): Date {
  const d = noon(date);
  return addDays(d, -((d.getDay() + 6) % 7));
}

export function startOfMonth(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), 1, 12);
}

export function endOfMonth(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth() + 1, 0, 12);
}

export function startOfYear(date: Date): Date {
  return new Date(date.getFullYear(), 0, 1, 12);
}
