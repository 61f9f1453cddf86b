import { ActionRowBuilder, ButtonBuilder, ButtonStyle, LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { MAX_FEEDBACK_REASON, type Vote } from '../../core/ports/answerLog.js';

/**
 * The 👍/👎 buttons under every answer and the reason modal a 👎 opens. Their custom ids carry
 * the recorded answer's id ("feedback:up:42", "feedback:reason:42"), so whichever process
 * (shard) Discord sends the click to finds the answer in the shared store; nothing else is kept.
 */

const PREFIX = 'feedback';
/** The modal's one text input. */
export const REASON_INPUT = 'reason';

export function feedbackButtons(answerId: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(`${PREFIX}:up:${answerId}`).setEmoji('👍').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(`${PREFIX}:down:${answerId}`).setEmoji('👎').setStyle(ButtonStyle.Secondary),
  );
}

export function reasonModal(answerId: number): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(`${PREFIX}:reason:${answerId}`)
    .setTitle('What was wrong with this answer?')
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('Reason (optional)')
        .setDescription('A few words help the operator improve the sources.')
        .setTextInputComponent(
          new TextInputBuilder().setCustomId(REASON_INPUT).setStyle(TextInputStyle.Paragraph).setRequired(false).setMaxLength(MAX_FEEDBACK_REASON),
        ),
    );
}

/** What a feedback custom id asks: a vote from a button, or the reason from the modal; null for any other id. */
export type FeedbackAction = { kind: 'vote'; vote: Vote; answerId: number } | { kind: 'reason'; answerId: number };

export function parseFeedbackId(customId: string): FeedbackAction | null {
  const match = /^feedback:(up|down|reason):(\d{1,15})$/.exec(customId);
  if (!match) return null;
  const answerId = Number(match[2]);
  return match[1] === 'reason' ? { kind: 'reason', answerId } : { kind: 'vote', vote: match[1] as Vote, answerId };
}
