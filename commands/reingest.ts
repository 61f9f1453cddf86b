import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../src/core/errors.js';
import { IngestLockedError } from '../src/store/errors.js';
import { formatSummary, type IngestProgress, type IngestSummary } from '../ingest/summary.js';
import { NO_MENTIONS } from '../src/discord/answering.js';
import { escapeMarkdown } from '../src/discord/escapeMarkdown.js';
import type { BotContext, Command } from '../src/discord/command.js';
import { LOCALIZED } from '../src/discord/localizations.js';
import { canManageDesk, isBotAdmin } from '../src/discord/permissions.js';
import type { IngestRunner } from '../src/discord/reingestJob.js';
import type { SearchScope } from '../src/core/ports/newsDesks.js';
import { splitMessage } from '../src/discord/splitMessage.js';
import { reingestChannelReport } from '../src/discord/reingestReport.js';
import { formatDuration } from '../src/discord/statusReport.js';
import { reportFailure, sendToInteraction } from '../src/discord/failureReply.js';

/** Progress edits are spaced at least this far apart (Discord rate-limits edits). */
const PROGRESS_EDIT_INTERVAL_MS = 3000;

/**
 * /reingest [global] — re-runs ingestion in the background: a server's own sources (/feeds)
 * for its members with Manage Server, the operator's general sources for the bot's owners.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('reingest')
    .setNameLocalizations(LOCALIZED.reingest.name)
    .setDescription('Re-ingest this server’s own news sources, or the general ones (bot owners).')
    .setDescriptionLocalizations(LOCALIZED.reingest.description)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addBooleanOption((o) =>
      o
        .setName('global')
        .setNameLocalizations(LOCALIZED.reingestGlobal.name)
        .setDescription('The operator’s general sources (bot owners only) instead of this server’s own')
        .setDescriptionLocalizations(LOCALIZED.reingestGlobal.description),
    ),

  async execute(interaction, context) {
    const target = await reingestTarget(interaction, context);
    refuseWhileRunning(context);
    const progress = progressEditor(interaction);
    const job = context.reingest.start(`/reingest ${target.label} by ${interaction.user.id}`, progress.onProgress, target.runner);
    if (!job) throw new UserFacingError('busy', 'A re-ingest is already running. I won’t start a second one.');
    await interaction.deferReply();
    progress.deferred();
    await reportOutcome(interaction, context, job, target.scope);
  },
} satisfies Command;

/**
 * What a /reingest re-reads, by who asks where: the operator's general sources for the bot's
 * owners (ADMIN_USER_IDS; in a server they may pick global:false for the server's own), a
 * server's own sources for its members with Manage Server. Anyone else is refused.
 */
async function reingestTarget(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<{ label: string; runner?: IngestRunner; scope?: SearchScope }> {
  const admin = isBotAdmin(interaction, context.config);
  if (interaction.options.getBoolean('global') ?? (admin || !interaction.inGuild())) {
    if (admin) return { label: 'global' };
    throw new UserFacingError('not_allowed', REFUSAL);
  }
  if (!canManageDesk(interaction) || !interaction.inGuild()) throw new UserFacingError('not_allowed', REFUSAL);
  const sources = await context.kb.store.deskSources(interaction.guildId);
  if (sources.length === 0) {
    throw new UserFacingError(
      'bad_usage',
      'This server has no sources of its own to re-ingest: add some with /feeds add. The bot’s general sources are re-ingested by its owners.',
    );
  }
  return {
    label: `of server ${interaction.guildId}`,
    runner: (hooks) => context.desks.reading.reingest(sources, hooks),
    scope: { sourceIds: [...new Set(sources.map((s) => s.url))] },
  };
}

const REFUSAL =
  'Sorry, only server admins (Manage Server permission) can re-ingest a server’s own sources, in that server; the bot’s general sources are re-ingested only by its owners (ADMIN_USER_IDS).';

/** One re-ingest at a time: a second one is refused, saying how far the first has come. */
function refuseWhileRunning(context: BotContext): void {
  const running = context.reingest.current();
  if (running) {
    throw new UserFacingError(
      'busy',
      `A re-ingest is already running (started ${formatDuration(Date.now() - running.startedAt)} ago, ${running.progress?.processed ?? 0} articles so far). I won't start a second one.`,
    );
  }
}

/** Edits the deferred reply with counts, spaced PROGRESS_EDIT_INTERVAL_MS apart. */
function progressEditor(interaction: ChatInputCommandInteraction): { onProgress: (progress: IngestProgress) => void; deferred: () => void } {
  let lastEdit = Date.now(); // no progress edit before the reply is deferred
  return {
    onProgress(progress) {
      if (Date.now() - lastEdit < PROGRESS_EDIT_INTERVAL_MS || progress.phase === 'done') return;
      lastEdit = Date.now();
      // Counts only: the article being read is a path or URL, not for the channel.
      interaction
        .editReply({ content: `Re-ingesting… ${progress.processed} articles processed (${progress.phase})`, allowedMentions: NO_MENTIONS })
        .catch(() => undefined);
    },
    deferred() {
      lastEdit = Date.now();
    },
  };
}

/**
 * The channel gets counts and short reasons; locations and raw errors go to the log and,
 * privately, to the admin who asked.
 */
async function reportOutcome(interaction: ChatInputCommandInteraction, context: BotContext, job: Promise<IngestSummary>, scope?: SearchScope): Promise<void> {
  const tellAdmin = async (text: string) => {
    for (const piece of splitMessage(escapeMarkdown(text)))
      await interaction.followUp({ content: piece, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  };
  try {
    const summary = await job;
    const own = scope ? await context.kb.store.stats(scope) : undefined;
    const report = reingestChannelReport(summary, own && { articles: own.documents, passages: own.passages });
    await interaction.editReply({ content: report, allowedMentions: NO_MENTIONS });
    if (summary.skipped.length + summary.failedSources.length > 0) {
      context.logger.warn({ skipped: summary.skipped, failedSources: summary.failedSources }, 're-ingest skipped articles or sources');
      // A server's admin gets its sources' details, not the size of the store every server shares.
      const details = formatSummary(summary)
        .split('\n')
        .filter((line) => !(scope && line.startsWith('Store:')))
        .join('\n');
      await tellAdmin(`Re-ingest details (only you see this):\n${details}`);
    }
  } catch (error) {
    const { errorId } = await reportFailure(lockHeldElsewhere(error), {
      logger: context.logger,
      send: sendToInteraction(interaction),
      where: { command: 'reingest' },
      failed: 're-ingest failed',
      apology: (id) => `Re-ingest failed (error id ${id}); the log has the details.`,
    });
    if (errorId) await tellAdmin(`Re-ingest failed (error id ${errorId}): ${(error as Error).message}`);
  }
}

/** Expected: another process (an ingest worker, another shard) holds the store's ingest lock. Said without naming it. */
function lockHeldElsewhere(error: unknown): unknown {
  if (!(error instanceof IngestLockedError)) return error;
  return new UserFacingError(
    'ingest_locked',
    'A re-ingest is already running in another process (an ingest worker or another shard). I won’t start a second one; try again when it has finished.',
  );
}
