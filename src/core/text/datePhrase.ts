/**
 * A date as people type it: a calendar date (YYYY-MM-DD, checked to exist) or a relative
 * English phrase such as "yesterday" or "3 days ago" (chrono-node), resolved against `now`.
 * Returns the day (YYYY-MM-DD), 'invalid' for a YYYY-MM-DD that does not exist, or null for
 * anything else; callers word the refusal for where it was typed (a CLI option, a Discord option).
 */
export async function parseDatePhrase(value: string, now = new Date()): Promise<string | 'invalid' | null> {
  const trimmed = value.trim();
  const iso = trimmed.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (iso) {
    const date = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
    return date.toISOString().slice(0, 10) === trimmed ? trimmed : 'invalid';
  }
  // Loaded only when a phrase is given: the date parser is not needed for a plain question.
  const chrono = await import('chrono-node');
  const parsed = chrono.en.casual.parse(trimmed, now);
  if (parsed.length === 1 && parsed[0]!.text.length === trimmed.length) {
    const d = parsed[0]!.start.date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  return null;
}
