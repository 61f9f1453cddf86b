import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fetch, type Response } from 'undici';
import { AddressRefusedError } from './addressGuard.js';
import { FetchPolicy } from './fetchPolicy.js';
import { HostCooldowns, parseRetryAfter } from './hostCooldowns.js';
import { HostLimiter } from './hostLimiter.js';

/**
 * HTTP fetching with a deadline, a size cap, a per-host limit and the servers' own pauses
 * (Retry-After), following redirects one checked hop at a time, so one bad URL or host cannot
 * stall or flood ingestion, and no link can make the bot read its own network.
 */
export class FetchError extends Error {
  override name = 'FetchError';
}

/** The link (or a redirect on the way) leads to a non-public address; nothing was sent there. */
export class RefusedFetchError extends FetchError {
  override name = 'RefusedFetchError';
  /** `reason` is e.g. "resolves to a private address 127.0.0.2 (loopback)"; `url` the hop refused. */
  constructor(
    readonly reason: string,
    readonly url: string,
  ) {
    super(reason);
  }
}

/** The response headers a feed's poll schedule reads (ingest/feeds/pollSchedule.ts), as the server sent them. */
export interface ResponseHeaders {
  cacheControl: string | null;
  expires: string | null;
  date: string | null;
  retryAfter: string | null;
}

/**
 * The server answered with an error status: the message is the standard reason phrase (never
 * the server's own text, which would reach the summary and /status); status and headers are
 * kept for the poll schedule (a 429 or 503 with Retry-After is a request to wait).
 */
export class HttpStatusError extends FetchError {
  override name = 'HttpStatusError';
  constructor(
    readonly status: number,
    readonly headers: ResponseHeaders,
    message = `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim(),
  ) {
    super(message);
  }
}

export interface FetchedResource {
  /** 200-class status, or 304. */
  status: number;
  headers: ResponseHeaders;
  bytes: Uint8Array;
  contentType: string | null;
  finalUrl: string;
  /** Validators for the next conditional request. */
  etag: string | null;
  lastModified: string | null;
  /** The server answered 304: the copy fetched last time is still current; bytes are empty. */
  notModified: boolean;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** User-Agent header naming the bot (FETCH_USER_AGENT). */
  userAgent?: string;
  /** Aborts the request early (a feed's overall deadline, shutdown). */
  signal?: AbortSignal;
  /** When `signal`'s deadline falls (epoch ms): a server's pause beyond it fails at once instead of waiting. */
  deadlineAt?: number;
  /** Which URLs may reach which addresses; by default every URL must be public. */
  policy?: FetchPolicy;
  /** Clock for servers' pauses (Retry-After), so a poller's tests can move past one without sleeping. */
  now?: () => number;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export const DEFAULT_USER_AGENT = 'newsdesk-bot/0.2 (self-hosted news question bot)';
/** Requests in flight to one host at a time: polite to small sites, and one slow host cannot take every slot. */
export const PER_HOST_CONCURRENCY = 2;
/** Redirect hops followed: browsers allow 20, but a news link needs one or two (http->https, a short link). */
export const MAX_REDIRECTS = 5;
/**
 * Longest a fetch waits for a server's Retry-After, whatever the deadline: a minute keeps
 * an ingest moving; a longer pause is better served by the next scheduled ingest.
 */
export const MAX_RETRY_AFTER_WAIT_MS = 60_000;

const limiter = new HostLimiter(PER_HOST_CONCURRENCY);
const cooldowns = new HostCooldowns();
const STRICT = new FetchPolicy();

/** How many hosts the module keeps state for (tests check that it stays bounded). */
export function hostStateSizes(): { limiter: number; cooldowns: number } {
  return { limiter: limiter.size, cooldowns: cooldowns.size };
}

export function fetchResource(url: string, limits: FetchLimits, validators: Validators = {}): Promise<FetchedResource> {
  if (limits.signal?.aborted) return Promise.reject(new FetchError('not fetched: the feed deadline passed'));
  let start: URL;
  try {
    start = webUrl(url);
  } catch (error) {
    return Promise.reject(error);
  }
  return limiter.run(start.host, () => fetchFollowingRedirects(start, limits, validators));
}

function webUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new FetchError(`not a valid URL: ${text.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`not fetched: ${url.protocol} links are not followed (only http and https)`);
  return url;
}

interface Attempt {
  response: Response;
  signal: AbortSignal;
  /** Why `signal` aborted: the per-request timeout or the feed deadline. */
  why: () => string;
}

/** Redirects are followed here, one hop at a time, so each hop's address is checked. */
async function fetchFollowingRedirects(start: URL, limits: FetchLimits, validators: Validators): Promise<FetchedResource> {
  let url = start;
  for (let hop = 0; ; hop++) {
    let attempt: Attempt;
    try {
      attempt = await requestPolitely(url, limits, hop === 0 ? validators : {});
    } catch (error) {
      if (hop > 0 && error instanceof RefusedFetchError)
        throw new RefusedFetchError(`redirects to ${error.url.slice(0, 200)}, which ${error.reason}`, error.url);
      throw error;
    }
    const location = [301, 302, 303, 307, 308].includes(attempt.response.status) ? attempt.response.headers.get('location') : null;
    if (location === null) return readResponse(attempt, url, limits, validators);
    await attempt.response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) throw new FetchError(`more than ${MAX_REDIRECTS} redirects`);
    url = webUrl(location, url);
  }
}

