/** A time of day as typed ("8:00", "08:00", "23:59") in the form schedules store and compare (HH:MM, 24 h); null when it is none. */
export function parseTimeOfDay(text: string): string | null {
  const match = text.trim().match(/^(\d{1,2}):(\d{2})$/);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}
