import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { answerForDiscord, checkQuestion, NO_MENTIONS } from '../src/discord/answering.js';
import type { Command } from '../src/discord/command.js';
import { createDraftEditor } from '../src/discord/draftEditor.js';

/** /ask question:<text> [private:<bool>] — answer with numbered citations. */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the news; the answer cites its sources.')
    .addStringOption((o) => o.setName('question').setDescription('Your question, in any language').setRequired(true).setMaxLength(2000))
    .addBooleanOption((o) => o.setName('private').setDescription('Show the answer only to you')),

  async execute(interaction, context) {
    const question = checkQuestion(context, interaction.user.id, interaction.options.getString('question', true));
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    // Acknowledge at once: Discord voids an interaction not answered within 3 seconds.
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const draft = createDraftEditor((text) => interaction.editReply({ content: text, allowedMentions: NO_MENTIONS }));
    const { pieces } = await answerForDiscord(context, question, { hooks: { onDraft: draft.update } });
    await draft.finish();
    const first = await interaction.editReply({ content: pieces[0]!, allowedMentions: NO_MENTIONS });
    const ids = [first.id];
    for (const piece of pieces.slice(1)) {
      const sent = await interaction.followUp({ content: piece, allowedMentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
      ids.push(sent.id);
    }
    context.conversations.rememberAnswer(ids, { question, answeredAt: Date.now() });
  },
} satisfies Command;
