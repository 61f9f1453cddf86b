import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { addFeed } from '../src/discord/desks/feedsAdd.js';
import { exportFeeds } from '../src/discord/desks/feedsExport.js';
import { importFeeds } from '../src/discord/desks/feedsImport.js';
import { listFeeds } from '../src/discord/desks/feedsList.js';
import { removeFeed, suggestFeeds } from '../src/discord/desks/feedsRemove.js';
import { LOCALIZED } from '../src/discord/localizations.js';

const handlers = { add: addFeed, list: listFeeds, remove: removeFeed, import: importFeeds, export: exportFeeds };

/**
 * /feeds add|list|remove|import|export — a server's own news sources (its news desk), for
 * members with Manage Server. Hidden from others by default_member_permissions, and checked
 * again on every use (src/discord/desks/deskAccess.ts), since a server can change the default.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('feeds')
    .setNameLocalizations(LOCALIZED.feeds.name)
    .setDescription('Manage this server’s own news sources (Manage Server).')
    .setDescriptionLocalizations(LOCALIZED.feeds.description)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setNameLocalizations(LOCALIZED.feedsAdd.name)
        .setDescription('Add a site, feed or page as a source')
        .setDescriptionLocalizations(LOCALIZED.feedsAdd.description)
        .addStringOption((o) =>
          o
            .setName('url')
            .setNameLocalizations(LOCALIZED.feedsUrl.name)
            .setDescription('Address of the site, feed or page')
            .setDescriptionLocalizations(LOCALIZED.feedsUrl.description)
            .setRequired(true)
            .setMaxLength(2000),
        )
        .addChannelOption((o) =>
          o
            .setName('channel')
            .setNameLocalizations(LOCALIZED.feedsChannel.name)
            .setDescription('Only questions in this channel use the source (else the whole server)')
            .setDescriptionLocalizations(LOCALIZED.feedsChannel.description)
            .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('list')
        .setNameLocalizations(LOCALIZED.feedsList.name)
        .setDescription('This server’s sources with articles, errors and next poll')
        .setDescriptionLocalizations(LOCALIZED.feedsList.description),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setNameLocalizations(LOCALIZED.feedsRemove.name)
        .setDescription('Remove one of this server’s sources')
        .setDescriptionLocalizations(LOCALIZED.feedsRemove.description)
        .addStringOption((o) =>
          o
            .setName('source')
            .setNameLocalizations(LOCALIZED.feedsSource.name)
            .setDescription('Number or address from /feeds list')
            .setDescriptionLocalizations(LOCALIZED.feedsSource.description)
            .setRequired(true)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('import')
        .setNameLocalizations(LOCALIZED.feedsImport.name)
        .setDescription('Add the feeds of an OPML file (a feed reader’s export)')
        .setDescriptionLocalizations(LOCALIZED.feedsImport.description)
        .addAttachmentOption((o) =>
          o
            .setName('file')
            .setNameLocalizations(LOCALIZED.feedsFile.name)
            .setDescription('The OPML file')
            .setDescriptionLocalizations(LOCALIZED.feedsFile.description)
            .setRequired(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('export')
        .setNameLocalizations(LOCALIZED.feedsExport.name)
        .setDescription('This server’s feeds as an OPML file')
        .setDescriptionLocalizations(LOCALIZED.feedsExport.description),
    ),

  async execute(interaction, context) {
    const handler = handlers[interaction.options.getSubcommand(true) as keyof typeof handlers];
    await handler(interaction, context);
  },

  async autocomplete(interaction, context) {
    await suggestFeeds(interaction, context);
  },
} satisfies Command;
