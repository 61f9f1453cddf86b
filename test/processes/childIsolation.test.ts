import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionPool, extractionMemoryMessage } from '../../ingest/extract/extractionPool.js';
import { startThread, startChildProcess } from '../../src/processes/startChild.js';

const SECRETS = { DISCORD_TOKEN: 'discord-secret-token', OPENAI_API_KEY: 'sk-secret', DATABASE_URL: 'postgres://u:secret@h/db', HF_TOKEN: 'hf-secret' };
const probe = new URL('../support/envProbeProcess.ts', import.meta.url);
type Report = { env: Record<string, string>; heapLimitMb: number };

beforeAll(() => Object.assign(process.env, SECRETS));
afterAll(() => {
  for (const name of Object.keys(SECRETS)) delete process.env[name];
});

describe('workers start with only the environment they need', () => {
  it('a worker thread sees PATH but no token, key or database URL', async () => {
    const worker = startThread(probe);
    const [report] = (await once(worker, 'message')) as [Report];
    await worker.terminate();
    expect(report.env.PATH).toBe(process.env.PATH);
    for (const name of Object.keys(SECRETS)) expect(report.env[name], name).toBeUndefined();
  });

  it('a worker process gets the allow-list plus the variables it names, and the heap limit asked for', async () => {
    const { child } = startChildProcess(probe, { maxOldSpaceMb: 300, extraEnv: ['HF_TOKEN'] });
    const [report] = (await once(child, 'message')) as [Report];
    await once(child, 'exit');
    expect(report.env.HF_TOKEN).toBe('hf-secret');
    for (const name of ['DISCORD_TOKEN', 'OPENAI_API_KEY', 'DATABASE_URL']) expect(report.env[name], name).toBeUndefined();
    // heap_size_limit is the old space plus the young generation's share.
    expect(report.heapLimitMb).toBeGreaterThanOrEqual(300);
    expect(report.heapLimitMb).toBeLessThan(400);
  });
});

describe('extraction workers have a memory limit', () => {
  it('a page that needs more memory than the limit costs only that article', async () => {
    const pool = new ExtractionPool({ timeoutMs: 60_000, size: 1, memoryLimitMb: 96 });
    try {
      // About 40,000 table rows: the DOM of such a page needs several hundred MB.
      const row = '<tr><td>Item</td><td>12</td><td><a href="/x">link</a></td></tr>\n';
      const hog = new TextEncoder().encode(`<html><body><article><p>Intro.</p><table>${row.repeat(40_000)}</table></article></body></html>`);
      const ordinary = new TextEncoder().encode(
        '<html><head><title>Harbour budget agreed</title></head><body><article><p>The council agreed a new budget for the harbour on Tuesday, the mayor said in a statement to reporters.</p></article></body></html>',
      );
      const [hogResult, next] = await Promise.allSettled([
        pool.extract(hog, { location: 'hog.html', source: 'hog.html', url: null }),
        pool.extract(ordinary, { location: 'ok.html', source: 'ok.html', url: null }),
      ]);
      expect(hogResult.status).toBe('rejected');
      expect((hogResult as PromiseRejectedResult).reason.message).toBe(extractionMemoryMessage(96));
      expect(next.status).toBe('fulfilled');
      expect((next as PromiseFulfilledResult<{ title: string }>).value.title).toBe('Harbour budget agreed');
    } finally {
      await pool.close();
    }
  }, 90_000);
});
