import type { DeskSource } from '../../core/ports/newsDesks.js';
import { IngestLockedError } from '../../store/errors.js';
import type { BotContext } from '../command.js';
import { escapeMarkdown } from '../escapeMarkdown.js';
import { newErrorId } from '../failureReply.js';

/** Problems named one by one in the reply at most. */
const MAX_PROBLEMS = 5;

/**
 * Reads newly added sources at once, one after the other, and says how it went in a few lines
 * for the (private) reply: articles now held, and why a source or some of its articles could
 * not be read. Never throws: the sources stay added whatever happens, and are polled later.
 */
export async function readNow(context: BotContext, sources: readonly DeskSource[]): Promise<string> {
  const problems: string[] = [];
  for (const source of sources) {
    const prefix = sources.length > 1 ? `${source.title ?? source.url}: ` : '';
    problems.push(...(await readOne(context, source)).map((p) => `${prefix}${p}`));
  }
  const counts = await context.kb.store.articleCounts([...new Set(sources.map((s) => s.url))]);
  const held = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const lines = [`Read: ${held} article${held === 1 ? '' : 's'} now held from ${sources.length === 1 ? 'it' : `these ${sources.length} sources`}.`];
  for (const problem of problems.slice(0, MAX_PROBLEMS)) lines.push(`- ${escapeMarkdown(problem.slice(0, 300))}`);
  if (problems.length > MAX_PROBLEMS) lines.push(`- … and ${problems.length - MAX_PROBLEMS} more problems`);
  return lines.join('\n');
}

/** The problems reading one source met (none when it went well). */
async function readOne(context: BotContext, source: DeskSource): Promise<string[]> {
  try {
    return (await context.desks.reading.readNew(source)).errors;
  } catch (error) {
    if (error instanceof IngestLockedError) return ['other ingests kept the store busy; it is read at its next poll'];
    const errorId = newErrorId();
    context.logger.error({ err: error, errorId, guild: source.guildId, source: source.id }, 'reading a new desk source failed');
    return [`reading failed (error id ${errorId}); it stays added and is retried at its next poll`];
  }
}
