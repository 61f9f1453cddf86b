import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { MAX_OPML_CHARS, OpmlError, parseOpml } from '../../../ingest/feeds/opml.js';
import { UserFacingError } from '../../core/errors.js';
import { NO_MENTIONS } from '../answering.js';
import type { BotContext } from '../command.js';
import { escapeMarkdown } from '../escapeMarkdown.js';
import { splitMessage } from '../splitMessage.js';
import { deskOf } from './deskAccess.js';
import { deskFetchPolicy } from './deskFetch.js';
import { roomLeft } from './deskLimit.js';
import { addOpmlFeeds, type ImportOutcome } from './opmlEntries.js';
import { readAttachment } from './discordAttachment.js';
import { readNow } from './readNow.js';

/** Skipped entries listed one by one at most; the rest are counted. */
const MAX_SKIPPED_LINES = 15;

/** /feeds import file:<OPML>: a feed reader's subscriptions become this server's sources, then are read. */
export async function importFeeds(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const guildId = deskOf(interaction);
  const attachment = interaction.options.getAttachment('file', true);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  // UTF-8 takes at most 4 bytes a character: a larger file cannot be a readable OPML file.
  if (attachment.size > MAX_OPML_CHARS * 4) throw new UserFacingError('bad_address', 'That file is too large to be a feed list (OPML).');
  const parsed = readOpml(await readAttachment(context.config, attachment.url, MAX_OPML_CHARS * 4));
  const store = context.kb.store;
  const limit = context.config.discord.maxSourcesPerServer;
  const outcome = await addOpmlFeeds(parsed.feeds, {
    store,
    guildId,
    addedBy: interaction.user.id,
    room: await roomLeft(store, guildId, limit),
    limit,
    policy: deskFetchPolicy(context.config),
  });
  outcome.skipped.unshift(...parsed.rejected);
  if (outcome.added.length > 0) context.desks.scopes.noteDeskSourceAdded();
  context.logger.info({ guild: guildId, added: outcome.added.length, skipped: outcome.skipped.length }, 'OPML imported');
  const report = importReport(outcome);
  const edit = (text: string) => interaction.editReply({ content: splitMessage(text)[0]!, allowedMentions: NO_MENTIONS });
  if (outcome.added.length === 0) return void (await edit(report));
  await edit(`${report}\nReading the new feeds now…`);
  await edit(`${report}\n${await readNow(context, outcome.added)}`);
}

function readOpml(text: string) {
  try {
    return parseOpml(text);
  } catch (error) {
    if (error instanceof OpmlError)
      throw new UserFacingError('bad_address', `That file is not a feed list I can read (OPML): ${escapeMarkdown(error.message)}.`);
    throw error;
  }
}

/** "Imported 3 feeds; skipped 2:" with each skipped entry and why (titles come from the file: escaped). */
function importReport(outcome: ImportOutcome): string {
  const n = outcome.added.length;
  const lines = [
    `Imported ${n} feed${n === 1 ? '' : 's'} into this server’s sources${outcome.skipped.length > 0 ? `; skipped ${outcome.skipped.length}:` : '.'}`,
  ];
  for (const s of outcome.skipped.slice(0, MAX_SKIPPED_LINES)) lines.push(`- ${escapeMarkdown(s.entry.slice(0, 100))}: ${escapeMarkdown(s.reason)}`);
  if (outcome.skipped.length > MAX_SKIPPED_LINES) lines.push(`- … and ${outcome.skipped.length - MAX_SKIPPED_LINES} more`);
  return lines.join('\n');
}
