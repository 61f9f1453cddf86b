import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { BotContext, Command } from '../../src/discord/command.js';
import { UserFacingError } from '../../src/core/errors.js';
import { reportFailure } from '../../src/discord/failureReply.js';
import { handleInteraction } from '../../src/discord/interactionHandler.js';
import { createLogger } from '../../src/logger.js';

/** A logger whose JSON lines are kept, to read what was logged. */
function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write: (chunk, _e, cb) => {
        lines.push(String(chunk));
        cb();
      },
    }) as never,
  );
  return { logger, lines };
}

describe('interaction errors', () => {
  it('answers an unexpected failure with an apology and an error id that the log holds with the stack', async () => {
    const { logger, lines } = capturedLogger();
    const failing: Command = {
      data: { name: 'boom', toJSON: () => ({}) as never },
      execute: async () => {
        throw new Error('database exploded');
      },
    };
    const replies: Array<{ content: string; flags?: number }> = [];
    const interaction = {
      isChatInputCommand: () => true,
      commandName: 'boom',
      deferred: false,
      replied: false,
      user: { id: 'u' },
      reply: async (r: { content: string; flags?: number }) => void replies.push(r),
      editReply: async () => undefined,
    };
    await handleInteraction(interaction as never, new Map([['boom', failing]]), { logger } as unknown as BotContext);
    expect(replies[0]!.content).toMatch(/Sorry, something went wrong.*error id ([0-9a-f]{8})/);
    expect(replies[0]!.flags).toBe(64);
    const errorId = replies[0]!.content.match(/error id ([0-9a-f]{8})/)![1];
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.errorId === errorId);
    expect(logged.err.stack).toContain('database exploded');
  });

  it('shows a user-facing error as it is, in the deferred reply, and logs its code rather than an error', async () => {
    const { logger, lines } = capturedLogger();
    const refusing: Command = {
      data: { name: 'refuse', toJSON: () => ({}) as never },
      execute: async () => {
        throw new UserFacingError('busy', 'A re-ingest is already running.');
      },
    };
    const edits: Array<{ content: string }> = [];
    const interaction = {
      isChatInputCommand: () => true,
      commandName: 'refuse',
      deferred: true,
      replied: false,
      user: { id: 'u' },
      reply: async () => undefined,
      editReply: async (r: { content: string }) => void edits.push(r),
    };
    await handleInteraction(interaction as never, new Map([['refuse', refusing]]), { logger } as unknown as BotContext);
    expect(edits.map((e) => e.content)).toEqual(['A re-ingest is already running.']);
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged.find((l) => l.msg === 'expected failure')?.code).toBe('busy');
    expect(logged.some((l) => l.level >= 50)).toBe(false);
  });
});

describe('reportFailure', () => {
  it("uses the surface's own apology, returns its error id, and logs (never throws) a failure to send", async () => {
    const { logger, lines } = capturedLogger();
    const reply = await reportFailure(new Error('disk full'), {
      logger,
      send: async () => {
        throw new Error('Discord is down');
      },
      where: { command: 'reingest' },
      failed: 're-ingest failed',
      apology: (id) => `Re-ingest failed (error id ${id}); the log has the details.`,
    });
    expect(reply.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(reply.content).toBe(`Re-ingest failed (error id ${reply.errorId}); the log has the details.`);
    const logged = lines.map((l) => JSON.parse(l));
    expect(logged.find((l) => l.msg === 're-ingest failed')).toMatchObject({ errorId: reply.errorId, command: 'reingest' });
    expect(logged.find((l) => l.msg === 'could not report a failure to the user')?.err.message).toBe('Discord is down');
  });
});
