import type { Client } from 'discord.js';
import type { LoadedEmbeddings } from '../../embeddings/loadEmbeddings.js';
import type { Logger } from '../../logger.js';
import type { BotContext } from '../command.js';

/** How long shutdown waits for answers in flight before abandoning them. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The handlers running now (answers being written), so shutdown can let them finish. */
export class InFlightWork {
  private accepting = true;
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  /** Runs `work` unless shutdown has begun; its failure is logged, never thrown. */
  track(work: () => Promise<unknown>, label: string): void {
    if (!this.accepting) return;
    const promise = work()
      .catch((error: unknown) => this.logger.error({ err: error, label }, 'handler failed'))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  /** Takes no new work; returns how much is still running. */
  stopAccepting(): number {
    this.accepting = false;
    return this.running.size;
  }

  /** Waits for the work in flight and `alsoWaitFor`, at most SHUTDOWN_GRACE_MS. */
  async settle(alsoWaitFor: Promise<unknown>[]): Promise<void> {
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([Promise.allSettled([...this.running, ...alsoWaitFor]), grace]);
  }
}

/** What a graceful shutdown stops, in this order. */
export interface ShutdownParts {
  inFlight: InFlightWork;
  /** Stops the schedules; resolves once a feed poll in progress has stopped. */
  stopSchedules: () => Promise<void>;
  context: BotContext;
  embeddings: LoadedEmbeddings;
  client: Client;
}

/** Stops taking questions, finishes or abandons in-flight work and a running re-ingest, then closes everything. */
export async function shutDown({ inFlight, stopSchedules, context, embeddings, client }: ShutdownParts): Promise<void> {
  const running = inFlight.stopAccepting();
  const schedulesStopped = stopSchedules();
  context.logger.info({ inFlight: running }, 'shutting down');
  await inFlight.settle([context.reingest.stop(), schedulesStopped]);
  // Ends the embedding worker process; a re-ingest still embedding fails its batch and stops.
  await embeddings.embeddings?.close();
  await client.destroy();
  await context.kb.store.close();
  context.logger.info('stopped');
}
