import { UserFacingError } from '../core/errors.js';
import { parseDatePhrase } from '../core/text/datePhrase.js';

/**
 * Reads a --since/--until value: a calendar date (YYYY-MM-DD, checked to exist) or a
 * relative English phrase such as "yesterday" or "3 days ago" (chrono-node), resolved against
 * today. Anything else is an error that names the option.
 */
export async function parseDateOption(option: string, value: string | undefined, now = new Date()): Promise<string | undefined> {
  if (value === undefined) return undefined;
  const day = await parseDatePhrase(value, now);
  if (day === 'invalid') throw new UserFacingError('bad_usage', `${option} "${value}" is not a real date (use YYYY-MM-DD, e.g. 2026-03-01)`);
  if (day === null)
    throw new UserFacingError('bad_usage', `${option} "${value}" is not a date (use YYYY-MM-DD, or a phrase such as "yesterday" or "3 days ago")`);
  return day;
}
