import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PgDatabase } from '../../src/store/postgres/pgDatabase.js';
import { newsFolder } from '../support/botFixture.js';
import { OPTION } from '../support/discordReplies.js';
import { BotProcess } from '../support/botProcess.js';
import { APP_ID, FakeDiscord, MANAGE_GUILD, shardOfGuild } from '../support/fakeDiscord.js';
import { startHttpServer } from '../support/httpServer.js';
import { createTestDatabase, dropTestDatabases, testDatabaseUrl, uniqueSchema } from '../support/postgres.js';
import { runScript, startScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const serverUrl = testDatabaseUrl();
const WORKER_ARTICLES = 1000;
const CONCURRENT_ASKS = 200;
/** A final answer ends with its numbered source list (labelled in the question's language). */
const SOURCE_LIST = /^\[1\] .+/m;

/** A made-up place name per number, so each generated story has words no other story has. */
function placeName(n: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tos', 'vel', 'dra', 'qui', 'zan', 'bor'];
  let name = 'Port ';
  let rest = n;
  for (let i = 0; i < 4; i++) {
    name += syllables[rest % 10];
    rest = Math.floor(rest / 10);
  }
  return name.replace(/ (\w)/, (_, c: string) => ` ${c.toUpperCase()}`);
}

function workerStory(n: number): string {
  const place = placeName(n);
  return `${place} harbour reopens after storm repairs\n\n${place} harbour reopened on Monday after repairs that cost ${100 + n} thousand euros, the port authority said.\n\nFerries to the islands will run on the summer timetable again from next week.\n`;
}

describe.skipIf(!serverUrl)('sharded bot: two shard processes and an ingest worker on one PostgreSQL knowledge base', () => {
  let fake: FakeDiscord | undefined;
  let bot: BotProcess | undefined;
  let slowSource: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  const database = `shards_${uniqueSchema()}`;

  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await fake?.stop();
    await slowSource?.close();
    await dropTestDatabases(serverUrl!, [database]);
  });

  it('answers 200 concurrent /ask over both shards while a worker writes 1,000 articles, sees them from both shards, and runs one /reingest at a time', async () => {
    const url = new URL(await createTestDatabase(serverUrl!, database));
    const db = new PgDatabase(url.toString());
    const root = tempDir('bot-shards-');
    const docs = newsFolder(root);
    // A source that answers slowly (and holds no article), so the bot's own re-ingest runs long enough to be contended.
    slowSource = await startHttpServer({
      '/slow.txt': (_req, res) =>
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('Slow news\n\nNothing happened slowly today.\n'), 4000),
    });
    const env: Record<string, string> = {
      DATABASE_URL: url.toString(),
      DATA_DIR: join(root, 'data'),
      EMBEDDING_MODEL: 'hashing-384',
      NEWS_SOURCES: `${docs},${slowSource.url}/slow.txt`,
      DISCORD_TOKEN: 'fake-token',
      ADMIN_USER_IDS: '500000000000000007',
      DISCORD_CLIENT_ID: APP_ID,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '5',
      DISCORD_SHARDS: 'auto',
    };
    expect((await runScript('src/cli/ingest.ts', [docs], { ...env, NEWS_SOURCES: docs })).code).toBe(0);

    fake = new FakeDiscord({ guilds: 2, recommendedShards: 2 });
    await fake.start();
    env.DISCORD_API_URL = fake.apiUrl;
    bot = new BotProcess(env);
    await bot.waitForLog('all shards ready', 90_000);
    await fake.whenReady();
    const f = fake;
    // DISCORD_SHARDS=auto took Discord's recommendation; each shard identified with its own id.
    expect(f.identifyPayloads.map((p) => p.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const [guildA, guildB] = f.guildIds as [string, string];
    expect(new Set([shardOfGuild(guildA, 2), shardOfGuild(guildB, 2)])).toEqual(new Set([0, 1]));

    const replies = (interaction: { id: string; token: string }) =>
      [
        ...f.find('POST', new RegExp(`^/interactions/${interaction.id}/`)).map((c) => c.body?.data?.content as string | undefined),
        ...f.find('PATCH', new RegExp(`^/webhooks/${APP_ID}/${interaction.token}/messages/@original$`)).map((c) => c.body?.content as string | undefined),
      ].filter((t): t is string => Boolean(t));
    const waitForReply = (interaction: { id: string; token: string }, pattern: RegExp, what: string, timeoutMs = 30_000) =>
      f.waitFor(() => replies(interaction).find((t) => pattern.test(t)), timeoutMs, what);

    // The worker: another process (as on another machine) writing 1,000 articles meanwhile.
    const workerDocs = join(root, 'worker');
    mkdirSync(workerDocs);
    for (let n = 0; n < WORKER_ARTICLES; n++) writeFileSync(join(workerDocs, `story-${String(n).padStart(4, '0')}.txt`), workerStory(n));
    const worker = startScript('src/cli/ingest.ts', [workerDocs], { ...env, NEWS_SOURCES: workerDocs });
    let workerOutput = '';
    worker.stdout!.on('data', (d) => (workerOutput += d));
    worker.stderr!.on('data', (d) => (workerOutput += d));
    const workerExit = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
    const documents = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM documents'))[0]!.n);
    for (let deadline = Date.now() + 60_000; (await documents()) <= 3; ) {
      if (Date.now() > deadline) throw new Error(`the worker wrote nothing:\n${workerOutput}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    // 200 concurrent questions spread over both guilds, so over both shards.
    const questions: Array<[string, RegExp]> = [
      ['How much have freight rates for gasoil risen?', /tripled/],
      ['Quanto sarà lungo il primo tratto della linea 2 della metropolitana?', /9,7 chilometri/],
      ['Welche Lohnerhöhung fordert die GDL?', /8,5 Prozent/],
      ['How low is the water level at the Kaub gauge?', /38 centimetres/],
    ];
    const asked = Array.from({ length: CONCURRENT_ASKS }, (_, i) => {
      const [question, expected] = questions[i % questions.length]!;
      const guildId = i % 2 === 0 ? guildA : guildB;
      return {
        ...f.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: question }], { userId: String(600000000000000000n + BigInt(i)), guildId }),
        expected,
      };
    });
    expect(worker.exitCode, 'the questions arrive while the worker is still writing').toBeNull();
    // While the worker holds the ingest lock, /reingest is refused on either shard.
    for (const guildId of [guildA, guildB]) {
      const refused = f.slashCommand('reingest', [], { userId: '500000000000000007', permissions: MANAGE_GUILD, guildId });
      expect(await waitForReply(refused, /already running/i, `refusal on guild ${guildId}`)).toMatch(/already running/i);
    }
    for (const ask of asked) {
      const answer = await waitForReply(ask, SOURCE_LIST, `answer to ${ask.id}`, 90_000).catch((error: Error) => {
        throw new Error(
          `${error.message.split('\n')[0]}; its replies: ${JSON.stringify(replies(ask))}; bot errors: ${bot!
            .logs()
            .filter((l) => Number(l.level) >= 40)
            .slice(-5)
            .map((l) => JSON.stringify(l))
            .join('\n')}`,
        );
      });
      expect(answer).toMatch(ask.expected);
      expect(answer).toMatch(/\[1\]/);
    }
    // None answered twice: one interaction callback each, from exactly one shard.
    for (const ask of asked) expect(f.find('POST', new RegExp(`^/interactions/${ask.id}/`))).toHaveLength(1);
    expect(await workerExit, workerOutput).toBe(0);
    const workerDone = Date.now();

    // What the worker wrote is answerable from both shards within 5 s.
    for (const n of [WORKER_ARTICLES - 1, 17]) {
      for (const guildId of [guildA, guildB]) {
        const ask = f.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: `When did ${placeName(n)} harbour reopen?` }], {
          userId: '500000000000000031',
          guildId,
        });
        const answer = await waitForReply(ask, SOURCE_LIST, `answer about story ${n}`);
        expect(answer).toContain(`${placeName(n)} harbour reopened on Monday`);
      }
    }
    expect(Date.now() - workerDone).toBeLessThan(5000);

    // Per-user rate limit holds across shards: the sixth question in a minute is refused, wherever it lands.
    const limited = Array.from({ length: 6 }, (_, i) =>
      f.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'How much have freight rates for gasoil risen?' }], {
        userId: '500000000000000055',
        guildId: i % 2 ? guildB : guildA,
      }),
    );
    const limitedReplies = await Promise.all(limited.map((ask, i) => waitForReply(ask, /Sources:|questions in the last minute/, `rate-limited ask ${i}`)));
    expect(limitedReplies.filter((t) => /questions in the last minute/.test(t))).toHaveLength(1);

    // One /reingest at a time across shards: shard A's is running (slow source), so shard B's is refused.
    const first = f.slashCommand('reingest', [], { userId: '500000000000000007', permissions: MANAGE_GUILD, guildId: guildA });
    const running = async () => Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM ingest_runs WHERE status = 'running'"))[0]!.n);
    for (let deadline = Date.now() + 20_000; (await running()) === 0; ) {
      if (Date.now() > deadline) throw new Error('the first /reingest never started');
      await new Promise((r) => setTimeout(r, 25));
    }
    const second = f.slashCommand('reingest', [], { userId: '500000000000000007', permissions: MANAGE_GUILD, guildId: guildB });
    expect(await waitForReply(second, /already running/i, 'second /reingest refused')).toMatch(/already running/i);
    expect(await waitForReply(first, /Re-ingest finished/, 'first /reingest finished', 60_000)).toMatch(/Re-ingest finished/);

    // /status on either shard shows the shared figures and the shard count.
    const status = f.slashCommand('status', [], { guildId: guildB });
    const report = await waitForReply(status, /Articles:/, '/status');
    expect(report).toMatch(new RegExp(`Articles: ${WORKER_ARTICLES + 3} `));
    expect(report).toContain(`Shards: 2 (this is shard ${shardOfGuild(guildB, 2)}) · Servers: 2`);

    // SIGTERM to the manager stops both shards gracefully.
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(
      bot
        .logs()
        .filter((l) => l.msg === 'stopped')
        .map((l) => l.shard)
        .sort(),
    ).toEqual([0, 1]);
    await db.close();
  }, 240_000);
});
