import { SlashCommandBuilder } from 'discord.js';
import { sourceDetails, sourceLink } from '../src/core/answer/format.js';
import { phrasesFor } from '../src/core/answer/phrases.js';
import { questionLanguage } from '../src/core/knowledgeBase.js';
import { checkQuestion, DISCORD_FORMAT, NO_MENTIONS } from '../src/discord/answering.js';
import { escapeMarkdown } from '../src/discord/escapeMarkdown.js';
import type { Command } from '../src/discord/command.js';
import { LOCALIZED } from '../src/discord/localizations.js';
import { placeOf } from '../src/discord/desks/place.js';
import { splitMessage } from '../src/discord/splitMessage.js';

const EXCERPT_CHARS = 280;

/** /sources query:<text> — the top passages and their sources, no synthesis. */
export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setNameLocalizations(LOCALIZED.sources.name)
    .setDescription('Show the news passages that match a query, with their sources, to read for yourself.')
    .setDescriptionLocalizations(LOCALIZED.sources.description)
    .addStringOption((o) =>
      o
        .setName('query')
        .setNameLocalizations(LOCALIZED.sourcesQuery.name)
        .setDescription('What to look for')
        .setDescriptionLocalizations(LOCALIZED.sourcesQuery.description)
        .setRequired(true)
        .setMaxLength(2000),
    ),

  async execute(interaction, context) {
    const query = await checkQuestion(context, interaction.user.id, interaction.options.getString('query', true));
    await interaction.deferReply();
    const scope = await context.desks.scopes.forPlace(placeOf(interaction.guildId, interaction.channelId, interaction.channel));
    const result = await context.kb.retrieve(query, { k: 5, scope });
    const language = questionLanguage(query);
    const phrases = phrasesFor(language);
    const relevant = result.passages.filter((p) => p.relevance > 0);
    const blocks = relevant.map((p, i) => {
      const d = p.document;
      const details = sourceDetails({ ...d, section: p.section }, language, DISCORD_FORMAT);
      const excerpt = p.text.length > EXCERPT_CHARS ? `${p.text.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, '')} …` : p.text;
      const link = sourceLink(d, DISCORD_FORMAT);
      // The bot's own bold title line and quote block; what the article wrote inside them is escaped.
      return `**[${i + 1}] ${escapeMarkdown(d.title)}** — ${details} — ${link}\n> ${escapeMarkdown(excerpt).replace(/\n+/g, '\n> ')}`;
    });
    const text = blocks.length > 0 ? blocks.join('\n\n') : phrases.noAnswer;
    const pieces = splitMessage(text);
    await interaction.editReply({ content: pieces[0]!, allowedMentions: NO_MENTIONS });
    for (const piece of pieces.slice(1)) await interaction.followUp({ content: piece, allowedMentions: NO_MENTIONS });
  },
} satisfies Command;
