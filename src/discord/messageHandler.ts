import { ChannelType, type ActionRowBuilder, type ButtonBuilder, type Message } from 'discord.js';
import { answerForDiscord, checkQuestion, NO_MENTIONS } from './answering.js';
import type { BotContext } from './command.js';
import { followUpContext, nextExchange, type Exchange } from './conversations.js';
import { reportFailure } from './failureReply.js';
import { placeOf } from './desks/place.js';

const HELP = 'Ask me a question about the news, for example: “What has been reported about this week’s election?” Reply to my answer to ask a follow-up.';

/** In a DM no server is asking, so only the bot's general sources answer: said where it is cheap to say. */
function helpText(isDm: boolean): string {
  return isDm ? `${HELP} Here I answer from the bot's general news sources; a server's own sources (/feeds) answer only in that server.` : HELP;
}

/** Why a message is addressed to the bot, and the earlier exchange it continues, if any. */
interface Addressed {
  question: string;
  previous: Exchange | undefined;
  threadId: string | null;
}

function addressedToBot(message: Message, botId: string, context: BotContext): Addressed | null {
  const isDm = message.channel.type === ChannelType.DM || !message.guildId;
  const mentioned = message.mentions.users.has(botId);
  const referenceId = message.reference?.messageId;
  const repliedExchange = referenceId ? context.conversations.forReplyTo(referenceId) : undefined;
  const replyToBot = Boolean(repliedExchange) || message.mentions.repliedUser?.id === botId;
  const inBotThread = message.channel.isThread() && message.channel.ownerId === botId;
  if (!isDm && !mentioned && !replyToBot && !inBotThread) return null;
  // Strip mentions of the bot (and any other mention syntax) from the question text.
  const question = message.content
    .replace(/<@!?\d+>|<@&\d+>|@everyone|@here/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const previous = repliedExchange ?? (inBotThread ? context.conversations.forThread(message.channelId) : undefined);
  return { question, previous, threadId: inBotThread ? message.channelId : null };
}

/**
 * Direct messages, mentions and follow-ups: a DM to the bot is a question; in a server, a
 * message mentioning the bot is one; a reply to one of its answers, or a message in a thread
 * it started, continues that conversation and is retrieved together with the earlier question.
 */
export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  const botId = message.client.user?.id;
  if (!botId || message.author.bot || message.author.id === botId || message.system) return;
  const addressed = addressedToBot(message, botId, context);
  if (!addressed) return;

  const send = async (content: string, first: boolean, components: ActionRowBuilder<ButtonBuilder>[] = []) =>
    first
      ? message.reply({ content, allowedMentions: NO_MENTIONS, components })
      : message.channel.isSendable()
        ? message.channel.send({ content, allowedMentions: NO_MENTIONS, components })
        : undefined;

  try {
    if (!addressed.question) {
      await send(helpText(message.guildId === null), true);
      return;
    }
    const question = await checkQuestion(context, message.author.id, addressed.question);
    const retrievalQuestion = addressed.previous ? await context.kb.standaloneQuestion(followUpContext(addressed.previous, question), question) : undefined;
    if (message.channel.isSendable()) message.channel.sendTyping().catch(() => undefined);
    const scope = await context.desks.scopes.forPlace(placeOf(message.guildId, message.channelId, message.channel));
    const asker = { guildId: message.guildId, channelId: message.channelId, userId: message.author.id };
    const { pieces, components } = await answerForDiscord(context, question, { retrievalQuestion, scope, asker });
    const ids: string[] = [];
    for (const [i, piece] of pieces.entries()) {
      // The 👍/👎 row goes under the answer's last message.
      const sent = await send(piece, i === 0, i === pieces.length - 1 ? components : []);
      if (sent) ids.push(sent.id);
    }
    const exchange = nextExchange(addressed.previous, question);
    context.conversations.rememberAnswer(ids, exchange);
    if (addressed.threadId) context.conversations.rememberThread(addressed.threadId, exchange);
  } catch (error) {
    await reportFailure(error, {
      logger: context.logger,
      send: (content) => send(content, true),
      where: { channel: message.channelId },
      failed: 'message answer failed',
    });
  }
}
