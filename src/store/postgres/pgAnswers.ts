import type { AnswerSummary, AnswerWindow, AnswerWithFeedback, FeedbackWrite, NewAnswerRecord } from '../../core/ports/answerLog.js';
import { ANSWER_COLUMNS, answerValues, feedbackUpsertSet, feedbackValues, withFeedback, type AnswerRow, type FeedbackRow } from '../answerRow.js';
import type { Row, SqlRunner } from './pgDatabase.js';

/** PostgreSQL's record of the answers the bot gave and the votes on them, shared by every shard (src/core/ports/answerLog.ts). */

/** Answers exported per query. */
const EXPORT_PAGE = 500;

/** PostgreSQL's code for a foreign key violation: the answer was pruned between the check and the write. */
const FOREIGN_KEY_VIOLATION = '23503';

export async function recordAnswer(db: SqlRunner, record: NewAnswerRecord): Promise<number> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO answer_records(${ANSWER_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
    answerValues(record, (answered) => answered),
  );
  return Number(row!.id);
}

/** One statement: the vote is written only while its answer exists (a click on a pruned answer writes nothing). */
export async function recordFeedback(db: SqlRunner, write: FeedbackWrite): Promise<boolean> {
  try {
    const rows = await db.query(
      `INSERT INTO answer_feedback(answer_id, user_id, vote, reason, at)
       SELECT $1::bigint, $2::text, $3::text, $4::text, $5::text WHERE EXISTS (SELECT 1 FROM answer_records WHERE id = $1::bigint)
       ON CONFLICT (answer_id, user_id) DO UPDATE SET ${feedbackUpsertSet('$6::boolean')} RETURNING answer_id`,
      feedbackValues(write),
    );
    return rows.length > 0;
  } catch (error) {
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return false;
    throw error;
  }
}

/** The window's conditions on `answer_records` aliased `a`, numbered from $1, and their values. */
function windowSql(window: AnswerWindow): { where: string; values: unknown[] } {
  const conditions = ['true'];
  const values: unknown[] = [];
  if (window.since !== undefined) {
    values.push(window.since);
    conditions.push(`a.at >= $${values.length}`);
  }
  if (window.guildId !== undefined) {
    values.push(window.guildId);
    conditions.push(`a.guild_id = $${values.length}`);
  }
  return { where: conditions.join(' AND '), values };
}

export async function answerSummary(db: SqlRunner, window: AnswerWindow, declinedLimit: number): Promise<AnswerSummary> {
  const { where, values } = windowSql(window);
  const [counts] = await db.query<{ asked: string; answered: string; downvoted: string } & Row>(
    `SELECT count(*) AS asked, count(*) FILTER (WHERE a.answered) AS answered,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM answer_feedback f WHERE f.answer_id = a.id AND f.vote = 'down')) AS downvoted
     FROM answer_records a WHERE ${where}`,
    values,
  );
  const declined = await db.query<{ question: string }>(
    `SELECT a.question FROM answer_records a WHERE ${where} AND NOT a.answered ORDER BY a.at DESC, a.id DESC LIMIT $${values.length + 1}`,
    [...values, declinedLimit],
  );
  const asked = Number(counts!.asked);
  const answered = Number(counts!.answered);
  return { asked, answered, declined: asked - answered, downvoted: Number(counts!.downvoted), declinedQuestions: declined.map((r) => r.question) };
}

export async function* exportAnswers(db: SqlRunner, window: AnswerWindow): AsyncGenerator<AnswerWithFeedback> {
  const { where, values } = windowSql(window);
  let after = 0;
  for (;;) {
    const rows = await db.query<AnswerRow & Row>(
      `SELECT a.* FROM answer_records a WHERE ${where} AND a.id > $${values.length + 1} ORDER BY a.id LIMIT ${EXPORT_PAGE}`,
      [...values, after],
    );
    if (rows.length === 0) return;
    const ids = rows.map((r) => Number(r.id));
    const votes = await db.query<FeedbackRow & Row>('SELECT * FROM answer_feedback WHERE answer_id = ANY($1::bigint[]) ORDER BY at, user_id', [ids]);
    yield* withFeedback(rows, votes);
    after = ids.at(-1)!;
  }
}

export async function pruneAnswers(db: SqlRunner, before: string): Promise<number> {
  const [row] = await db.query<{ n: string }>('WITH gone AS (DELETE FROM answer_records WHERE at < $1 RETURNING 1) SELECT count(*) AS n FROM gone', [before]);
  return Number(row!.n);
}
