import { type AutocompleteInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { canonicalUrl } from '../../../ingest/feeds/canonicalUrl.js';
import { UserFacingError } from '../../core/errors.js';
import type { DeskSource } from '../../core/ports/newsDesks.js';
import { NO_MENTIONS } from '../answering.js';
import type { BotContext } from '../command.js';
import { escapeMarkdown } from '../escapeMarkdown.js';
import { canManageDesk } from '../permissions.js';
import { deskOf } from './deskAccess.js';
import { describeSource } from './describeSource.js';
import { removeFromDesk } from './sourceRemoval.js';

/** Discord shows at most 25 suggestions, each name at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_NAME = 100;

/**
 * The server's sources named by `wanted`: a number from /feeds list (one source), the address
 * stored (every channel's entry for it), a title, or the address first given for it (a site
 * whose feed was discovered: the one source under that address).
 */
function matching(sources: DeskSource[], wanted: string): DeskSource[] {
  const byId = sources.filter((s) => String(s.id) === wanted);
  if (byId.length > 0) return byId;
  const url = canonicalUrl(wanted) ?? wanted;
  const byUrl = sources.filter((s) => s.url === url);
  if (byUrl.length > 0) return byUrl;
  const byTitle = sources.filter((s) => s.title !== null && s.title.toLowerCase() === wanted.toLowerCase());
  if (byTitle.length > 0) return byTitle;
  if (canonicalUrl(wanted) === null) return [];
  const under = sources.filter((s) => s.url.startsWith(url));
  return new Set(under.map((s) => s.url)).size === 1 ? under : [];
}

/** /feeds remove source:<number or address>: out of this server's answers at once. */
export async function removeFeed(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const guildId = deskOf(interaction);
  const wanted = interaction.options.getString('source', true).trim();
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const store = context.kb.store;
  const found = matching(await store.deskSources(guildId), wanted);
  if (found.length === 0) {
    throw new UserFacingError('bad_address', `This server has no source ${escapeMarkdown(wanted)}: /feeds list shows the numbers and addresses.`);
  }
  await removeFromDesk(store, guildId, found, context.desks.scopes.globalIds());
  context.logger.info({ guild: guildId, sources: found.map((s) => s.id) }, 'desk sources removed');
  const names = found.map((s) => `- ${describeSource(s)}`).join('\n');
  await interaction.editReply({ content: `Removed; its articles no longer answer questions in this server:\n${names}`, allowedMentions: NO_MENTIONS });
}

/** Suggests this server's own sources (only to members who may remove them) as the member types. */
export async function suggestFeeds(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  if (!interaction.inGuild() || !canManageDesk(interaction)) return interaction.respond([]);
  const typed = interaction.options.getFocused().toLowerCase();
  const sources = await context.kb.store.deskSources(interaction.guildId);
  const choices = sources
    .filter((s) => `${s.id} ${s.title ?? ''} ${s.url}`.toLowerCase().includes(typed))
    .slice(0, MAX_CHOICES)
    .map((s) => ({ name: `${s.id}: ${s.title ?? s.url}`.slice(0, MAX_CHOICE_NAME), value: String(s.id) }));
  await interaction.respond(choices);
}
