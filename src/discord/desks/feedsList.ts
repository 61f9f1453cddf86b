import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';
import type { DeskSource } from '../../core/ports/newsDesks.js';
import { NO_MENTIONS } from '../answering.js';
import type { BotContext } from '../command.js';
import { escapeMarkdown } from '../escapeMarkdown.js';
import { splitMessage } from '../splitMessage.js';
import { deskOf } from './deskAccess.js';
import { describeSource } from './describeSource.js';

/** /feeds list: this server's sources only, each with what it holds and how its reading goes. */
export async function listFeeds(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const guildId = deskOf(interaction);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const store = context.kb.store;
  const sources = await store.deskSources(guildId);
  const limit = context.config.discord.maxSourcesPerServer;
  const head = `**This server’s news sources** (${sources.length} of at most ${limit}; the bot’s general sources are answered from as well)`;
  const text =
    sources.length === 0
      ? `${head}\nNone yet: add a site, feed or article page with /feeds add, or a feed reader’s OPML file with /feeds import.`
      : [head, ...(await sourceLines(store, sources))].join('\n');
  const [first, ...rest] = splitMessage(text);
  await interaction.editReply({ content: first!, allowedMentions: NO_MENTIONS });
  for (const piece of rest) await interaction.followUp({ content: piece, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

async function sourceLines(store: KnowledgeStore, sources: DeskSource[]): Promise<string[]> {
  const counts = await store.articleCounts(sources.map((s) => s.url));
  return Promise.all(sources.map(async (s) => `\`${s.id}\` ${describeSource(s)}\n   ${await readingLine(store, s, counts.get(s.url) ?? 0)}`));
}

/** Articles held, last success, last error and next poll (with the schedule's reason). */
async function readingLine(store: KnowledgeStore, source: DeskSource, articles: number): Promise<string> {
  const [status, schedule] = await Promise.all([store.sourceStatus(source.url), store.feedSchedule(source.url)]);
  const parts = [`${articles} article${articles === 1 ? '' : 's'}`, `last success: ${status?.lastSuccessAt ?? 'never'}`];
  if (status?.lastError && status.consecutiveFailures > 0)
    parts.push(`last error: ${escapeMarkdown(status.lastError.slice(0, 200))} (${status.lastErrorAt ?? '?'}, ${status.consecutiveFailures} in a row)`);
  if (source.kind === 'page') parts.push('a single page: read when added and at each /reingest');
  else if (schedule) parts.push(`next poll: ${schedule.nextPollAt}${schedule.backingOff ? ' (backing off)' : ''} — ${escapeMarkdown(schedule.reason)}`);
  else parts.push('next poll: at the poller’s next round');
  return parts.join(' · ');
}
