import type { AnswerSummary, AnswerWindow, AnswerWithFeedback, FeedbackWrite, NewAnswerRecord } from '../../core/ports/answerLog.js';
import { ANSWER_COLUMNS, answerValues, feedbackUpsertSet, feedbackValues, withFeedback, type AnswerRow, type FeedbackRow } from '../answerRow.js';
import type { SqliteDatabase } from './sqliteDatabase.js';

/**
 * SQLite's record of the answers the bot gave and the votes on them (src/core/ports/answerLog.ts).
 * Writes run uncounted (SqliteDatabase.runUncounted): recording a question must not empty the
 * caches that make the next one fast.
 */

/** Answers exported per query. */
const EXPORT_PAGE = 500;

export function recordAnswer(sqlite: SqliteDatabase, record: NewAnswerRecord): number {
  const result = sqlite.runUncounted(
    sqlite.statement(`INSERT INTO answer_records(${ANSWER_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)`),
    ...answerValues(record, (answered) => (answered ? 1 : 0)),
  );
  return Number(result.lastInsertRowid);
}

/** One statement: the vote is written only while its answer exists (a click on a pruned answer writes nothing). */
export function recordFeedback(sqlite: SqliteDatabase, write: FeedbackWrite): boolean {
  const [answerId, userId, vote, reason, at, given] = feedbackValues(write);
  const written = sqlite.runUncounted(
    sqlite.statement(
      `INSERT INTO answer_feedback(answer_id, user_id, vote, reason, at)
       SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM answer_records WHERE id = ?)
       ON CONFLICT(answer_id, user_id) DO UPDATE SET ${feedbackUpsertSet('?')}`,
    ),
    answerId,
    userId,
    vote,
    reason,
    at,
    answerId,
    given ? 1 : 0,
  );
  return written.changes > 0;
}

/** The window's conditions and their values, for `answer_records` aliased `a`. */
function windowSql(window: AnswerWindow): { where: string; values: string[] } {
  const conditions = ['1 = 1'];
  const values: string[] = [];
  if (window.since !== undefined) {
    conditions.push('a.at >= ?');
    values.push(window.since);
  }
  if (window.guildId !== undefined) {
    conditions.push('a.guild_id = ?');
    values.push(window.guildId);
  }
  return { where: conditions.join(' AND '), values };
}

export function answerSummary(sqlite: SqliteDatabase, window: AnswerWindow, declinedLimit: number): AnswerSummary {
  const { where, values } = windowSql(window);
  const counts = sqlite
    .statement(
      `SELECT count(*) AS asked, coalesce(sum(a.answered), 0) AS answered,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM answer_feedback f WHERE f.answer_id = a.id AND f.vote = 'down')) AS downvoted
       FROM answer_records a WHERE ${where}`,
    )
    .get(...values) as { asked: number; answered: number; downvoted: number };
  const declinedQuestions = sqlite
    .statement(`SELECT a.question FROM answer_records a WHERE ${where} AND a.answered = 0 ORDER BY a.at DESC, a.id DESC LIMIT ?`, { pluck: true })
    .all(...values, declinedLimit) as string[];
  return { asked: counts.asked, answered: counts.answered, declined: counts.asked - counts.answered, downvoted: counts.downvoted, declinedQuestions };
}

export function* exportAnswers(sqlite: SqliteDatabase, window: AnswerWindow): Generator<AnswerWithFeedback> {
  const { where, values } = windowSql(window);
  let after = 0;
  for (;;) {
    const rows = sqlite
      .statement(`SELECT a.* FROM answer_records a WHERE ${where} AND a.id > ? ORDER BY a.id LIMIT ${EXPORT_PAGE}`)
      .all(...values, after) as AnswerRow[];
    if (rows.length === 0) return;
    const votes = sqlite
      .statement('SELECT * FROM answer_feedback WHERE answer_id BETWEEN ? AND ? ORDER BY at, user_id')
      .all(rows[0]!.id, rows.at(-1)!.id) as FeedbackRow[];
    yield* withFeedback(rows, votes);
    after = Number(rows.at(-1)!.id);
  }
}

export function pruneAnswers(sqlite: SqliteDatabase, before: string): number {
  return sqlite.runUncounted(sqlite.statement('DELETE FROM answer_records WHERE at < ?'), before).changes;
}
