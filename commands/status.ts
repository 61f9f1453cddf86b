import { SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../src/discord/answering.js';
import type { Command } from '../src/discord/command.js';
import { LOCALIZED } from '../src/discord/localizations.js';
import { statusReport } from '../src/discord/statusReport.js';

/** /status — what the bot knows and how it is doing. */
export default {
  data: new SlashCommandBuilder()
    .setName('status')
    .setNameLocalizations(LOCALIZED.status.name)
    .setDescription('Show what the news index holds, when it was last updated, and how the bot is doing.')
    .setDescriptionLocalizations(LOCALIZED.status.description),

  async execute(interaction, context) {
    await interaction.reply({ content: await statusReport(context), allowedMentions: NO_MENTIONS });
  },
} satisfies Command;
