import { ChannelType, SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { scheduleDigest, unscheduleDigest } from '../src/discord/digest/digestScheduleCommands.js';
import { showDigest } from '../src/discord/digest/digestShow.js';
import { LOCALIZED } from '../src/discord/localizations.js';

const handlers = { show: showDigest, schedule: scheduleDigest, unschedule: unscheduleDigest };

const topicOption = (o: SlashCommandStringOption) =>
  o
    .setName('topic')
    .setNameLocalizations(LOCALIZED.digestTopic.name)
    .setDescription('Only stories about this')
    .setDescriptionLocalizations(LOCALIZED.digestTopic.description)
    .setMaxLength(200);

/**
 * /digest show [topic] [since] | schedule channel time [topic] [timezone] | unschedule [channel]
 * — the main stories of a period, on demand or every day in a channel. Discord allows no
 * options beside subcommands, so `/digest [topic] [since]` is registered as `/digest show`;
 * the handler also takes topic and since given at the root (no subcommand), the form.
 * Scheduling needs Manage Server, checked here on every use (src/discord/digest/digestScheduleCommands.ts).
 */
export default {
  data: new SlashCommandBuilder()
    .setName('digest')
    .setNameLocalizations(LOCALIZED.digest.name)
    .setDescription('The main stories of a period, with their sources.')
    .setDescriptionLocalizations(LOCALIZED.digest.description)
    .addSubcommand((s) =>
      s
        .setName('show')
        .setNameLocalizations(LOCALIZED.digestShow.name)
        .setDescription('The main stories since a date (default: the last 24 hours)')
        .setDescriptionLocalizations(LOCALIZED.digestShow.description)
        .addStringOption(topicOption)
        .addStringOption((o) =>
          o
            .setName('since')
            .setNameLocalizations(LOCALIZED.digestSince.name)
            .setDescription('A date (YYYY-MM-DD) or a phrase such as "3 days ago"')
            .setDescriptionLocalizations(LOCALIZED.digestSince.description)
            .setMaxLength(100),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('schedule')
        .setNameLocalizations(LOCALIZED.digestSchedule.name)
        .setDescription('Post a digest in a channel every day at a time (Manage Server)')
        .setDescriptionLocalizations(LOCALIZED.digestSchedule.description)
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setNameLocalizations(LOCALIZED.digestChannel.name)
            .setDescription('The channel the digest is posted in')
            .setDescriptionLocalizations(LOCALIZED.digestChannel.description)
            .setRequired(true)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        )
        .addStringOption((o) =>
          o
            .setName('time')
            .setNameLocalizations(LOCALIZED.digestTime.name)
            .setDescription('Time of day HH:MM (24 h) in the server’s time zone')
            .setDescriptionLocalizations(LOCALIZED.digestTime.description)
            .setRequired(true)
            .setMaxLength(5),
        )
        .addStringOption(topicOption)
        .addStringOption((o) =>
          o
            .setName('timezone')
            .setNameLocalizations(LOCALIZED.digestTimezone.name)
            .setDescription('The server’s time zone (IANA, e.g. Europe/Rome); saved for the server')
            .setDescriptionLocalizations(LOCALIZED.digestTimezone.description)
            .setMaxLength(64),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('unschedule')
        .setNameLocalizations(LOCALIZED.digestUnschedule.name)
        .setDescription('Stop the daily digest (Manage Server)')
        .setDescriptionLocalizations(LOCALIZED.digestUnschedule.description)
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setNameLocalizations(LOCALIZED.digestUnscheduleChannel.name)
            .setDescription('Only this channel’s digest (else every one of the server)')
            .setDescriptionLocalizations(LOCALIZED.digestUnscheduleChannel.description)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        ),
    ),

  async execute(interaction, context) {
    // No subcommand: `/digest [topic] [since]` with its options at the root, shown like `/digest show`.
    const subcommand = (interaction.options.getSubcommand(false) ?? 'show') as keyof typeof handlers;
    await handlers[subcommand](interaction, context);
  },
} satisfies Command;
