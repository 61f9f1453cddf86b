import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { IngestLockedError } from '../src/store/errors.js';
import { formatSummary } from '../ingest/summary.js';
import { NO_MENTIONS } from '../src/discord/answering.js';
import { escapeMarkdown } from '../src/discord/escapeMarkdown.js';
import type { Command } from '../src/discord/command.js';
import { LOCALIZED } from '../src/discord/localizations.js';
import { canReingest } from '../src/discord/permissions.js';
import { splitMessage } from '../src/discord/splitMessage.js';
import { reingestChannelReport } from '../src/discord/reingestReport.js';
import { formatDuration } from '../src/discord/statusReport.js';
import { newErrorId } from '../src/discord/userErrors.js';

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
      // Counts only: the article being read is a path or URL, not for the channel.
      interaction.editReply({ content: `Re-ingesting… ${progress.processed} articles processed (${progress.phase})`, allowedMentions: NO_MENTIONS }).catch(() => undefined);
    });
    if (!job) {
      await interaction.reply({ content: 'A re-ingest is already running. I won’t start a second one.', flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply();
    lastEdit = Date.now();
    // The channel gets counts and short reasons; locations and raw errors go to the log and,
    // privately, to the admin who asked.
    const tellAdmin = async (text: string) => {
      for (const piece of splitMessage(escapeMarkdown(text))) await interaction.followUp({ content: piece, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    };
    try {
      const summary = await job;
      await interaction.editReply({ content: reingestChannelReport(summary), allowedMentions: NO_MENTIONS });
      if (summary.skipped.length + summary.failedSources.length > 0) {
        context.logger.warn({ skipped: summary.skipped, failedSources: summary.failedSources }, 're-ingest skipped articles or sources');
        await tellAdmin(`Re-ingest details (only you see this):\n${formatSummary(summary)}`);
      }
    } catch (error) {
      // Expected: another process (an ingest worker, another shard) holds the store's ingest lock.
      if (error instanceof IngestLockedError) {
        await interaction.editReply({ content: 'A re-ingest is already running in another process (an ingest worker or another shard). I won’t start a second one; try again when it has finished.', allowedMentions: NO_MENTIONS });
        return;
      }
      const errorId = newErrorId();
      context.logger.warn({ err: error, errorId }, 're-ingest failed');
      await interaction.editReply({ content: `Re-ingest failed (error id ${errorId}); the log has the details.`, allowedMentions: NO_MENTIONS });
      await tellAdmin(`Re-ingest failed (error id ${errorId}): ${(error as Error).message}`);
    }
  },
} satisfies Command;
