import { MessageFlags, type Interaction } from 'discord.js';
import { NO_MENTIONS } from './answering.js';
import type { BotContext, Command } from './command.js';
import { apologyFor, newErrorId, UserFacingError } from './userErrors.js';

/** Dispatches slash commands; expected failures get their message, unexpected ones an apology with an id. */
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
    let content: string;
    if (error instanceof UserFacingError) {
      content = error.message;
      context.logger.info({ code: error.code, command: interaction.commandName, user: interaction.user.id }, 'expected failure');
    } else {
      const errorId = newErrorId();
      content = apologyFor(errorId);
      context.logger.error({ err: error, errorId, command: interaction.commandName }, 'command failed');
    }
    // Never leave a deferred reply hanging: edit it, or reply privately if nothing was sent yet.
    try {
      if (interaction.deferred || interaction.replied) await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
      else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    } catch (replyError) {
      context.logger.warn({ err: replyError }, 'could not report a failure to the user');
    }
  }
}
