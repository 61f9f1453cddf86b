import { UserFacingError } from '../core/errors.js';

/**
 * Reads a --since/--until value: a calendar date (YYYY-MM-DD, checked to exist) or a
 * relative English phrase such as "yesterday" or "3 days ago" (chrono-node), resolved against
 * today. Anything else is an error that names the option.
 */
export async function parseDateOption(option: string, value: string | undefined, now = new Date()): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const iso = trimmed.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (iso) {
    const date = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
    if (date.toISOString().slice(0, 10) === trimmed) return trimmed;
    throw new UserFacingError('bad_usage', `${option} "${value}" is not a real date (use YYYY-MM-DD, e.g. 2026-03-01)`);
  }
  // Loaded only when a phrase is given: the date parser is not needed for a plain question.
  const chrono = await import('chrono-node');
  const parsed = chrono.en.casual.parse(trimmed, now);
  if (parsed.length === 1 && parsed[0]!.text.length === trimmed.length) {
    const d = parsed[0]!.start.date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  throw new UserFacingError('bad_usage', `${option} "${value}" is not a date (use YYYY-MM-DD, or a phrase such as "yesterday" or "3 days ago")`);
}
