import { SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../src/discord/answering.js';
import type { Command } from '../src/discord/command.js';
import { LOCALIZED } from '../src/discord/localizations.js';
import { statusReport } from '../src/discord/statusReport.js';
import { placeOf } from '../src/discord/desks/place.js';
import { isBotAdmin } from '../src/discord/permissions.js';

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
  },
} satisfies Command;
