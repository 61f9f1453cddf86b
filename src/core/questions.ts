import { UserFacingError } from './errors.js';

/** Expected problems with a question: shown to the user as they are. */
export class QuestionError extends UserFacingError {
  override name = 'QuestionError';
  constructor(message: string) {
    super('bad_question', message);
  }
}

export const DEFAULT_MAX_QUESTION_LENGTH = 500;

/** The longest retrieval question (a follow-up joined with its context) KnowledgeBase.ask accepts. */
export const MAX_RETRIEVAL_QUESTION_LENGTH = 4000;

/** Trims a question and rejects empty or oversized ones with a message that says what to do. */
export function validateQuestion(raw: string, maxLength = DEFAULT_MAX_QUESTION_LENGTH): string {
  const question = raw.replace(/\s+/g, ' ').trim();
  if (!question) throw new QuestionError('Please ask a question, for example: "What did the council decide about the new bridge?"');
  if (question.length > maxLength) {
    throw new QuestionError(`That question is ${question.length} characters long; the limit is ${maxLength}. Please shorten it.`);
  }
  if (!/[\p{L}\p{N}]/u.test(question)) throw new QuestionError('That question has no words in it. Please ask in words.');
  return question;
}
