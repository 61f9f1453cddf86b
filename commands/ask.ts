import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { answerForDiscord, checkQuestion, NO_MENTIONS } from '../src/discord/answering.js';
import type { Command } from '../src/discord/command.js';
import { createDraftEditor } from '../src/discord/draftEditor.js';
import { LOCALIZED } from '../src/discord/localizations.js';
import { startAnswerThread } from '../src/discord/answerThread.js';
import { nextExchange } from '../src/discord/conversations.js';
import { placeOf } from '../src/discord/desks/place.js';

/** /ask question:<text> [private:<bool>] [thread:<bool>] — answer with numbered citations. */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setNameLocalizations(LOCALIZED.ask.name)
    .setDescription('Ask a question about the news; the answer cites its sources.')
    .setDescriptionLocalizations(LOCALIZED.ask.description)
    .addStringOption((o) =>
      o
        .setName('question')
        .setNameLocalizations(LOCALIZED.askQuestion.name)
        .setDescription('Your question, in any language')
        .setDescriptionLocalizations(LOCALIZED.askQuestion.description)
        .setRequired(true)
        .setMaxLength(2000),
    )
    .addBooleanOption((o) =>
      o
        .setName('private')
        .setNameLocalizations(LOCALIZED.askPrivate.name)
        .setDescription('Show the answer only to you')
        .setDescriptionLocalizations(LOCALIZED.askPrivate.description),
    )
    .addBooleanOption((o) =>
      o
        .setName('thread')
        .setNameLocalizations(LOCALIZED.askThread.name)
        .setDescription('Start a thread from the answer; messages in it are follow-up questions')
        .setDescriptionLocalizations(LOCALIZED.askThread.description),
    ),

  async execute(interaction, context) {
    const question = await checkQuestion(context, interaction.user.id, interaction.options.getString('question', true));
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    const wantsThread = interaction.options.getBoolean('thread') ?? false;
    // Acknowledge at once: Discord voids an interaction not answered within 3 seconds.
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const draft = createDraftEditor((text) => interaction.editReply({ content: text, allowedMentions: NO_MENTIONS }));
    const scope = await context.desks.scopes.forPlace(placeOf(interaction.guildId, interaction.channelId, interaction.channel));
    const asker = { guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id };
    const { pieces, components } = await answerForDiscord(context, question, { hooks: { onDraft: draft.update }, scope, asker });
    await draft.finish();
    // The 👍/👎 row goes under the last message of the answer, once it is final.
    const buttonsIf = (last: boolean) => (last ? { components } : {});
    const first = await interaction.editReply({ content: pieces[0]!, allowedMentions: NO_MENTIONS, ...buttonsIf(pieces.length === 1) });
    const ids = [first.id];
    for (const [i, piece] of pieces.slice(1).entries()) {
      const sent = await interaction.followUp({
        content: piece,
        allowedMentions: NO_MENTIONS,
        ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
        ...buttonsIf(i === pieces.length - 2),
      });
      ids.push(sent.id);
    }
    const exchange = nextExchange(undefined, question);
    context.conversations.rememberAnswer(ids, exchange);
    if (!wantsThread) return;
    const outcome = await startAnswerThread(first, question, { ephemeral, inGuild: interaction.inGuild() });
    if (outcome.threadId) context.conversations.rememberThread(outcome.threadId, exchange);
    else await interaction.followUp({ content: outcome.notice, allowedMentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  },
} satisfies Command;
