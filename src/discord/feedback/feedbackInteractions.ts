import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { Vote } from '../../core/ports/answerLog.js';
import { NO_MENTIONS } from '../answering.js';
import type { BotContext } from '../command.js';
import { REASON_INPUT, reasonModal, type FeedbackAction } from './feedbackComponents.js';

/**
 * Clicks on 👍/👎 and the 👎 reason modal. Anyone who sees an answer may vote on it, once: a
 * second click replaces their vote. Every reply is private to the voter (no channel noise).
 */

const THANKS = 'Thanks for your feedback.';

/** Said when an answer's record was pruned (FEEDBACK_RETENTION_DAYS) or never kept. */
function goneText(context: BotContext): string {
  const days = context.config.feedbackRetentionDays;
  const why = days > 0 ? ` (answers are kept for ${days} days)` : '';
  return `This answer is no longer on record${why}, so your feedback was not saved. Ask again to rate a fresh answer.`;
}

const privately = (content: string) => ({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }) as const;

/** A vote: 👍 is thanked; 👎 opens the modal for an optional reason (the vote counts even if it is dismissed). */
export async function handleVote(interaction: ButtonInteraction, action: { vote: Vote; answerId: number }, context: BotContext): Promise<void> {
  const stored = await context.kb.store.recordFeedback({
    answerId: action.answerId,
    userId: interaction.user.id,
    vote: action.vote,
    at: new Date().toISOString(),
  });
  if (!stored) return void (await interaction.reply(privately(goneText(context))));
  if (action.vote === 'down') return void (await interaction.showModal(reasonModal(action.answerId)));
  await interaction.reply(privately(THANKS));
}

/** The modal's reason, stored with the voter's 👎 (blank: no reason). */
export async function handleReason(
  interaction: ModalSubmitInteraction,
  action: Extract<FeedbackAction, { kind: 'reason' }>,
  context: BotContext,
): Promise<void> {
  const reason = interaction.fields.fields.has(REASON_INPUT) ? interaction.fields.getTextInputValue(REASON_INPUT) : '';
  const stored = await context.kb.store.recordFeedback({
    answerId: action.answerId,
    userId: interaction.user.id,
    vote: 'down',
    reason,
    at: new Date().toISOString(),
  });
  await interaction.reply(privately(stored ? THANKS : goneText(context)));
}
