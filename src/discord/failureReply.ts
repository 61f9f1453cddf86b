import { randomBytes } from 'node:crypto';
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { isUserFacing } from '../core/errors.js';
import type { Logger } from '../logger.js';
import { NO_MENTIONS } from './answering.js';

/** A short id shown to the user and written to the log with the stack, to find one from the other. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function apologyFor(errorId: string): string {
  return `Sorry, something went wrong while answering. Please try again later. (error id ${errorId})`;
}

/** Where a failure happened and how to tell the user about it. */
export interface FailureSurface {
  logger: Logger;
  /** Sends the text to the user (a reply, an edit of a deferred reply). */
  send: (content: string) => Promise<unknown>;
  /** Fields that say where it happened (command, user, channel), logged with the failure. */
  where: Record<string, unknown>;
  /** The log message for an unexpected failure ("command failed"). */
  failed: string;
  /** The text for an unexpected failure, naming its error id (default: apologyFor). */
  apology?: (errorId: string) => string;
}

export interface FailureReply {
  content: string;
  /** Set for an unexpected failure: the id the apology names and the log line with the stack holds. */
  errorId: string | null;
}

/**
 * The one way every Discord surface (slash commands, message answers, /reingest) reports a
 * failure: a user-facing error gets its own message (logged at info with its code); anything
 * else is logged with its stack under a short error id, and the user gets an apology naming
 * that id. A failure to send is logged, never thrown: the handler has nothing left to do.
 */
export async function reportFailure(error: unknown, surface: FailureSurface): Promise<FailureReply> {
  const reply = describeFailure(error, surface);
  try {
    await surface.send(reply.content);
  } catch (sendError) {
    surface.logger.warn({ err: sendError }, 'could not report a failure to the user');
  }
  return reply;
}

function describeFailure(error: unknown, surface: FailureSurface): FailureReply {
  if (isUserFacing(error)) {
    surface.logger.info({ ...surface.where, code: error.code }, 'expected failure');
    return { content: error.message, errorId: null };
  }
  const errorId = newErrorId();
  surface.logger.error({ ...surface.where, err: error, errorId }, surface.failed);
  return { content: (surface.apology ?? apologyFor)(errorId), errorId };
}

/** Never leaves a deferred reply hanging: edits it, or replies privately if nothing was sent yet. */
export function sendToInteraction(
  interaction: Pick<ChatInputCommandInteraction, 'deferred' | 'replied' | 'reply' | 'editReply'>,
): (content: string) => Promise<unknown> {
  return (content) =>
    interaction.deferred || interaction.replied
      ? interaction.editReply({ content, allowedMentions: NO_MENTIONS })
      : interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}
