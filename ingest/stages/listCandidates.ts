import { SourceBackoff } from '../sourceBackoff.js';
import type { IngestOptions } from '../ingestOptions.js';
import { FetchPolicy } from '../sources/fetchPolicy.js';
import { listSource } from '../sources/candidates.js';
import type { Validators } from '../sources/fetchResource.js';
import type { Candidate, HttpValidatorCache, ListOptions } from '../sources/sourceEvents.js';
import type { SourceSpec } from '../sources/sourceSpecs.js';
import { throwIfAborted } from './ingestAborted.js';
import type { RunContext } from './runContext.js';

const DEFAULT_FEED_DEADLINE_MS = 120_000;

/**
 * The first stage: lists each source's candidates (articles not yet extracted), once per
 * key per run. Remembers which keys were listed and which sources were not read, so that
 * pruning never takes an article whose source could not be read for gone.
 */
export class SourceListing {
  /** Keys listed this run (and those of sources the server says are unchanged). */
  readonly seenKeys = new Set<string>();
  /** Sources not read this run (failed, or still backing off): their stored articles are not "gone". */
  readonly unreadSources = new Set<string>();
  /** Asked before a source is read, told how the read went. */
  readonly backoff: SourceBackoff;
  private readonly policy: FetchPolicy;

  constructor(
    private readonly run: RunContext,
    private readonly options: IngestOptions,
  ) {
    // Links from feeds and redirects must lead to public addresses; the operator's own source origins may be local (not a Discord server's).
    const operatorUrls = options.sources.filter((s) => s.kind === 'url' && !s.fromDesk).map((s) => s.id);
    this.policy = new FetchPolicy({ ...options.fetchGuard, operatorUrls });
    this.backoff = new SourceBackoff(run.store, options.now);
  }

  /** Starts reading one source; null when it is skipped this run because it is backing off. */
  async open(spec: SourceSpec): Promise<SourceRead | null> {
    const { run } = this;
    run.progress('listing', spec.id);
    const waiting = await this.backoff.skipping(spec);
    if (waiting) {
      run.summary.backingOff.push(waiting);
      this.unreadSources.add(spec.id); // not read: its stored articles are not "gone"
      run.log(`Source ${spec.id} skipped: backing off after ${waiting.consecutiveFailures} failed reads, next attempt after ${waiting.nextAttemptAt}`);
      return null;
    }
    const read = new SourceRead(spec, run, this);
    await read.start();
    return read;
  }

  /** What listSource needs to read `spec`: limits, conditional-request validators, the fetch policy. */
  listOptions(spec: SourceSpec, validators: HttpValidatorCache, refetch: boolean): ListOptions {
    const { options, run } = this;
    return {
      timeoutMs: options.fetchTimeoutMs,
      maxBytes: options.maxArticleBytes,
      userAgent: options.userAgent,
      signal: options.signal,
      feedDeadlineMs: options.feedDeadlineMs ?? DEFAULT_FEED_DEADLINE_MS,
      validators,
      forceRefetch: (sourceId) => sourceId === spec.id && refetch,
      policy: spec.kind === 'url' ? this.policy.forSource(spec.id, !spec.fromDesk) : this.policy,
      now: options.now,
      onRefused: (location, reason) => run.summary.refused.push({ location, reason }),
      onPageFailed: (location, reason) => run.log(`Item page ${location} not fetched (${reason}): the feed's summary is used`),
      onSourceResponse: options.onSourceResponse,
    };
  }
}

/** One source being read: its candidates, then its outcome (backoff, HTTP validators). */
export class SourceRead {
  /** Why the source could not be read, once it failed. */
  failure: string | null = null;
  private storedValidators: Validators | undefined;
  private fetchedValidators: Validators | null = null;
  private refetch = false;
  private skippedBefore = 0;

  constructor(
    readonly spec: SourceSpec,
    private readonly run: RunContext,
    private readonly listing: SourceListing,
  ) {}

  /**
   * Notes the skips so far (to tell whether all of this source went in) and reads what the
   * last run left for it, before listing: the source reader asks for it synchronously.
   */
  async start(): Promise<void> {
    this.skippedBefore = this.run.summary.skipped.length;
    this.storedValidators = await this.run.store.httpValidators(this.spec.id);
    this.refetch = await this.run.store.hasSummaryOnly(this.spec.id);
  }

  /**
   * The source's candidates not listed before in this run. Source failures, "not modified"
   * answers and skipped entries are counted here; the run stops (IngestAbortedError) between
   * articles once its signal is aborted.
   */
  async *candidates(): AsyncGenerator<Candidate> {
    const { run, spec, listing } = this;
    const validators: HttpValidatorCache = {
      get: (url) => (url === spec.id ? this.storedValidators : undefined),
      set: (_url, v) => {
        this.fetchedValidators = v;
      },
    };
    for await (const event of listSource(spec, listing.listOptions(spec, validators, this.refetch))) {
      throwIfAborted(run.signal);
      if (event.type === 'source-failed') {
        this.failure = event.reason;
        listing.unreadSources.add(event.sourceId);
        run.summary.failedSources.push({ source: event.sourceId, reason: event.reason });
        run.log(`Source ${event.sourceId} failed: ${event.reason}`);
        continue;
      }
      if (event.type === 'not-modified') {
        await this.keepUnchangedSource(event.sourceId);
        continue;
      }
      run.processed++;
      run.progress('articles', event.location);
      if (event.type === 'skipped') {
        run.skip(event.location, event.reason);
        continue;
      }
      if (listing.seenKeys.has(event.key)) {
        // Another source listed it first this run: this one brings it too.
        run.noteMember(event.sourceId, event.key);
        continue;
      }
      listing.seenKeys.add(event.key);
      yield event;
    }
  }

  /** A source the server says is unchanged (HTTP 304): its stored articles all count as listed and unchanged. */
  private async keepUnchangedSource(sourceId: string): Promise<void> {
    const keys = await this.run.store.keysForSource(sourceId);
    for (const key of keys) this.listing.seenKeys.add(key);
    this.run.summary.unchanged += keys.length;
  }

  /** Records the read's outcome once all its candidates are handled. */
  async finish(): Promise<void> {
    const { run, spec } = this;
    if (this.failure === null) run.summary.sourcesRead++;
    const after = await this.listing.backoff.record(spec, this.failure);
    if (after) run.summary.backingOff.push(after);
    // ETag/Last-Modified are kept only when every article of the source went in, so a
    // "304 Not Modified" never hides an article that failed last time.
    if (this.fetchedValidators && run.summary.skipped.length === this.skippedBefore) await run.store.setHttpValidators(spec.id, this.fetchedValidators);
  }
}
