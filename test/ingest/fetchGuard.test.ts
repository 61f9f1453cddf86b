import { describe, expect, it } from 'vitest';
import { FetchPolicy } from '../../ingest/sources/fetchPolicy.js';
import { fetchResource, hostStateSizes, MAX_REDIRECTS, RefusedFetchError } from '../../ingest/sources/fetchResource.js';
import type { Resolver } from '../../ingest/sources/safeAgent.js';
import { type Route, send, serversClosedAfterEachTest, type TestHttpServer } from '../support/httpServer.js';

const serve = serversClosedAfterEachTest();

/** A server standing for an internal service on another loopback address: it must never be asked anything. */
function internalService(): Promise<TestHttpServer> {
  return serve({ '/admin': send('internal admin token: s3cr3t', 'text/plain') }, '127.0.0.2');
}

const limits = { timeoutMs: 2_000, maxBytes: 1_000_000 };
/** Limits for fetching from a test server as from an operator-configured source (its origin is trusted). */
const asOperatorSource = (server: TestHttpServer) => ({ ...limits, policy: new FetchPolicy({ operatorUrls: [server.url] }) });
const redirect =
  (to: string): Route =>
  (_req, res) =>
    void res.writeHead(302, { location: to }).end();

describe('fetching links the operator did not configure', () => {
  it('refuses a link to another loopback address and never connects to it', async () => {
    const internal = await internalService();
    const feedHost = await serve({ '/feed.xml': send('<rss/>', 'application/rss+xml') });
    const policy = new FetchPolicy({ operatorUrls: [`${feedHost.url}/feed.xml`] });
    const refused = await fetchResource(`${internal.url}/admin`, { ...limits, policy }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RefusedFetchError);
    expect((refused as RefusedFetchError).reason).toBe('resolves to a private address 127.0.0.2 (loopback)');
    // Other spellings of the same address: decimal, hex, octal, short form, IPv4-mapped IPv6.
    const port = new URL(internal.url).port;
    for (const host of ['2130706434', '0x7f.0.0.2', '0177.0.0.02', '127.2', '[::ffff:127.0.0.2]', '[::ffff:7f00:2]']) {
      await expect(fetchResource(`http://${host}:${port}/admin`, { ...limits, policy }), host).rejects.toThrow(RefusedFetchError);
    }
    expect(internal.hits).toEqual([]);
  });

  it('follows redirects hop by hop: same-origin hops of an operator source are fetched, a hop to 127.0.0.2 is refused', async () => {
    const internal = await internalService();
    const site = await serve({
      '/moved': redirect('/story'),
      '/story': send('<p>story</p>', 'text/html'),
      '/leak': redirect(`${internal.url}/admin`),
      '/loop': redirect('/loop'),
    });
    const policy = new FetchPolicy({ operatorUrls: [`${site.url}/feed.xml`] });
    const page = await fetchResource(`${site.url}/moved`, { ...limits, policy });
    expect(page.finalUrl).toBe(`${site.url}/story`);
    const leak = await fetchResource(`${site.url}/leak`, { ...limits, policy }).catch((e: unknown) => e);
    expect(leak).toBeInstanceOf(RefusedFetchError);
    expect((leak as Error).message).toBe(`redirects to ${internal.url}/admin, which resolves to a private address 127.0.0.2 (loopback)`);
    await expect(fetchResource(`${site.url}/loop`, { ...limits, policy })).rejects.toThrow(`more than ${MAX_REDIRECTS} redirects`);
    expect(site.hits.filter((h) => h === '/loop')).toHaveLength(MAX_REDIRECTS + 1);
    expect(internal.hits).toEqual([]);
  });

  it('checks the address actually connected to: a name answering public first and 127.0.0.2 second never reaches 127.0.0.2', async () => {
    const internal = await internalService();
    const port = new URL(internal.url).port;
    const answers: string[] = [];
    // A rebinding DNS server: the first answer looks public, every later one is the internal address.
    const resolver: Resolver = async () => {
      const address = answers.length === 0 ? '93.184.216.34' : '127.0.0.2';
      answers.push(address);
      return [{ address, family: 4 }];
    };
    const policy = new FetchPolicy({ resolver });
    const url = `http://news.rebind.test:${port}/admin`;
    // First connection: goes to the public answer (unreachable in the test sandbox, or not this server): fails either way.
    await expect(fetchResource(url, { ...limits, timeoutMs: 1_500, policy })).rejects.toThrow();
    // Second connection: its own lookup sees 127.0.0.2 and refuses before connecting.
    await expect(fetchResource(url, { ...limits, policy })).rejects.toThrow('resolves to a private address 127.0.0.2 (loopback)');
    expect(answers).toEqual(['93.184.216.34', '127.0.0.2']); // one lookup per connection, the one that is used
    expect(internal.hits).toEqual([]);
  });

  it('refuses a name whose answer mixes public and private addresses', async () => {
    const internal = await internalService();
    const resolver: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::ffff:127.0.0.2', family: 6 },
    ];
    const policy = new FetchPolicy({ resolver });
    await expect(fetchResource(`http://mixed.test:${new URL(internal.url).port}/admin`, { ...limits, policy })).rejects.toThrow(
      /ipv4Mapped of 127\.0\.0\.2, loopback/,
    );
    expect(internal.hits).toEqual([]);
  });

  it('fetches private hosts the operator opted in: FETCH_ALLOWED_HOSTS by name or range, FETCH_ALLOW_PRIVATE_NETWORKS', async () => {
    const internal = await internalService();
    const port = new URL(internal.url).port;
    const resolver: Resolver = async () => [{ address: '127.0.0.2', family: 4 }];
    const byName = new FetchPolicy({ resolver, allowedHosts: ['intranet.test'] });
    expect(new TextDecoder().decode((await fetchResource(`http://intranet.test:${port}/admin`, { ...limits, policy: byName })).bytes)).toContain(
      'internal admin token',
    );
    await fetchResource(`${internal.url}/admin`, { ...limits, policy: new FetchPolicy({ allowedHosts: ['127.0.0.0/8'] }) });
    await fetchResource(`${internal.url}/admin`, { ...limits, policy: new FetchPolicy({ allowPrivateNetworks: true }) });
    expect(internal.hits).toEqual(['/admin', '/admin', '/admin']);
  });
});

