import { describe, expect, it } from 'vitest';
import { MAX_RETRIEVAL_QUESTION_LENGTH } from '../../src/core/questions.js';
import { ConversationMemory, followUpContext, MAX_TURNS, nextExchange } from '../../src/discord/conversations.js';

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
