import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { canonicalUrl } from '../../../ingest/feeds/canonicalUrl.js';
import { type DiscoveredSource, DiscoveryError, discoverFeed } from '../../../ingest/feeds/feedDiscovery.js';
import { UserFacingError } from '../../core/errors.js';
import { NO_MENTIONS } from '../answering.js';
import type { BotContext } from '../command.js';
import { escapeMarkdown } from '../escapeMarkdown.js';
import { deskOf } from './deskAccess.js';
import { discoveryLimits } from './deskFetch.js';
import { requireRoom } from './deskLimit.js';
import { describeSource } from './describeSource.js';
import { readNow } from './readNow.js';

/**
 * /feeds add url:<site, feed or page> [channel]: finds what the address is (a feed, a site
 * whose feed is discovered, or an article page), adds it to this server, replies at once,
 * then reads it and edits the reply with the result.
 */
export async function addFeed(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const guildId = deskOf(interaction);
  const address = interaction.options.getString('url', true).trim();
  const channelId = interaction.options.getChannel('channel')?.id ?? null;
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const store = context.kb.store;
  await requireRoom(store, guildId, context.config.discord.maxSourcesPerServer);
  const found = await discover(address, context);
  const url = canonicalUrl(found.url) ?? found.url;
  // Checked again as the source is inserted: another /feeds add may have filled the last place meanwhile.
  const { source, created } = await store.addDeskSource(
    { guildId, channelId, url, kind: found.kind, title: found.title, addedBy: interaction.user.id },
    context.config.discord.maxSourcesPerServer,
  );
  const edit = (content: string) => interaction.editReply({ content, allowedMentions: NO_MENTIONS });
  if (!created) {
    await edit(`Already a source of this server: ${describeSource(source)}.`);
    return;
  }
  context.desks.scopes.noteDeskSourceAdded();
  context.logger.info({ guild: guildId, source: source.id, kind: source.kind }, 'desk source added');
  const added = `Added ${describeSource(source)}.`;
  await edit(`${added} Reading it now…`);
  await edit(`${added} ${await readNow(context, [source])}`);
}

/** What the address is; a refusal or a failure to find a feed becomes the reply, with its reason. */
async function discover(address: string, context: BotContext): Promise<DiscoveredSource> {
  const start = canonicalUrl(/^[a-z][a-z0-9+.-]*:/i.test(address) ? address : `https://${address}`);
  if (!start) throw new UserFacingError('bad_address', `Not added: ${escapeMarkdown(address)} is not an http or https address.`);
  try {
    return await discoverFeed(start, discoveryLimits(context.config));
  } catch (error) {
    if (error instanceof DiscoveryError) throw new UserFacingError('bad_address', `Not added: ${escapeMarkdown(error.message)}.`);
    throw error;
  }
}
