/** HTTP fetching with a deadline and a size cap, so one bad URL cannot stall or flood ingestion. */
export class FetchError extends Error {
  override name = 'FetchError';
}

export interface FetchedResource {
  bytes: Uint8Array;
  contentType: string | null;
  finalUrl: string;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export async function fetchResource(url: string, limits: FetchLimits): Promise<FetchedResource> {
  let response: Response;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: { 'user-agent': 'newsdesk-bot/0.1 (+https://github.com/)', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5' },
    });
  } catch (error) {
    if (signal.aborted) throw new FetchError(`timed out after ${Math.round(limits.timeoutMs / 1000)} s`);
    throw new FetchError(`could not connect (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message})`);
  }
  if (!response.ok) throw new FetchError(`HTTP ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limits.maxBytes) throw new FetchError(`larger than the ${limits.maxBytes}-byte limit (MAX_ARTICLE_BYTES)`);
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
    if (signal.aborted) throw new FetchError(`timed out after ${Math.round(limits.timeoutMs / 1000)} s`);
    throw new FetchError(`download failed (${(error as Error).message})`);
  }
  return { bytes: Buffer.concat(chunks), contentType: response.headers.get('content-type'), finalUrl: response.url || url };
}
