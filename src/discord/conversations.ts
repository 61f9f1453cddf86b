import { MAX_RETRIEVAL_QUESTION_LENGTH } from '../core/questions.js';

/** What a follow-up needs to know about the exchange it continues. */
export interface Exchange {
  /** The questions asked so far in this conversation, oldest first: at most MAX_TURNS. */
  turns: string[];
  answeredAt: number;
}

/**
 * Questions a follow-up is understood with: the last few, not the whole chain. Three covers
 * "and when?" after "and where?" after the question that named the subject; older turns add
 * words that pull retrieval away from what is asked now.
 */
export const MAX_TURNS = 3;

/** The exchange after `question` was answered: the earlier turns it continues, plus this one. */
export function nextExchange(previous: Exchange | undefined, question: string): Exchange {
  return { turns: [...(previous?.turns ?? []), question].slice(-MAX_TURNS), answeredAt: Date.now() };
}

/**
 * The earlier questions a follow-up is retrieved with, newest kept first, so that context plus
 * follow-up always fit the retrieval limit (MAX_RETRIEVAL_QUESTION_LENGTH): however long a
 * chain of follow-ups grows, none fails for its length.
 */
export function followUpContext(previous: Exchange, followUp: string): string {
  const budget = MAX_RETRIEVAL_QUESTION_LENGTH - followUp.length - 1;
  const kept: string[] = [];
  let used = 0;
  for (const turn of [...previous.turns].reverse()) {
    const separator = kept.length ? 1 : 0;
    const room = budget - used - separator;
    if (room <= 0) break;
    // A turn too long for what is left keeps its end, the part nearest the follow-up.
    const piece = turn.length <= room ? turn : turn.slice(turn.length - room);
    kept.unshift(piece);
    used += piece.length + separator;
  }
  return kept.join(' ');
}

const MAX_EXCHANGES = 5000;
const MAX_AGE_MS = 6 * 60 * 60 * 1000;

/**
 * Remembers recent questions by the bot messages that answered them and by thread, so a
 * reply to an answer ("and when was that?") is understood together with the questions before
 * it (the last MAX_TURNS).
 */
export class ConversationMemory {
  private readonly byMessage = new Map<string, Exchange>();
  private readonly byThread = new Map<string, Exchange>();

  rememberAnswer(botMessageIds: string[], exchange: Exchange): void {
    for (const id of botMessageIds) this.put(this.byMessage, id, exchange);
  }

  rememberThread(threadId: string, exchange: Exchange): void {
    this.put(this.byThread, threadId, exchange);
  }

  forReplyTo(messageId: string): Exchange | undefined {
    return this.fresh(this.byMessage.get(messageId));
  }

  forThread(threadId: string): Exchange | undefined {
    return this.fresh(this.byThread.get(threadId));
  }

  private fresh(exchange: Exchange | undefined): Exchange | undefined {
    return exchange && Date.now() - exchange.answeredAt < MAX_AGE_MS ? exchange : undefined;
  }

  private put(map: Map<string, Exchange>, key: string, exchange: Exchange): void {
    map.delete(key);
    map.set(key, exchange);
    if (map.size > MAX_EXCHANGES) map.delete(map.keys().next().value!);
  }
}
