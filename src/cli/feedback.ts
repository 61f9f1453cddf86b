import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openStore } from '../app/bootstrap.js';
import { loadConfig } from '../app/config.js';
import { pruneExpiredAnswers } from '../app/feedbackRetention.js';
import type { AnswerWithFeedback } from '../core/ports/answerLog.js';
import { UserFacingError } from '../core/errors.js';
import { runMain } from './runMain.js';

const USAGE = `Usage: npm run feedback [-- --export [--days N] [--out FILE]]
  Deletes answers and feedback older than FEEDBACK_RETENTION_DAYS (0 keeps them), then with
  --export writes the recorded answers as JSON Lines, oldest first, one answer a line:
  {"id", "at", "guildId", "channelId", "userId", "question", "answer", "citations", "answered",
   "mode", "feedback": [{"userId", "vote", "reason", "at"}]}
  --days N     only the answers of the last N days
  --out FILE   write to FILE instead of standard output
  Messages go to standard error; standard output holds the JSON Lines only.`;

/** One exported line: the documented fields in a fixed order (docs/discord.md, "Feedback export"). */
export function exportLine(answer: AnswerWithFeedback): string {
  const { id, at, guildId, channelId, userId, question, answer: text, citations, answered, mode, feedback } = answer;
  return JSON.stringify({ id, at, guildId, channelId, userId, question, answer: text, citations, answered, mode, feedback });
}

function parseDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,4}$/.test(value)) throw new UserFacingError('bad_usage', `--days must be a whole number of days (1 or more), not "${value}"`);
  return Number(value);
}

/** Writes a line, waiting when the stream's buffer is full (a large export into a slow pipe). */
async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** The --out file, opened before anything is read (a path that cannot be written fails at once, naming it). */
async function openOutput(path: string): Promise<Writable> {
  const stream = createWriteStream(path);
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new UserFacingError('bad_usage', `--out ${path} cannot be written: ${(error as Error).message}`);
  }
  return stream;
}

/** `npm run feedback`: applies the retention, and with --export hands the answers and their 👍/👎 over for offline review. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { help: { type: 'boolean', short: 'h' }, export: { type: 'boolean' }, days: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.help) return void console.error(USAGE);
  const days = parseDays(values.days);
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const pruned = await pruneExpiredAnswers(store, config.feedbackRetentionDays);
    console.error(`Deleted ${pruned} answer${pruned === 1 ? '' : 's'} older than the retention (FEEDBACK_RETENTION_DAYS=${config.feedbackRetentionDays}).`);
    if (!values.export) return;
    const out = values.out ? await openOutput(values.out) : process.stdout;
    const since = days === undefined ? undefined : new Date(Date.now() - days * 86_400_000).toISOString();
    let written = 0;
    for await (const answer of store.exportAnswers({ since })) {
      await writeLine(out, exportLine(answer));
      written++;
    }
    if (out !== process.stdout) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    console.error(`Exported ${written} answer${written === 1 ? '' : 's'}${values.out ? ` to ${values.out}` : ''}.`);
  } finally {
    await store.close();
  }
}

runMain('feedback failed', main);
