import pLimit, { type LimitFunction } from 'p-limit';

/** HTTP fetching with a deadline, a size cap and a per-host limit, so one bad URL or host cannot stall or flood ingestion. */
export class FetchError extends Error {
  override name = 'FetchError';
}

export interface FetchedResource {
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
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export const DEFAULT_USER_AGENT = 'newsdesk-bot/0.2 (self-hosted news question bot)';
/** Requests in flight to one host at a time: polite to small sites, and one slow host cannot take every slot. */
export const PER_HOST_CONCURRENCY = 2;

const hostLimits = new Map<string, LimitFunction>();

function limitFor(url: string): LimitFunction {
  const host = new URL(url).host;
  let limit = hostLimits.get(host);
  if (!limit) {
    limit = pLimit(PER_HOST_CONCURRENCY);
    hostLimits.set(host, limit);
  }
  return limit;
}

export function fetchResource(url: string, limits: FetchLimits, validators: Validators = {}): Promise<FetchedResource> {
  if (limits.signal?.aborted) return Promise.reject(new FetchError('not fetched: the feed deadline passed'));
  return limitFor(url)(() => fetchNow(url, limits, validators));
}

async function fetchNow(url: string, limits: FetchLimits, validators: Validators): Promise<FetchedResource> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([timeout, limits.signal]) : timeout;
  const why = () => (timeout.aborted ? `timed out after ${Math.round(limits.timeoutMs / 1000)} s` : 'not fetched: the feed deadline passed');
  const headers: Record<string, string> = {
    'user-agent': limits.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers });
  } catch (error) {
    if (signal.aborted) throw new FetchError(why());
    throw new FetchError(`could not connect (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message})`);
  }
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return { bytes: new Uint8Array(), contentType: null, finalUrl: response.url || url, etag: etag ?? validators.etag ?? null, lastModified: lastModified ?? validators.lastModified ?? null, notModified: true };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(`HTTP ${response.status} ${response.statusText}`.trim());
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(`larger than the ${limits.maxBytes}-byte limit (MAX_ARTICLE_BYTES)`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.byteLength;
      if (total > limits.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw new FetchError(`larger than the ${limits.maxBytes}-byte limit (MAX_ARTICLE_BYTES)`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted) throw new FetchError(why());
    throw new FetchError(`download failed (${(error as Error).message})`);
  }
  return { bytes: Buffer.concat(chunks), contentType: response.headers.get('content-type'), finalUrl: response.url || url, etag, lastModified, notModified: false };
}
