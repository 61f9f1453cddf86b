import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/postgres/pgStore.js';
import { rss } from '../support/feedFixtures.js';
import { send, startHttpServer } from '../support/httpServer.js';
import { createTestDatabase, dropTestDatabases, testDatabaseUrl } from '../support/postgres.js';
import { startScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const serverUrl = testDatabaseUrl();

function logLines(output: string): Array<Record<string, any>> {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);
}

describe.skipIf(!serverUrl)('two workers polling feeds into one PostgreSQL store', () => {
  const databases: string[] = [];
  afterAll(() => dropTestDatabases(serverUrl!, databases));

  it("poll a server's desk feed once between them", async () => {
    const feed = await startHttpServer({
      '/feed': send(
        rss([{ guid: 'pier', link: 'https://harbour.example/pier', title: 'Ferry pier opens', published: Date.now() - 30 * 60_000 }]),
        'application/rss+xml',
      ),
    });
    const name = `workers_poll_${process.pid}`;
    databases.push(name);
    const databaseUrl = await createTestDatabase(serverUrl!, name);
    const setup = await PgStore.open(databaseUrl);
    await setup.addDeskSource({ guildId: 'guild-a', channelId: null, url: `${feed.url}/feed`, kind: 'feed', title: null, addedBy: 'u' });
    await setup.close();
    const env = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: join(tempDir('workers-poll-'), 'unused'),
      EMBEDDING_DISABLED: 'true',
      LOG_LEVEL: 'info',
      INGEST_INTERVAL_MINUTES: '0',
      // The desk feed is on loopback: admitted explicitly, as an operator would.
      FETCH_ALLOWED_HOSTS: '127.0.0.1',
    };
    const workers = [startScript('src/cli/worker.ts', [], env), startScript('src/cli/worker.ts', [], env)];
    const outputs = ['', ''];
    workers.forEach((worker, i) => {
      worker.stdout!.on('data', (d) => (outputs[i] += d));
      worker.stderr!.on('data', (d) => (outputs[i] += d));
    });
    const exits = workers.map((w) => new Promise<number | null>((resolve) => w.once('exit', (code) => resolve(code))));
    try {
      const started = () => outputs.every((o) => logLines(o).some((l) => l.msg === 'feed polling started'));
      const polled = () => outputs.flatMap((o) => logLines(o).filter((l) => l.msg === 'feed polled'));
      for (const deadline = Date.now() + 60_000; !(started() && polled().length > 0); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > deadline) throw new Error(`no feed polled:\n${outputs.join('\n---\n')}`);
      }
      // Both have ticked at least once after start: give the slower one time to reach the feed too.
      await new Promise((r) => setTimeout(r, 2_000));
      expect(polled()).toHaveLength(1);
      expect(polled()[0]).toMatchObject({ feed: `${feed.url}/feed`, added: 1 });
      expect(feed.hits).toEqual(['/feed']);
      for (const worker of workers) worker.kill('SIGTERM');
      expect(await Promise.all(exits)).toEqual([0, 0]);
    } finally {
      for (const worker of workers) worker.kill('SIGKILL');
      await feed.close();
    }
  }, 120_000);
});
