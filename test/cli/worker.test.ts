import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { send, startHttpServer } from '../support/httpServer.js';
import { runScript, startScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

/** Parsed pino lines of a process's output so far. */
function logLines(output: string): Array<Record<string, any>> {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);
}

describe('npm run worker (scheduled ingest without Discord)', () => {
  it('ingests at start and again every INGEST_INTERVAL_MINUTES, picking up new articles, and stops cleanly on SIGTERM', async () => {
    const root = tempDir('worker-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    writeFileSync(
      join(docs, 'ferry.txt'),
      'Lakeside ferry resumes\n\nThe Lakeside ferry resumed service on Tuesday after a two-week repair of its landing stage.\n',
    );
    const worker = startScript('src/cli/worker.ts', [], {
      DATA_DIR: join(root, 'data'),
      NEWS_SOURCES: docs,
      EMBEDDING_DISABLED: 'true',
      LOG_LEVEL: 'info',
      INGEST_INTERVAL_MINUTES: '0.01',
    });
    let output = '';
    worker.stdout!.on('data', (d) => (output += d));
    worker.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    const runs = () => logLines(output).filter((l) => l.msg === 'ingest run finished');
    const waitForRuns = async (n: number) => {
      for (const deadline = Date.now() + 30_000; runs().length < n; await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > deadline) throw new Error(`worker made fewer than ${n} runs:\n${output}`);
      }
    };
    await waitForRuns(1);
    expect(runs()[0]).toMatchObject({ added: 1, role: 'worker' });
    writeFileSync(join(docs, 'quarry.txt'), 'Brennmoor quarry closes\n\nThe Brennmoor quarry closed on Friday after ninety years of granite extraction.\n');
    const before = runs().length;
    await waitForRuns(before + 2); // a run that started before the file appeared may not see it
    expect(
      runs()
        .slice(before)
        .reduce((sum, r) => sum + r.added, 0),
    ).toBe(1);
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logLines(output).at(-1)?.msg).toBe('stopped');

    const asked = await runScript('src/cli/ask.ts', ['When did the Brennmoor quarry close?'], { DATA_DIR: join(root, 'data'), EMBEDDING_DISABLED: 'true' });
    expect(asked.stdout).toMatch(/closed on Friday/);
  }, 90_000);

  it('polls feeds on their own schedule without INGEST_INTERVAL_MINUTES, and stops cleanly on SIGTERM', async () => {
    const published = new Date(Date.now() - 5 * 60_000).toUTCString();
    const body = `${'The Lakeside ferry resumed service on Tuesday after a two-week repair of its landing stage. '.repeat(12)}`;
    const feed = await startHttpServer({
      '/feed': send(
        `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Lake News</title><item><title>Ferry resumes</title><guid>ferry-1</guid><link>https://lake.example/ferry</link><pubDate>${published}</pubDate><content:encoded><![CDATA[<p>${body}</p>]]></content:encoded></item></channel></rss>`,
        'application/rss+xml',
      ),
    });
    const root = tempDir('worker-poll-');
    const worker = startScript('src/cli/worker.ts', [], {
      DATA_DIR: join(root, 'data'),
      NEWS_SOURCES: `${feed.url}/feed`,
      EMBEDDING_DISABLED: 'true',
      LOG_LEVEL: 'info',
      INGEST_INTERVAL_MINUTES: '0',
      FEED_MIN_INTERVAL_MINUTES: '20',
    });
    let output = '';
    worker.stdout!.on('data', (d) => (output += d));
    worker.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    try {
      const polled = () => logLines(output).filter((l) => l.msg === 'feed polled');
      for (const deadline = Date.now() + 30_000; polled().length === 0; await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > deadline) throw new Error(`the worker polled no feed:\n${output}`);
      }
      // One item published five minutes ago: polled at the 20-minute floor, not every five minutes.
      expect(polled()[0]).toMatchObject({ feed: `${feed.url}/feed`, added: 1, role: 'worker' });
      expect(polled()[0]!.reason).toMatch(/minimum interval \(FEED_MIN_INTERVAL_MINUTES\), 20 min/);
      expect(logLines(output).some((l) => l.msg === 'ingest run finished')).toBe(false);
      worker.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(logLines(output).at(-1)?.msg).toBe('stopped');
      expect(feed.hits).toEqual(['/feed']);
    } finally {
      worker.kill('SIGKILL');
      await feed.close();
    }
    const asked = await runScript('src/cli/ask.ts', ['When did the Lakeside ferry resume service?'], {
      DATA_DIR: join(root, 'data'),
      EMBEDDING_DISABLED: 'true',
    });
    expect(asked.stdout).toMatch(/resumed service on Tuesday/);
  }, 90_000);
});
