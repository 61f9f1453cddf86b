import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 (or another loopback address, e.g. 127.0.0.2) serving fixed routes; unknown paths get 404. */
export async function startHttpServer(routes: Record<string, Route>, host = '127.0.0.1'): Promise<{ url: string; close: () => Promise<void>; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const route = routes[req.url ?? ''];
    if (route) route(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TestHttpServer = Awaited<ReturnType<typeof startHttpServer>>;

/**
 * For a test file, called at its top level: returns `serve`, which starts a server like
 * startHttpServer that is closed when the test that started it ends, whatever happened.
 */
export function serversClosedAfterEachTest(): (routes: Record<string, Route>, host?: string) => Promise<TestHttpServer> {
  const running: TestHttpServer[] = [];
  afterEach(async () => {
    while (running.length) await running.pop()!.close();
  });
  return async (routes, host = '127.0.0.1') => {
    const server = await startHttpServer(routes, host);
    running.push(server);
    return server;
  };
}

export const send =
  (body: string, contentType: string): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType }).end(body);
  };
