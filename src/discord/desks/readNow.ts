import type { DeskSource } from '../../core/ports/newsDesks.js';
import { IngestLockedError } from '../../store/errors.js';
import type { BotContext } from '../command.js';
import { escapeMarkdown } from '../escapeMarkdown.js';
import { newErrorId } from '../failureReply.js';
import { shortReason } from '../reingestReport.js';
import { sourceShown } from '../statusReport.js';

/**
 * Reads newly added sources at once and says how it went, in one sentence for the reply:
 * articles now held, and why a source could not be read. Never throws: the source stays
 * added whatever happens, and the poller reads it again later.
 */
export async function readNow(context: BotContext, sources: readonly DeskSource[]): Promise<string> {
  if (sources.length === 0) return '';
  try {
    const summary = await context.desks.ingest(sources);
    const urls = new Set(sources.map((s) => s.url));
    const counts = await context.kb.store.articleCounts([...urls]);
    const held = [...counts.values()].reduce((sum, n) => sum + n, 0);
    const failed = summary.failedSources.filter((f) => urls.has(f.source));
    const failures = failed.map((f) => `${sources.length > 1 ? `${sourceShown(f.source)}: ` : ''}${escapeMarkdown(shortReason(f.reason))}`);
    const read = `Read: ${held} article${held === 1 ? '' : 's'} now held from ${sources.length === 1 ? 'it' : `these ${sources.length} sources`}.`;
    return failed.length > 0 ? `${read} Could not be read: ${failures.join('; ')} (retried at the next poll).` : read;
  } catch (error) {
    if (error instanceof IngestLockedError) return 'Another ingest is running right now; the source will be read at its next poll.';
    const errorId = newErrorId();
    context.logger.error({ err: error, errorId }, 'reading a new desk source failed');
    return `Reading it failed (error id ${errorId}); it stays added and is retried at the next poll.`;
  }
}
