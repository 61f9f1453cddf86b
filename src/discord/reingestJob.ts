import type { IngestProgress, IngestSummary } from '../../ingest/summary.js';

export type IngestRunner = (hooks: { onProgress: (p: IngestProgress) => void; signal: AbortSignal }) => Promise<IngestSummary>;

export interface RunningIngest {
  startedAt: number;
  trigger: string;
  progress: IngestProgress | null;
}

/**
 * Runs at most one ingestion at a time for the bot (from /reingest or the schedule), in the
 * background: answers to others keep flowing while it runs. A second request while one
 * runs is told so instead of starting another. The store's lock file also stops a CLI run.
 */
export class ReingestCoordinator {
  private running: (RunningIngest & { promise: Promise<IngestSummary> }) | null = null;
  private readonly abort = new AbortController();
  lastResult: { finishedAt: number; summary?: IngestSummary; error?: string } | null = null;

  constructor(private readonly runner: IngestRunner) {}

  current(): RunningIngest | null {
    return this.running ? { startedAt: this.running.startedAt, trigger: this.running.trigger, progress: this.running.progress } : null;
  }

  /**
   * Starts a run of the configured sources, or of `runner` (a server's own sources), or
   * returns null when one is already running.
   */
  start(trigger: string, onProgress: (p: IngestProgress) => void = () => undefined, runner: IngestRunner = this.runner): Promise<IngestSummary> | null {
    if (this.running) return null;
    const state: RunningIngest = { startedAt: Date.now(), trigger, progress: null };
    const promise = runner({
      signal: this.abort.signal,
      onProgress: (p) => {
        state.progress = p;
        onProgress(p);
      },
    })
      .then((summary) => {
        this.lastResult = { finishedAt: Date.now(), summary };
        return summary;
      })
      .catch((error: Error) => {
        this.lastResult = { finishedAt: Date.now(), error: error.message };
        throw error;
      })
      .finally(() => {
        this.running = null;
      });
    this.running = Object.assign(state, { promise });
    return promise;
  }

  /** Shutdown: asks a running ingestion to stop between articles and waits for it. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running?.promise.catch(() => undefined);
  }
}
