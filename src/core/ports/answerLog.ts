/**
 * The answers the bot gave and what people said about them (👍/👎 and an optional reason), for
 * the /status report and `npm run feedback -- --export`. Nothing about a person is kept but
 * their Discord user id and the server (guild id, or null in a direct message); records older
 * than FEEDBACK_RETENTION_DAYS are pruned.
 */

/** A 👍 or a 👎. */
export type Vote = 'up' | 'down';

/** Longest reason kept with a 👎 (the modal's text input allows no more; the store cuts anything longer). */
export const MAX_FEEDBACK_REASON = 300;

/** One question the bot answered or declined, as recorded when it was answered. */
export interface NewAnswerRecord {
  /** ISO time of the answer. */
  at: string;
  /** The server; null in a direct message. */
  guildId: string | null;
  channelId: string;
  userId: string;
  question: string;
  /** The answer text with its [n] markers (the honest no-answer when declined). */
  answer: string;
  /**
   * The answer's citations as `ask --json` gives them (src/core/answer/types.ts Citation), kept
   * as JSON: the store does not read them (typed loosely so this port needs nothing of answer/).
   */
  citations: object[];
  /** False when the bot declined (the news it reads does not cover the question). */
  answered: boolean;
  mode: 'extractive' | 'llm';
}

export interface AnswerRecord extends NewAnswerRecord {
  id: number;
}

/** One person's vote on one answer; a second click replaces it. */
export interface Feedback {
  userId: string;
  vote: Vote;
  /** Only with a 👎, when given; cleared when the vote changes. */
  reason: string | null;
  /** ISO time of the last change. */
  at: string;
}

export interface FeedbackWrite {
  answerId: number;
  userId: string;
  vote: Vote;
  /** Given: stored (cut to MAX_FEEDBACK_REASON). Absent: a reason already stored stays while the vote stays the same. */
  reason?: string | null;
  at: string;
}

/** A recorded answer with every vote on it (the export). */
export interface AnswerWithFeedback extends AnswerRecord {
  feedback: Feedback[];
}

/** Which answers a report or an export covers: since a time, in one server (guildId) or all (undefined). */
export interface AnswerWindow {
  since?: string;
  guildId?: string;
}

/** The counts of a window (the /status report) and the declined questions in it, newest first. */
export interface AnswerSummary {
  asked: number;
  answered: number;
  declined: number;
  /** Answers with at least one 👎. */
  downvoted: number;
  /** At most `limit` declined questions, newest first (coverage gaps are grouped from them). */
  declinedQuestions: string[];
}
