import {
  type AnswerRecord,
  type AnswerWithFeedback,
  type Feedback,
  type FeedbackWrite,
  MAX_FEEDBACK_REASON,
  type NewAnswerRecord,
} from '../core/ports/answerLog.js';

/** An `answer_records` row as both SQL backends store it (SQLite keeps `answered` as 0/1). */
export type AnswerRow = {
  id: number | string;
  at: string;
  guild_id: string | null;
  channel_id: string;
  user_id: string;
  question: string;
  answer: string;
  citations: string;
  answered: number | boolean;
  mode: string;
};

/** An `answer_feedback` row. */
export type FeedbackRow = {
  answer_id: number | string;
  user_id: string;
  vote: string;
  reason: string | null;
  at: string;
};

export const ANSWER_COLUMNS = 'at, guild_id, channel_id, user_id, question, answer, citations, answered, mode';

/** The row's values in ANSWER_COLUMNS order; `flag` turns `answered` into the backend's boolean. */
export function answerValues(record: NewAnswerRecord, flag: (value: boolean) => unknown): unknown[] {
  return [
    record.at,
    record.guildId,
    record.channelId,
    record.userId,
    record.question,
    record.answer,
    JSON.stringify(record.citations),
    flag(record.answered),
    record.mode,
  ];
}

export function answerFromRow(row: AnswerRow): AnswerRecord {
  return {
    id: Number(row.id),
    at: row.at,
    guildId: row.guild_id,
    channelId: row.channel_id,
    userId: row.user_id,
    question: row.question,
    answer: row.answer,
    citations: JSON.parse(row.citations) as object[],
    answered: Boolean(row.answered),
    mode: row.mode === 'llm' ? 'llm' : 'extractive',
  };
}

export function feedbackFromRow(row: FeedbackRow): Feedback {
  return { userId: row.user_id, vote: row.vote === 'down' ? 'down' : 'up', reason: row.reason, at: row.at };
}

/**
 * The values of the feedback upsert, in order: answer id, user id, vote, reason, time, and
 * whether a reason was given. A reason belongs to a 👎 only, blank is none, and it is cut to
 * MAX_FEEDBACK_REASON (Discord's modal enforces the same limit; this holds for any caller).
 */
export function feedbackValues(write: FeedbackWrite): [number, string, string, string | null, string, boolean] {
  const given = write.reason !== undefined;
  const text = write.vote === 'down' ? (write.reason ?? '').trim().slice(0, MAX_FEEDBACK_REASON) : '';
  return [write.answerId, write.userId, write.vote, text === '' ? null : text, write.at, given];
}

/**
 * What an upsert does to a vote already stored: the new vote and time; the reason given, or
 * else the stored one while the vote stays the same (a 👎 clicked again keeps its reason) and
 * none when the vote changes. `given` is the placeholder of the "reason given" flag.
 */
export function feedbackUpsertSet(given: string): string {
  return `vote = excluded.vote, at = excluded.at,
    reason = CASE WHEN ${given} THEN excluded.reason WHEN answer_feedback.vote = excluded.vote THEN answer_feedback.reason ELSE NULL END`;
}

/** A page of answers with their votes (read for the page at once), in the page's order. */
export function withFeedback(rows: AnswerRow[], votes: FeedbackRow[]): AnswerWithFeedback[] {
  const byAnswer = new Map<number, Feedback[]>();
  for (const vote of votes) {
    const id = Number(vote.answer_id);
    byAnswer.set(id, [...(byAnswer.get(id) ?? []), feedbackFromRow(vote)]);
  }
  return rows.map((row) => ({ ...answerFromRow(row), feedback: byAnswer.get(Number(row.id)) ?? [] }));
}