describe("honouring a server's Retry-After", () => {
  function limited(status: number, retryAfter: () => string): { route: Route; times: number[] } {
    const times: number[] = [];
    const route: Route = (_req, res) => {
      times.push(Date.now());
      if (times.length === 1) res.writeHead(status, { 'retry-after': retryAfter() }).end('slow down');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('here it is');
    };
    return { route, times };
  }

  it('waits out a 429 with Retry-After in seconds, then retries once and succeeds', async () => {
    const { route, times } = limited(429, () => '1');
    const server = await serve({ '/a': route });
    const page = await fetchResource(`${server.url}/a`, asOperatorSource(server));
    expect(new TextDecoder().decode(page.bytes)).toBe('here it is');
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('waits out a 503 with an HTTP-date Retry-After', async () => {
    const { route, times } = limited(503, () => new Date(Date.now() + 2_000).toUTCString());
    const server = await serve({ '/b': route });
    await fetchResource(`${server.url}/b`, asOperatorSource(server));
    expect(times).toHaveLength(2);
    // The date has one-second precision: the wait is between one and two seconds.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('fails at once, with the reason, when the pause is beyond the deadline; later requests to that host do not ask again', async () => {
    const { route, times } = limited(429, () => '3600');
    const server = await serve({ '/c': route, '/d': send('other', 'text/plain') });
    const started = Date.now();
    const deadlineAt = Date.now() + 10_000;
    await expect(fetchResource(`${server.url}/c`, { ...asOperatorSource(server), deadlineAt })).rejects.toThrow(
      /asked for a pause until .* \(Retry-After\), beyond the feed deadline/,
    );
    await expect(fetchResource(`${server.url}/d`, { ...asOperatorSource(server), deadlineAt })).rejects.toThrow(/Retry-After/);
    expect(Date.now() - started).toBeLessThan(5_000); // failed fast, did not wait
    expect(server.hits).toEqual(['/c']);
    expect(times).toHaveLength(1);
  });

  it('reports a 429 without Retry-After as an HTTP error, without retrying', async () => {
    const server = await serve({ '/e': (_req, res) => void res.writeHead(429).end() });
    await expect(fetchResource(`${server.url}/e`, asOperatorSource(server))).rejects.toThrow('HTTP 429 Too Many Requests');
    expect(server.hits).toEqual(['/e']);
  });
});

describe('per-host state', () => {
  it('keeps no limiter for hosts that are idle', async () => {
    const many = await Promise.all([0, 1, 2, 3, 4].map(() => serve({ '/': send('ok', 'text/plain') })));
    await Promise.all(many.map((s) => fetchResource(`${s.url}/`, asOperatorSource(s))));
    expect(hostStateSizes().limiter).toBe(0);
  });
});
