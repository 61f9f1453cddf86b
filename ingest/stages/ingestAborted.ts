/** Thrown when the run's signal stops it between articles (shutdown). */
export class IngestAbortedError extends Error {
  override name = 'IngestAbortedError';
  constructor() {
    super('ingestion was stopped before it finished; articles written so far are complete, the rest are unchanged');
  }
}

/** Stops the run here when its signal was aborted: checked between articles, never inside one. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new IngestAbortedError();
}
