import type { IngestSummary } from '../../ingest/summary.js';
import { escapeMarkdown } from './escapeMarkdown.js';

/** Paths and URLs: they say where the bot's files are, and a page or an error can hold any text. */
const LOCATION = /(?:[a-z][a-z0-9+.-]*:\/\/\S+|(?:\.{0,2}\/|[A-Za-z]:\\)[^\s,;()]+)/gi;
const MAX_REASON_CHARS = 60;

/**
 * The short reason of a skip or a failure, for a channel: the kind of problem, never the raw
 * error. Our reasons read "what happened (details)" or "what happened: details"; the details
 * (error text, byte counts, paths) are dropped, and any path or URL left is replaced.
 */
export function shortReason(reason: string): string {
  const head = reason
    .replace(LOCATION, '…')
    .split(/\s*[(:]/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  const short = head.length > MAX_REASON_CHARS ? `${head.slice(0, MAX_REASON_CHARS - 1).trimEnd()}…` : head;
  return short || 'other error';
}

/** "3 × HTTP 404, 1 × extraction took longer than 20000 ms": counts per short reason, most frequent first. */
function countByReason(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(shortReason(reason), (counts.get(shortReason(reason)) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${n} × ${escapeMarkdown(reason)}`)
    .join(', ');
}

/**
 * What /reingest posts in the channel: counts, and errors as counts with short reasons. No
 * article location, file path or raw error text: those go to the log, and to the admin who
 * asked (ephemerally, see reingestDetails).
 */
export function reingestChannelReport(s: IngestSummary, ownSources?: { articles: number; passages: number }): string {
  // A server's re-ingest counts what its own sources hold: the whole store also holds other servers' articles.
  const held = ownSources
    ? `This server’s sources: ${ownSources.articles} articles, ${ownSources.passages} passages (${s.vectorsAdded} vectors added).`
    : `Store: ${s.totalArticles} articles, ${s.totalPassages} passages (${s.vectorsAdded} vectors added).`;
  const lines = [
    'Re-ingest finished.',
    `Articles: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.duplicates} duplicate, ${s.removed} removed, ${s.skipped.length} skipped.`,
    held,
    s.vectorsInUse ? 'Vectors in use: hybrid retrieval.' : 'Embedding model not in use: lexical retrieval only.',
    `Time: ${(s.durationMs / 1000).toFixed(1)} s.`,
  ];
  if (s.summaryOnly > 0) lines.push(`${s.summaryOnly} stored as feed summary only (page unreachable); retried at the next ingest.`);
  if (s.failedSources.length > 0) lines.push(`Sources failed: ${s.failedSources.length} (${countByReason(s.failedSources.map((f) => f.reason))}).`);
  if (s.skipped.length > 0) lines.push(`Skipped: ${countByReason(s.skipped.map((k) => k.reason))}.`);
  if (s.failedSources.length + s.skipped.length > 0) lines.push('_Details are in the log; the admin who started this run got them privately._');
  return lines.join('\n');
}
