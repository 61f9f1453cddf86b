import type { Interaction } from 'discord.js';
import type { BotContext, Command } from './command.js';
import { reportFailure, sendToInteraction } from './failureReply.js';

/** Dispatches slash commands; failures are reported the one way every Discord surface reports them. */
export async function handleInteraction(interaction: Interaction, commands: Map<string, Command>, context: BotContext): Promise<void> {
  if (!interaction.isChatInputCommand()) return;
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
