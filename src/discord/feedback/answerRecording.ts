import type { ActionRowBuilder, ButtonBuilder } from 'discord.js';
import type { Answer } from '../../core/answer/types.js';
import type { BotContext } from '../command.js';
import { feedbackButtons } from './feedbackComponents.js';

/** Who asked where: all the bot keeps about a person (their id, and the server; null in a DM). */
export interface Asker {
  guildId: string | null;
  channelId: string;
  userId: string;
}

/**
 * Records an answered or declined question (src/core/ports/answerLog.ts) and returns the 👍/👎
 * row for the answer's last message. Recording is not worth losing an answer over: when the
 * store refuses, the failure is logged and the answer goes out without buttons.
 */
export async function recordAndOfferFeedback(context: BotContext, asker: Asker, question: string, answer: Answer): Promise<ActionRowBuilder<ButtonBuilder>[]> {
  try {
    const id = await context.kb.store.recordAnswer({
      at: new Date().toISOString(),
      ...asker,
      question,
      answer: answer.answer,
      citations: answer.citations,
      answered: !answer.noAnswer,
      mode: answer.mode,
    });
    return [feedbackButtons(id)];
  } catch (error) {
    context.logger.warn({ err: error, channel: asker.channelId }, 'could not record the answer: sent without feedback buttons');
    return [];
  }
}
