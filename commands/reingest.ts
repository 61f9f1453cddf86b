import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { formatSummary } from '../ingest/summary.js';
import { NO_MENTIONS } from '../src/discord/answering.js';
import type { Command } from '../src/discord/command.js';
import { LOCALIZED } from '../src/discord/localizations.js';
import { canReingest } from '../src/discord/permissions.js';
import { splitMessage } from '../src/discord/splitMessage.js';
import { formatDuration } from '../src/discord/statusReport.js';

/** Progress edits are spaced at least this far apart (Discord rate-limits edits). */
const PROGRESS_EDIT_INTERVAL_MS = 3000;

/** /reingest — admins re-run ingestion of the configured sources in the background. */
export default {
  data: new SlashCommandBuilder()
    .setName('reingest')
    .setNameLocalizations(LOCALIZED.reingest.name)
    .setDescription('Re-ingest the configured news sources (admins only).')
    .setDescriptionLocalizations(LOCALIZED.reingest.description)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),

  async execute(interaction, context) {
    if (!canReingest(interaction, context.config)) {
      await interaction.reply({
        content: 'Sorry, only server admins (Manage Server permission) or configured bot admins can re-ingest the news.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const running = context.reingest.current();
    if (running) {
      await interaction.reply({
        content: `A re-ingest is already running (started ${formatDuration(Date.now() - running.startedAt)} ago, ${running.progress?.processed ?? 0} articles so far). I won't start a second one.`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    let lastEdit = Date.now(); // no progress edit before the reply below is deferred
    const job = context.reingest.start(`/reingest by ${interaction.user.id}`, (progress) => {
      if (Date.now() - lastEdit < PROGRESS_EDIT_INTERVAL_MS || progress.phase === 'done') return;
      lastEdit = Date.now();
      const where = progress.current ? ` — ${progress.current.slice(-80)}` : '';
      interaction.editReply({ content: `Re-ingesting… ${progress.processed} articles processed (${progress.phase})${where}`, allowedMentions: NO_MENTIONS }).catch(() => undefined);
    });
    if (!job) {
      await interaction.reply({ content: 'A re-ingest is already running. I won’t start a second one.', flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply();
    lastEdit = Date.now();
    try {
      const summary = await job;
      const pieces = splitMessage(`Re-ingest finished.\n${formatSummary(summary)}`);
      await interaction.editReply({ content: pieces[0]!, allowedMentions: NO_MENTIONS });
      for (const piece of pieces.slice(1)) await interaction.followUp({ content: piece, allowedMentions: NO_MENTIONS });
    } catch (error) {
      context.logger.warn({ err: error }, 're-ingest failed');
      await interaction.editReply({ content: `Re-ingest failed: ${(error as Error).message}`, allowedMentions: NO_MENTIONS });
    }
  },
} satisfies Command;
