import type { AutocompleteInteraction, ButtonInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import type { BotContext, Command } from './command.js';
import { reportFailure, sendToInteraction } from './failureReply.js';
import { parseFeedbackId } from './feedback/feedbackComponents.js';
import { handleReason, handleVote } from './feedback/feedbackInteractions.js';

/** Dispatches slash commands and the answers' feedback buttons and modal; failures are reported the one way every Discord surface reports them. */
export async function handleInteraction(interaction: Interaction, commands: Map<string, Command>, context: BotContext): Promise<void> {
  if (!interaction.isChatInputCommand()) {
    if (interaction.isAutocomplete()) await suggest(interaction, commands, context);
    else if (interaction.isButton() || interaction.isModalSubmit()) await handleFeedback(interaction, context);
    return;
  }
  const command = commands.get(interaction.commandName);
  if (!command) {
    context.logger.warn({ command: interaction.commandName }, 'unknown command');
    return;
  }
  try {
    await command.execute(interaction, context);
  } catch (error) {
    await reportFailure(error, {
      logger: context.logger,
      send: sendToInteraction(interaction),
      where: { command: interaction.commandName, user: interaction.user.id },
      failed: 'command failed',
    });
  }
}

/** A 👍/👎 click or a 👎 reason (src/discord/feedback/); another component's id is logged and left alone. */
async function handleFeedback(interaction: ButtonInteraction | ModalSubmitInteraction, context: BotContext): Promise<void> {
  const action = parseFeedbackId(interaction.customId);
  if (!action) return void context.logger.warn({ customId: interaction.customId }, 'unknown component');
  try {
    if (action.kind === 'reason' && interaction.isModalSubmit()) await handleReason(interaction, action, context);
    else if (action.kind === 'vote' && interaction.isButton()) await handleVote(interaction, action, context);
  } catch (error) {
    await reportFailure(error, {
      logger: context.logger,
      send: sendToInteraction(interaction),
      where: { component: interaction.customId, user: interaction.user.id },
      failed: 'feedback failed',
    });
  }
}

/** Suggestions are best effort: a failure is logged and the member sees none. */
async function suggest(interaction: AutocompleteInteraction, commands: Map<string, Command>, context: BotContext): Promise<void> {
  try {
    await commands.get(interaction.commandName)?.autocomplete?.(interaction, context);
  } catch (error) {
    context.logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
  }
}
