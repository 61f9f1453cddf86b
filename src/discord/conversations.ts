/** What a follow-up needs to know about the exchange it continues. */
export interface Exchange {
  /** The standalone question the answer was retrieved for. */
  question: string;
  answeredAt: number;
}

const MAX_EXCHANGES = 5000;
const MAX_AGE_MS = 6 * 60 * 60 * 1000;

/**
 * Remembers recent questions by the bot messages that answered them and by thread, so a
 * reply to an answer ("and when was that?") is understood together with the question.
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