/**
 * One request, waiting out the host's Retry-After first; a 429/503 with Retry-After is retried
 * once after the wait. A pause longer than this fetch may wait fails at once with the status
 * that asked for it (HttpStatusError), so a feed's schedule can wait as asked.
 */
async function requestPolitely(url: URL, limits: FetchLimits, validators: Validators): Promise<Attempt> {
  const now = limits.now ?? Date.now;
  for (let tries = 1; ; tries++) {
    await waitForHost(url.host, limits);
    const attempt = await request(url, limits, validators);
    const status = attempt.response.status;
    if (status !== 429 && status !== 503) return attempt;
    const delay = parseRetryAfter(attempt.response.headers.get('retry-after'), now());
    if (delay === null) return attempt;
    cooldowns.pause(url.host, now() + delay, now());
    if (tries === 2) return attempt;
    await attempt.response.body?.cancel().catch(() => undefined);
    const tooLong = pauseTooLong(url.host, limits);
    if (tooLong) throw new HttpStatusError(status, headersOf(attempt.response), tooLong);
  }
}

/** Why the host's pause is longer than this fetch may wait (the message fetches have always given), or null. */
function pauseTooLong(host: string, limits: FetchLimits): string | null {
  const now = (limits.now ?? Date.now)();
  const until = cooldowns.get(host, now);
  if (until === null) return null;
  const budget = Math.min(MAX_RETRY_AFTER_WAIT_MS, limits.deadlineAt === undefined ? Infinity : limits.deadlineAt - Date.now());
  if (until - now <= budget) return null;
  const limit = budget === MAX_RETRY_AFTER_WAIT_MS ? `the ${MAX_RETRY_AFTER_WAIT_MS / 1000} s a fetch may wait` : 'the feed deadline (FEED_DEADLINE_MS)';
  return `not fetched: ${host} asked for a pause until ${new Date(until).toISOString()} (Retry-After), beyond ${limit}`;
}

/**
 * Waits out a pause the host asked for earlier; one longer than this fetch may wait fails at
 * once. Only a 429 or 503 with Retry-After pauses a host, so the error says 429 with the
 * time left as its Retry-After: a feed's schedule waits until then.
 */
async function waitForHost(host: string, limits: FetchLimits): Promise<void> {
  const now = (limits.now ?? Date.now)();
  const until = cooldowns.get(host, now);
  if (until === null) return;
  const tooLong = pauseTooLong(host, limits);
  if (tooLong) throw new HttpStatusError(429, { ...NO_HEADERS, retryAfter: new Date(until).toUTCString() }, tooLong);
  try {
    await sleep(until - now, undefined, { signal: limits.signal });
  } catch {
    throw new FetchError('not fetched: the feed deadline passed');
  }
}

const NO_HEADERS: ResponseHeaders = { cacheControl: null, expires: null, date: null, retryAfter: null };

function headersOf(response: Response): ResponseHeaders {
  const get = (name: string) => response.headers.get(name);
  return { cacheControl: get('cache-control'), expires: get('expires'), date: get('date'), retryAfter: get('retry-after') };
}

async function request(url: URL, limits: FetchLimits, validators: Validators): Promise<Attempt> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([timeout, limits.signal]) : timeout;
  const why = () => (timeout.aborted ? `timed out after ${Math.round(limits.timeoutMs / 1000)} s` : 'not fetched: the feed deadline passed');
  const headers: Record<string, string> = {
    'user-agent': limits.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    const dispatcher = (limits.policy ?? STRICT).dispatcherFor(url);
    return { response: await fetch(url, { signal, redirect: 'manual', headers, dispatcher }), signal, why };
  } catch (error) {
    const refused = refusalIn(error);
    if (refused) throw new RefusedFetchError(refused.reason, url.href);
    if (signal.aborted) throw new FetchError(why());
    throw new FetchError(`could not connect (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message})`);
  }
}

/** The address guard's refusal, wherever undici wrapped it (fetch failed -> cause -> ...). */
function refusalIn(error: unknown): AddressRefusedError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof AddressRefusedError) return e;
  }
  return null;
}

async function readResponse({ response, signal, why }: Attempt, url: URL, limits: FetchLimits, validators: Validators): Promise<FetchedResource> {
  const finalUrl = url.href;
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  const headers = headersOf(response);
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return {
      status: 304,
      headers,
      bytes: new Uint8Array(),
      contentType: null,
      finalUrl,
      etag: etag ?? validators.etag ?? null,
      lastModified: lastModified ?? validators.lastModified ?? null,
      notModified: true,
    };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new HttpStatusError(response.status, headers);
  }
  return {
    status: response.status,
    headers,
    bytes: await readBody({ response, signal, why }, limits.maxBytes),
    contentType: response.headers.get('content-type'),
    finalUrl,
    etag,
    lastModified,
    notModified: false,
  };
}

/** The response body, refused (and the download stopped) once it passes MAX_ARTICLE_BYTES. */
async function readBody({ response, signal, why }: Attempt, maxBytes: number): Promise<Buffer> {
  const tooLarge = `larger than the ${maxBytes}-byte limit (MAX_ARTICLE_BYTES)`;
  if (Number(response.headers.get('content-length') ?? '0') > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(tooLarge);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError(tooLarge);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted) throw new FetchError(why());
    throw new FetchError(`download failed (${(error as Error).message})`);
  }
  return Buffer.concat(chunks);
}
