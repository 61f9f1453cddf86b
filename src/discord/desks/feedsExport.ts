import { AttachmentBuilder, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { writeOpml } from '../../../ingest/feeds/opml.js';
import { NO_MENTIONS } from '../answering.js';
import type { BotContext } from '../command.js';
import { deskOf } from './deskAccess.js';

/** /feeds export: this server's feeds as an OPML file any feed reader (and /feeds import) reads. */
export async function exportFeeds(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const guildId = deskOf(interaction);
  const sources = await context.kb.store.deskSources(guildId);
  const feeds = sources.filter((s) => s.kind === 'feed');
  const pages = sources.length - feeds.length;
  const xml = writeOpml(
    feeds.map((s) => ({ url: s.url, title: s.title ?? s.url })),
    { title: `News sources of ${interaction.guild?.name ?? 'a Discord server'}` },
  );
  // OPML lists feeds: single article pages have no place in it, and the reply says so.
  const note = pages > 0 ? ` ${pages} single page${pages === 1 ? ' is' : 's are'} not feeds and not in the file.` : '';
  await interaction.reply({
    content: `This server’s ${feeds.length} feed${feeds.length === 1 ? '' : 's'} as OPML.${note}`,
    files: [new AttachmentBuilder(Buffer.from(xml, 'utf8'), { name: 'news-sources.opml' })],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}
