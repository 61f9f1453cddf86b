import type { AutocompleteInteraction, Interaction } from 'discord.js';
import type { BotContext, Command } from './command.js';
import { reportFailure, sendToInteraction } from './failureReply.js';

/** Dispatches slash commands; failures are reported the one way every Discord surface reports them. */
export async function handleInteraction(interaction: Interaction, commands: Map<string, Command>, context: BotContext): Promise<void> {
  if (!interaction.isChatInputCommand()) {
    if (interaction.isAutocomplete()) await suggest(interaction, commands, context);
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

/** Suggestions are best effort: a failure is logged and the member sees none. */
async function suggest(interaction: AutocompleteInteraction, commands: Map<string, Command>, context: BotContext): Promise<void> {
  try {
    await commands.get(interaction.commandName)?.autocomplete?.(interaction, context);
  } catch (error) {
    context.logger.warn({ err: error, command: interaction.commandName }, 'autocomplete failed');
  }
}
