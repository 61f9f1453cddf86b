import { setTimeout as sleep } from 'node:timers/promises';
import type { FeedSchedule } from '../../src/core/ports/newsDesks.js';
import { IngestLockedError } from '../../src/store/errors.js';
import { ExtractionPool } from '../extract/extractionPool.js';
import { IngestAbortedError } from '../stages/ingestAborted.js';
import type { SourceSpec } from '../sources/sourceSpecs.js';
import { deskSourceSpecs } from './deskSourceSpecs.js';
import { type FeedPollDeps, type FeedPollResult, pollFeed } from './pollFeed.js';
import { DEFAULT_CLAIM_TTL_MS, pollHolder } from './pollHolder.js';

export interface FeedPollerOptions extends FeedPollDeps {
  /** The operator's web sources (NEWS_SOURCES, NEWS_SOURCES_FILE): polled like the desks' feeds, trusted as the operator's. */
  operatorSources: () => readonly SourceSpec[];
  /** This poller's name in the claims (pollHolder). */
  holder?: string;
  claimTtlMs?: number;
  /** Told what happened to each feed polled (the bot and the worker log it). */
  onPolled?: (report: PollReport) => void;
}

export type PollReport =
  | { sourceId: string; outcome: 'polled'; result: FeedPollResult }
  | { sourceId: string; outcome: 'failed'; error: string }
  /** Another process polled it first, or holds it now. */
  | { sourceId: string; outcome: 'claimed-elsewhere' };

export interface TickReport {
  polled: PollReport[];
  /** Another ingest held the store's lock: the feeds still due wait for the next tick. */
  locked: boolean;
}

/** A minute: a feed is polled at most a minute after it falls due, and a tick with nothing due costs two small queries. */
export const DEFAULT_TICK_MS = 60_000;

/**
 * Polls every feed on its own schedule (pollSchedule.ts), in the bot or `npm run worker`:
 * each tick reads the schedules and the feeds (every server's desk feeds, each URL once, and
 * the operator's web sources), and polls those due, most overdue first, one at a time.
 * Across processes sharing a PostgreSQL store (shards, workers) a claim makes sure one
 * process polls a feed at a time, and the schedule is read again once claimed, so a feed just
 * polled elsewhere is not polled twice.
 */
export class FeedPoller {
  readonly holder: string;
  private readonly stopping = new AbortController();
  private pool: ExtractionPool | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: FeedPollerOptions) {
    this.holder = options.holder ?? pollHolder('poller');
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The feeds to poll, each URL once: the operator's own spec wins over a desk's (it is trusted as configured). */
  async feeds(): Promise<SourceSpec[]> {
    const desks = (await this.options.store.deskSources()).filter((source) => source.kind === 'feed');
    const operator = this.options.operatorSources().filter((spec) => spec.kind === 'url');
    const specs = new Map(deskSourceSpecs(desks).map((spec) => [spec.id, spec]));
    for (const spec of operator) specs.set(spec.id, { ...spec, explicit: true, prune: false });
    return [...specs.values()];
  }

  /** The feeds due now, most overdue first (never polled: first of all). */
  async dueFeeds(): Promise<SourceSpec[]> {
    const schedules = new Map((await this.options.store.feedSchedules()).map((s) => [s.sourceId, s]));
    const dueAt = (spec: SourceSpec) => {
      const schedule = schedules.get(spec.id);
      return schedule ? Date.parse(schedule.nextPollAt) : Number.NEGATIVE_INFINITY;
    };
    return (await this.feeds()).filter((spec) => dueAt(spec) <= this.now()).sort((a, b) => dueAt(a) - dueAt(b));
  }

  /** One round: polls each due feed this poller can claim. */
  async tick(): Promise<TickReport> {
    const report: TickReport = { polled: [], locked: false };
    for (const spec of await this.dueFeeds()) {
      if (this.stopping.signal.aborted) break;
      const polled = await this.pollClaimed(spec);
      if (polled === 'locked') {
        report.locked = true;
        break;
      }
      report.polled.push(polled);
      this.options.onPolled?.(polled);
    }
    return report;
  }

  private async pollClaimed(spec: SourceSpec): Promise<PollReport | 'locked'> {
    const { store } = this.options;
    if (!(await store.claimFeedPoll(spec.id, this.holder, this.options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS)))
      return { sourceId: spec.id, outcome: 'claimed-elsewhere' };
    try {
      if (!isDue(await store.feedSchedule(spec.id), this.now())) return { sourceId: spec.id, outcome: 'claimed-elsewhere' };
      return { sourceId: spec.id, outcome: 'polled', result: await pollFeed(spec, this.deps()) };
    } catch (error) {
      if (error instanceof IngestLockedError || error instanceof IngestAbortedError) return 'locked';
      return { sourceId: spec.id, outcome: 'failed', error: (error as Error).message };
    } finally {
      await store.releaseFeedPoll(spec.id, this.holder);
    }
  }

  /** The poll's dependencies: this poller's signal, and one extraction pool for its life (not one per feed). */
  private deps(): FeedPollDeps {
    const { ingestOptions } = this.options;
    const signal = ingestOptions.signal ? AbortSignal.any([ingestOptions.signal, this.stopping.signal]) : this.stopping.signal;
    let extractor = ingestOptions.extractor;
    if (!extractor) {
      this.pool ??= new ExtractionPool({ timeoutMs: ingestOptions.extractionTimeoutMs ?? 20_000 });
      const pool = this.pool;
      extractor = (bytes, origin) => pool.extract(bytes, origin);
    }
    return { ...this.options, ingestOptions: { ...ingestOptions, signal, extractor } };
  }

  /** Ticks now and then every `everyMs` (a tick never overlaps the last); returns what stops it. */
  start(everyMs = DEFAULT_TICK_MS, onError: (error: unknown) => void = () => undefined): () => Promise<void> {
    const loop = async () => {
      while (!this.stopping.signal.aborted) {
        await this.tick().catch(onError);
        await sleep(everyMs, undefined, { signal: this.stopping.signal, ref: false }).catch(() => undefined);
      }
    };
    this.running = loop();
    return () => this.stop();
  }

  /** Stops between articles of the feed being polled and waits for it. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
    await this.pool?.close();
    this.pool = null;
  }
}

function isDue(schedule: FeedSchedule | undefined, now: number): boolean {
  return !schedule || Date.parse(schedule.nextPollAt) <= now;
}
