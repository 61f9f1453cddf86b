import { resolveSourceSpecs } from '../../ingest/sources/sourceSpecs.js';
import type { Config } from '../app/config.js';
import type { IngestRun, SourceStatus } from '../core/ports/knowledgeStore.js';
import type { SearchScope } from '../core/ports/newsDesks.js';
import type { BotContext } from './command.js';
import { escapeMarkdown, safeLink } from './escapeMarkdown.js';

/** A source as /status names it: a link that cannot embed or break out of its brackets, else inert text. */
export function sourceShown(sourceId: string): string {
  const link = /^https?:/i.test(sourceId) ? safeLink(sourceId) : null;
  return link ? `<${link}>` : escapeMarkdown(sourceId);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return [d ? `${d}d` : '', h ? `${h}h` : '', `${m}m`, d || h ? '' : `${s % 60}s`].filter(Boolean).join(' ');
}

/** Sources listed one by one at most (a message holds 2,000 characters). */
const MAX_SOURCE_LINES = 8;

/**
 * How the web sources are doing: the count read fine at their last try, and each one that is
 * failing with its failures in a row, last error and next attempt (ingests skip it until then).
 */
export function sourceHealthLines(statuses: SourceStatus[], now = Date.now()): string[] {
  if (statuses.length === 0) return [];
  const failing = statuses.filter((s) => s.consecutiveFailures > 0);
  const lines = [`Web sources: ${statuses.length - failing.length} fine at their last read · ${failing.length} failing`];
  for (const s of failing.slice(0, MAX_SOURCE_LINES)) {
    const next = s.nextAttemptAt && Date.parse(s.nextAttemptAt) > now ? `backing off, next attempt after ${s.nextAttemptAt}` : 'retried at the next ingest';
    const lastOk = s.lastSuccessAt ? `last success ${s.lastSuccessAt}` : 'never read successfully';
    lines.push(
      `- ${sourceShown(s.sourceId)}: ${s.consecutiveFailures} failed read${s.consecutiveFailures === 1 ? '' : 's'} in a row (last error: ${escapeMarkdown(s.lastError ?? 'unknown')}, at ${s.lastErrorAt ?? '?'}; ${lastOk}); ${next}`,
    );
  }
  if (failing.length > MAX_SOURCE_LINES) lines.push(`- ... and ${failing.length - MAX_SOURCE_LINES} more failing`);
  return lines;
}

/** The sources configured now: a source taken out of the configuration keeps its record but is not reported. Null when unreadable. */
function configuredSourceIds(config: Config): Set<string> | null {
  try {
    return new Set(resolveSourceSpecs({ configured: config.sources, sourcesFile: config.sourcesFile }).map((s) => s.id));
  } catch {
    return null;
  }
}

/**
 * What one server may see (news desks): the articles of its scope, and the health of its
 * sources only. The last ingest's counts and error are shown only with `runDetails` (the
 * bot's owners): a run may have read another server's sources.
 */
export interface StatusView {
  scope: SearchScope;
  runDetails: boolean;
}

/** The numbers /status shows: what is indexed, how fresh, with which model, how big; within `view` when given. */
export async function statusReport(context: BotContext, now = Date.now(), view?: StatusView): Promise<string> {
  const store = context.kb.store;
  const [stats, lastRun, space, bytes, sources] = await Promise.all([
    store.stats(view?.scope),
    store.lastRun(),
    store.vectorSpace(),
    store.storeBytesOnDisk(),
    store.sourceStatuses(),
  ]);
  const running = context.reingest.current();
  const problem = await context.kb.vectorProblem();
  const lines = ['**News knowledge base**', `Articles: ${stats.documents} · Passages: ${stats.passages} · Sources: ${stats.sources}`];
  if (running) {
    lines.push(`Ingest: running since ${new Date(running.startedAt).toISOString()} (${running.progress?.processed ?? 0} articles so far)`);
  }
  lines.push(lastIngestLine(lastRun, view?.runDetails ?? true));
  const shown = view ? new Set(view.scope.sourceIds) : sources.length > 0 ? configuredSourceIds(context.config) : null;
  lines.push(...sourceHealthLines(shown ? sources.filter((s) => shown.has(s.sourceId)) : sources, now));
  lines.push(
    problem
      ? `Embedding model: ${context.kb.embeddingStatus.model} — vectors not in use (${problem}); lexical retrieval`
      : `Embedding model: ${space!.model} (${space!.dim}-d) — vectors in use, hybrid retrieval`,
  );
  lines.push(...(await context.kb.limitations()));
  lines.push(`Index size on disk: ${formatBytes(bytes)}`);
  if (context.shard) {
    const servers = await context.shard.serversAcrossShards();
    lines.push(
      `Shards: ${context.shard.count} (this is shard ${context.shard.ids.join(', ')}) · Servers: ${servers ?? 'unknown (other shards did not answer)'}`,
    );
  }
  lines.push(`Uptime: ${formatDuration(now - context.startedAt)}`);
  return lines.join('\n');
}

/** When the last ingest ran and how it went; its counts and error only with `details`. */
function lastIngestLine(lastRun: IngestRun | undefined, details: boolean): string {
  if (!lastRun) return 'Last ingest: never — run `npm run ingest` or /reingest';
  const summary = lastRun.summary;
  const outcome = !details
    ? lastRun.status
    : lastRun.status === 'ok' && summary
      ? `ok — ${summary.added ?? 0} added, ${summary.updated ?? 0} updated, ${summary.removed ?? 0} removed, ${summary.skipped?.length ?? 0} skipped`
      : `${lastRun.status}${summary?.error ? ` — ${escapeMarkdown(summary.error)}` : ''}`;
  return `Last ingest: ${lastRun.finishedAt ?? lastRun.startedAt} (${outcome})`;
}
