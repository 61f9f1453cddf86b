import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { Config } from '../src/app/config.js';
import { NO_MENTIONS } from '../src/discord/answering.js';
import type { Command } from '../src/discord/command.js';
import { feedbackReport, type ReportScope } from '../src/discord/feedback/feedbackReport.js';
import { LOCALIZED } from '../src/discord/localizations.js';
import { statusReport } from '../src/discord/statusReport.js';
import { placeOf } from '../src/discord/desks/place.js';
import { canManageDesk, isBotAdmin } from '../src/discord/permissions.js';
import { reportFailure } from '../src/discord/failureReply.js';

/**
 * Whose questions the asker may see reported: a server's admins (Manage Server) and the bot's
 * owners (ADMIN_USER_IDS) see the server's; the owners in a DM see every server's and DMs'.
 * Null for anyone else.
 */
function reportScope(interaction: ChatInputCommandInteraction, config: Config): ReportScope | null {
  const owner = isBotAdmin(interaction, config);
  if (interaction.guildId) return owner || canManageDesk(interaction) ? { guildId: interaction.guildId } : null;
  return owner ? 'everywhere' : null;
}

/** /status — what the bot knows (in a server: what that server's questions are answered from) and how it is doing. */
export default {
  data: new SlashCommandBuilder()
    .setName('status')
    .setNameLocalizations(LOCALIZED.status.name)
    .setDescription('Show what the news index holds, when it was last updated, and how the bot is doing.')
    .setDescriptionLocalizations(LOCALIZED.status.description),

  async execute(interaction, context) {
    const scope = await context.desks.scopes.forPlace(placeOf(interaction.guildId, interaction.channelId, interaction.channel));
    // No scope: no server has sources of its own, and the report is the whole store's, as before news desks.
    const view = scope ? { scope, runDetails: isBotAdmin(interaction, context.config) } : undefined;
    await interaction.reply({ content: await statusReport(context, Date.now(), view), allowedMentions: NO_MENTIONS });
    // Admins also get the last 7 days of questions, privately: it quotes what people asked.
    const questions = reportScope(interaction, context.config);
    if (!questions) return;
    const privately = (content: string) => interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    try {
      await privately(await feedbackReport(context, questions));
    } catch (error) {
      // The public status is already out: a failed report must not replace it.
      await reportFailure(error, {
        logger: context.logger,
        send: privately,
        where: { command: 'status', user: interaction.user.id },
        failed: 'question report failed',
      });
    }
  },
} satisfies Command;
