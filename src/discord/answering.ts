import type { ActionRowBuilder, ButtonBuilder, MessageMentionOptions } from 'discord.js';
import { formatAnswer, type FormatOptions } from '../core/answer/format.js';
import type { Answer } from '../core/answer/types.js';
import type { AnswerHooks } from '../core/knowledgeBase.js';
import type { SearchScope } from '../core/ports/newsDesks.js';
import { UserFacingError } from '../core/errors.js';
import { validateQuestion } from '../core/questions.js';
import type { BotContext } from './command.js';
import { escapeMarkdown, safeLink } from './escapeMarkdown.js';
import { recordAndOfferFeedback, type Asker } from './feedback/answerRecording.js';
import { splitMessage } from './splitMessage.js';

/**
 * How every Discord path formats answers and sources: article text escaped (one function,
 * escapeMarkdown), links made safe and wrapped in <...> (no previews).
 */
export const DISCORD_FORMAT: FormatOptions = {
  wrapLinks: true,
  escapeText: (text) => escapeMarkdown(text),
  escapeAnswerText: (text) => escapeMarkdown(text, { keepMarkers: true }),
  safeLink,
};

/** Every message the bot sends pings nobody, whatever an article or a question contains. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], users: [], roles: [], repliedUser: false };

/**
 * Checks a question before any work: rate limit first (so a flood costs nothing), then
 * emptiness and length. Throws a UserFacingError (code rate_limited or bad_question) with the message to show.
 */
export async function checkQuestion(context: BotContext, userId: string, rawQuestion: string): Promise<string> {
  const wait = await context.rateLimiter.take(userId);
  if (wait !== null) {
    throw new UserFacingError(
      'rate_limited',
      `You have asked ${context.config.discord.rateLimitPerMinute} questions in the last minute. Please try again in ${wait} second${wait === 1 ? '' : 's'}.`,
    );
  }
  return validateQuestion(rawQuestion, context.config.discord.maxQuestionLength);
}

/**
 * Answers and formats for Discord, from the sources of `scope` (the server's view; see
 * desks/deskScopes.ts) (DISCORD_FORMAT), split at 2000 characters. With `asker` the answer is
 * recorded (feedback/answerRecording.ts) and `components` holds its 👍/👎 row, for the last piece.
 */
export async function answerForDiscord(
  context: BotContext,
  question: string,
  options: { retrievalQuestion?: string; hooks?: AnswerHooks; scope?: SearchScope; asker?: Asker } = {},
): Promise<{ answer: Answer; pieces: string[]; components: ActionRowBuilder<ButtonBuilder>[] }> {
  const answer = await context.answerQueue.run(() =>
    context.kb.ask(question, { retrievalQuestion: options.retrievalQuestion, hooks: options.hooks, scope: options.scope }),
  );
  const components = options.asker ? await recordAndOfferFeedback(context, options.asker, question, answer) : [];
  return { answer, pieces: splitMessage(formatAnswer(answer, DISCORD_FORMAT)), components };
}
