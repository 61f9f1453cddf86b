import { LEXICAL_ONLY_LIMITATION } from '../src/core/limitations.js';
import { describeCalibration } from '../src/core/calibration/currentCalibration.js';
import { notSeparatingLimitation, type VectorCalibration } from '../src/core/calibration/vectorCalibration.js';
import type { EmbeddingStatus } from '../src/core/ports/newsEmbeddings.js';

/** A web source that failed this run or earlier ones and waits before the next try. */
export interface SourceBackoffReport {
  source: string;
  consecutiveFailures: number;
  lastError: string | null;
  /** ISO time before which ingests skip it (unless it is named on the command line). */
  nextAttemptAt: string;
  /** Not read this run: it was still backing off. */
  skipped: boolean;
}

/** What one ingestion run did; printed by the CLI, posted by /reingest, stored in the manifest. */
export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Same text as an article already stored (e.g. a second URL for the same story). */
  duplicates: number;
  /** Articles recognised as near-identical copies of a story already told (ingest/copies): stored without passages of their own. */
  copies: number;
  removed: number;
  /** Stored articles their source no longer lists, kept because pruning was not asked for. */
  missingKept: number;
  /** Articles stored from a feed summary because their page could not be fetched (retried next time). */
  summaryOnly: number;
  /** Sources read without failing (a source whose read failed is in failedSources). */
  sourcesRead: number;
  skipped: Array<{ location: string; reason: string }>;
  failedSources: Array<{ source: string; reason: string }>;
  /** Links not fetched because they lead to a non-public address (the item is summary-only or skipped). */
  refused: Array<{ location: string; reason: string }>;
  /** Web sources waiting before their next try after failed reads (skipped this run, or failed in it). */
  backingOff: SourceBackoffReport[];
  passagesWritten: number;
  vectorsAdded: number;
  totalArticles: number;
  totalPassages: number;
  durationMs: number;
  embeddingMs: number;
  embedding: EmbeddingStatus;
  vectorsInUse: boolean;
  /** How the loaded model scores related against unrelated text on this store; null without vectors (or too few articles). */
  vectorCalibration: VectorCalibration | null;
}

export interface IngestProgress {
  phase: 'listing' | 'articles' | 'vectors' | 'saving' | 'done';
  processed: number;
  /** Known total, or null while sources are still being listed. */
  total: number | null;
  current: string | null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function modelState(s: IngestSummary): string {
  if (!s.embedding.available) return `NOT loaded, lexical retrieval only (${s.embedding.reason})`;
  if (s.vectorCalibration && !s.vectorCalibration.separates)
    return `loaded (${s.embedding.dimension}-d), vectors NOT used: they do not separate related from unrelated text here`;
  return `loaded (${s.embedding.dimension}-d), vectors in use`;
}

/** A short human summary (also used by Discord's /reingest). */
export function formatSummary(s: IngestSummary): string {
  const lines = [
    `Articles: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.duplicates} duplicate, ${s.removed} removed, ${s.skipped.length} skipped.`,
    `Store: ${plural(s.totalArticles, 'article')}, ${plural(s.totalPassages, 'passage')} (${s.passagesWritten} written this run, ${s.vectorsAdded} vectors added).`,
    `Model: ${s.embedding.model} — ${modelState(s)}.`,
    `Time: ${(s.durationMs / 1000).toFixed(1)} s (embedding ${(s.embeddingMs / 1000).toFixed(1)} s).`,
  ];
  if (s.vectorCalibration) lines.push(describeCalibration(s.vectorCalibration));
  if (s.vectorCalibration && !s.vectorCalibration.separates) lines.push(notSeparatingLimitation(s.vectorCalibration));
  else if (!s.vectorsInUse) lines.push(LEXICAL_ONLY_LIMITATION);
  if (s.copies > 0) lines.push(`${plural(s.copies, 'article')} recognised as copies of a story already stored (counted once in answers).`);
  if (s.summaryOnly > 0) lines.push(`${plural(s.summaryOnly, 'article')} stored as feed summary only (page unreachable); retried at the next ingest.`);
  if (s.missingKept > 0) lines.push(`${plural(s.missingKept, 'stored article')} no longer listed by its source, kept (use --prune to remove).`);
  for (const f of s.failedSources) lines.push(`Source failed: ${f.source}: ${f.reason}`);
  for (const r of s.refused.slice(0, 20)) lines.push(`Refused link: ${r.location}: ${r.reason}`);
  if (s.refused.length > 20) lines.push(`... and ${s.refused.length - 20} more refused links.`);
  for (const b of s.backingOff) lines.push(describeBackoff(b));
  for (const k of s.skipped.slice(0, 20)) lines.push(`Skipped: ${k.location}: ${k.reason}`);
  if (s.skipped.length > 20) lines.push(`... and ${s.skipped.length - 20} more skipped.`);
  return lines.join('\n');
}

function describeBackoff(b: SourceBackoffReport): string {
  const failures = `${plural(b.consecutiveFailures, 'failed read')} in a row${b.lastError ? `, last: ${b.lastError}` : ''}`;
  return `Source ${b.skipped ? 'skipped, backing off' : 'backing off'}: ${b.source} (${failures}); next attempt after ${b.nextAttemptAt} (name it on the command line to try now).`;
}
