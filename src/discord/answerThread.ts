import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, RESTJSONErrorCodes, ThreadAutoArchiveDuration, type Message } from 'discord.js';

/** Discord's limit for a thread name. */
export const MAX_THREAD_NAME = 100;

/** A thread name from the question: whitespace collapsed, cut at a word boundary to 100 characters. */
export function threadName(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_THREAD_NAME) return text;
  const cut = text.slice(0, MAX_THREAD_NAME - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_THREAD_NAME / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Errors that mean "not allowed here", as opposed to a failure worth logging. */
const NOT_ALLOWED = new Set<number>([
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType,
]);

export type ThreadOutcome = { threadId: string; notice?: undefined } | { threadId: null; notice: string };

/**
 * Starts a public thread from the bot's answer, named from the question, so that messages in
 * it are follow-ups. Where a thread cannot be started (a DM, a private answer, no permission
 * to create public threads) the answer stays inline and the notice says why.
 */
export async function startAnswerThread(answer: Message, question: string, where: { ephemeral: boolean; inGuild: boolean }): Promise<ThreadOutcome> {
  if (!where.inGuild) return { threadId: null, notice: 'Threads exist only in server channels, so the answer stays here.' };
  if (where.ephemeral) return { threadId: null, notice: 'A private answer cannot start a thread, so the answer stays here.' };
  try {
    const thread = await answer.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    return { threadId: thread.id };
  } catch (error) {
    if (error instanceof DiscordAPIError && typeof error.code === 'number' && NOT_ALLOWED.has(error.code)) {
      return {
        threadId: null,
        notice: 'I am not allowed to start threads in this channel (I need the Create Public Threads permission), so the answer stays here.',
      };
    }
    // Already in a thread, or a channel type that has no threads.
    if (
      error instanceof DiscordjsError &&
      [DiscordjsErrorCodes.MessageThreadParent, DiscordjsErrorCodes.MessageExistingThread, DiscordjsErrorCodes.ChannelNotCached].includes(
        error.code as DiscordjsErrorCodes,
      )
    ) {
      return { threadId: null, notice: 'Threads cannot be started from an answer in this channel, so the answer stays here.' };
    }
    throw error;
  }
}
