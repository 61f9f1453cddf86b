import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { BotContext, Command } from '../../src/discord/command.js';
import { AnswerQueue } from '../../src/discord/answerQueue.js';
import { MAX_RETRIEVAL_QUESTION_LENGTH } from '../../src/core/questions.js';
import { ConversationMemory, followUpContext, MAX_TURNS, nextExchange } from '../../src/discord/conversations.js';
import { createDraftEditor } from '../../src/discord/draftEditor.js';
import { handleInteraction } from '../../src/discord/interactionHandler.js';
import { InProcessRateLimiter } from '../../src/store/sqlite/sqliteRateLimiter.js';
import { splitMessage } from '../../src/discord/splitMessage.js';
import { createLogger } from '../../src/logger.js';

describe('splitMessage', () => {
  it('keeps short text whole and splits long text at paragraph, line, sentence, then word boundaries', () => {
    expect(splitMessage('short')).toEqual(['short']);
    const sources = Array.from({ length: 30 }, (_, i) => `[${i + 1}] A fairly long source title number ${i + 1} — Outlet, 2026-01-01, en — <https://example.com/${i}>`).join('\n');
    const text = `${'Sentence one is here. '.repeat(60)}\n\nSources:\n${sources}`;
    const pieces = splitMessage(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    // Every source line survives intact in exactly one piece.
    for (const line of sources.split('\n')) expect(pieces.filter((p) => p.split('\n').includes(line))).toHaveLength(1);
    const words = splitMessage('word '.repeat(1000));
    expect(words.every((p) => /^word( word)*$/.test(p))).toBe(true);
  });
});

describe('InProcessRateLimiter', () => {
  it('allows N questions a minute per user and says how long to wait', () => {
    let now = 0;
    const limiter = new InProcessRateLimiter(2, () => now);
    expect(limiter.take('a')).toBeNull();
    now = 10_000;
    expect(limiter.take('a')).toBeNull();
    expect(limiter.take('b')).toBeNull();
    now = 20_000;
    expect(limiter.take('a')).toBe(40);
    now = 60_001;
    expect(limiter.take('a')).toBeNull();
  });
});

describe('conversations', () => {
  it('remembers answers by message id and by thread', () => {
    const memory = new ConversationMemory();
    memory.rememberAnswer(['m1', 'm2'], nextExchange(undefined, 'Who signed the deal?'));
    expect(memory.forReplyTo('m2')?.turns).toEqual(['Who signed the deal?']);
    expect(memory.forReplyTo('other')).toBeUndefined();
    memory.rememberThread('t1', nextExchange(undefined, 'What did the council decide?'));
    expect(memory.forThread('t1')?.turns).toEqual(['What did the council decide?']);
  });

  it('keeps the last few turns, and the context of a follow-up always fits the retrieval limit', () => {
    let exchange = nextExchange(undefined, 'first question about the harbour');
    for (let i = 0; i < 20; i++) exchange = nextExchange(exchange, `follow-up ${i} ${'word '.repeat(99)}`.trim());
    expect(exchange.turns).toHaveLength(MAX_TURNS);
    expect(exchange.turns.at(-1)).toMatch(/^follow-up 19 /);
    const followUp = 'and then? '.repeat(50).trim();
    expect(followUpContext(exchange, followUp).length + 1 + followUp.length).toBeLessThanOrEqual(MAX_RETRIEVAL_QUESTION_LENGTH);
    // Turns longer than the budget keep their newest end.
    const huge = nextExchange(nextExchange(undefined, 'a'.repeat(3000)), `${'b'.repeat(2999)}Z`);
    const context = followUpContext(huge, followUp);
    expect(context.length + 1 + followUp.length).toBe(MAX_RETRIEVAL_QUESTION_LENGTH);
    expect(context.endsWith('Z')).toBe(true);
  });
});

describe('draft editor', () => {
  it('edits at most once per interval and never after finish', async () => {
    vi.useFakeTimers();
    const edits: string[] = [];
    const draft = createDraftEditor(async (t) => void edits.push(t), 1500);
    draft.update('a');
    draft.update('ab');
    await vi.advanceTimersByTimeAsync(10);
    expect(edits).toEqual(['ab ▌']);
    draft.update('abc');
    await vi.advanceTimersByTimeAsync(1000);
    expect(edits).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(edits).toEqual(['ab ▌', 'abc ▌']);
    draft.update('abcd');
    await draft.finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(edits).toHaveLength(2);
    vi.useRealTimers();
  });
});

describe('interaction errors', () => {
  it('answers an unexpected failure with an apology and an error id that the log holds with the stack', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) }) as never);
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
});

describe('answer queue', () => {
  it('starts questions on their own turns of the event loop, so pending I/O (deferrals, heartbeats) goes out between them', async () => {
    const queue = AnswerQueue.forAnswerer('none');
    const events: string[] = [];
    const question = (i: number) =>
      queue.run(async () => {
        events.push(`start ${i}`);
        if (i === 0) setImmediate(() => events.push('io')); // the first user's deferral, written to the socket
        await Promise.resolve(); // a store call that resolves at once (SQLite)
        const end = Date.now() + 5;
        while (Date.now() < end); // retrieval: CPU work on the loop
      });
    await Promise.all([0, 1, 2, 3, 4, 5].map(question));
    // Without the queue all six would run before the write goes out; here it goes out before the third.
    expect(events.indexOf('io')).toBeGreaterThan(0);
    expect(events.indexOf('io')).toBeLessThan(events.indexOf('start 2'));
  });

  it('runs two extractive answers at once, eight with an LLM (waiting on the model server)', async () => {
    const most = async (provider: string) => {
      const queue = AnswerQueue.forAnswerer(provider);
      let running = 0;
      let peak = 0;
      await Promise.all(
        Array.from({ length: 12 }, () =>
          queue.run(async () => {
            peak = Math.max(peak, ++running);
            await new Promise((r) => setTimeout(r, 5)); // waiting on I/O (embedding worker, LLM)
            running--;
          }),
        ),
      );
      return peak;
    };
    expect(await most('none')).toBe(2);
    expect(await most('openai')).toBe(8);
  });
});
