import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { parseTimeOfDay } from '../../core/digest/timeOfDay.js';
import { addDays, isTimeZone, localParts } from '../../core/digest/zonedTime.js';
import { UserFacingError } from '../../core/errors.js';
import { validateQuestion } from '../../core/questions.js';
import { NO_MENTIONS } from '../answering.js';
import type { BotContext } from '../command.js';
import { escapeMarkdown } from '../escapeMarkdown.js';
import { canManageDesk } from '../permissions.js';
import { digestLanguage, digestNow } from './digestFormat.js';

/**
 * The server whose digests a member schedules, once checked here (Discord's
 * default_member_permissions only hides a command, and a server can change it).
 */
function scheduledServer(interaction: ChatInputCommandInteraction): string {
  if (!interaction.inGuild()) {
    throw new UserFacingError('not_allowed', 'Daily digests are posted in a server’s channel: schedule them in the server. Here in DMs, use /digest show.');
  }
  if (!canManageDesk(interaction)) {
    throw new UserFacingError('not_allowed', 'Sorry, only members with the Manage Server permission can schedule or stop this server’s daily digests.');
  }
  return interaction.guildId;
}

/**
 * The channel option, refused when the bot knows it as another server's channel. Discord
 * resolves a channel option only to channels of the server the command is used in; this checks
 * it again against what the gateway told this shard (discord.js files a channel it did not know
 * under the interaction's server, so an unknown one rests on Discord's resolution).
 */
function serverChannel(interaction: ChatInputCommandInteraction, guildId: string, required: boolean): string | null {
  const chosen = interaction.options.getChannel('channel', required);
  if (!chosen) return null;
  const known = interaction.client.channels.cache.get(chosen.id);
  if (!known || !('guildId' in known) || known.guildId !== guildId) {
    throw new UserFacingError('bad_usage', 'That channel is not one of this server’s channels I can see: choose a text channel of this server.');
  }
  return chosen.id;
}

/** The time zone to schedule in: the one given (checked, then saved as the server's), else the server's. */
async function scheduleZone(interaction: ChatInputCommandInteraction, context: BotContext, guildId: string): Promise<string> {
  const given = interaction.options.getString('timezone')?.trim();
  if (!given) return (await context.kb.store.serverSettings(guildId)).timeZone;
  if (!isTimeZone(given)) {
    throw new UserFacingError('bad_usage', `"${given.slice(0, 64)}" is not a time zone I know: use an IANA name such as Europe/Rome, America/New_York or UTC.`);
  }
  await context.kb.store.saveServerSettings({ guildId, timeZone: given });
  return given;
}

/**
 * /digest schedule channel time [topic] [timezone]: one digest a day in that channel, at that
 * local time. Scheduled at or after today's time, the first is tomorrow's (nothing is posted
 * at once); a channel's schedule given again replaces the old one.
 */
export async function scheduleDigest(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const guildId = scheduledServer(interaction);
  const time = parseTimeOfDay(interaction.options.getString('time', true));
  if (!time) throw new UserFacingError('bad_usage', 'The time must be HH:MM on a 24-hour clock, e.g. 08:00 or 18:30.');
  const channelId = serverChannel(interaction, guildId, true)!;
  const rawTopic = interaction.options.getString('topic')?.trim() || null;
  const topic = rawTopic ? validateQuestion(rawTopic, context.config.discord.maxQuestionLength) : null;
  const timeZone = await scheduleZone(interaction, context, guildId);
  const today = localParts(digestNow(context.digestClock), timeZone);
  const startsTomorrow = today.time >= time;
  await context.kb.store.saveDigestSchedule({
    guildId,
    channelId,
    time,
    topic,
    language: digestLanguage(interaction.guildLocale, topic),
    createdBy: interaction.user.id,
    lastRunDate: startsTomorrow ? today.date : null,
    lastRunAt: null,
  });
  const first = startsTomorrow ? addDays(today.date, 1) : today.date;
  const about = topic ? ` on “${escapeMarkdown(topic)}”` : '';
  await interaction.reply({
    content: `Every day at ${time} (${timeZone}) I will post the main stories${about} in <#${channelId}>, starting ${first}. A day with nothing new is skipped. Stop it with /digest unschedule.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

/** /digest unschedule [channel]: stops the daily digest of one channel, or every one of this server. */
export async function unscheduleDigest(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const guildId = scheduledServer(interaction);
  const channelId = serverChannel(interaction, guildId, false);
  const removed = await context.kb.store.removeDigestSchedules(guildId, channelId ?? undefined);
  const content =
    removed.length === 0
      ? `There was no daily digest to stop${channelId ? ` in <#${channelId}>` : ' in this server'}.`
      : `Stopped ${removed.length === 1 ? 'the daily digest' : `${removed.length} daily digests`} in ${removed.map((s) => `<#${s.channelId}>`).join(', ')}.`;
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}
