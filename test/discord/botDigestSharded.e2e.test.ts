import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFromConfig } from '../../src/app/bootstrap.js';
import { loadConfig, type Config } from '../../src/app/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/logger.js';
import { OPTION } from '../support/discordReplies.js';
import { APP_ID, FakeDiscord, MANAGE_GUILD, shardOfGuild } from '../support/fakeDiscord.js';
import { BotProcess } from '../support/botProcess.js';
import { corpusPage, NEWS_EVENTS, writeNewsEvents } from '../support/newsEventsCorpus.js';
import { runScript } from '../support/runScript.js';
import { PgStore } from '../../src/store/postgres/pgStore.js';
import { createTestDatabase, dropTestDatabases, testDatabaseUrl, uniqueSchema } from '../support/postgres.js';
import { tempDir } from '../support/tempDir.js';

const serverUrl = testDatabaseUrl();
const SUBCOMMAND = 1;
const CHANNEL = 7;
/** Each shard looks for due digests this often (a minute in production). */
const CHECK_MS = 100;
/** Long enough for both shards to look many times. */
const SETTLE_MS = 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The test's clock, shared by both shards: it stands still until the test moves it. */
class TestClock {
  constructor(private iso: string) {}
  set(iso: string): void {
    this.iso = iso;
  }
  now = (): Date => new Date(this.iso);
}

describe.skipIf(!serverUrl)('a daily digest across two shards on one PostgreSQL knowledge base', () => {
  const database = `digest_${uniqueSchema()}`;
  const bots: Array<RunningBot | undefined> = [undefined, undefined];
  let fake: FakeDiscord | undefined;

  afterAll(async () => {
    for (const bot of bots) await bot?.stop().catch(() => undefined);
    await fake?.stop();
    await dropTestDatabases(serverUrl!, [database]);
  });

  /** Shard `id` of two, in this process, on the shared clock. */
  async function startShard(config: Config, id: number, clock: TestClock): Promise<RunningBot> {
    const bot = await startBot(config, createLogger('silent'), { digestClock: clock.now, digestCheckMs: CHECK_MS, shards: { ids: [id], count: 2 } });
    await fake!.waitFor(() => bot.client.isReady(), 30_000, `shard ${id} ready`);
    return bot;
  }

  it('fires once across the shards at the server-local time, not again that day, survives a restart, and skips a day with nothing new', async () => {
    const root = tempDir();
    const docs = join(root, 'docs');
    mkdirSync(docs);
    writeNewsEvents(docs, NEWS_EVENTS);
    fake = new FakeDiscord({ guilds: 2, recommendedShards: 2 });
    await fake.start();
    const config = loadConfig({
      DATABASE_URL: await createTestDatabase(serverUrl!, database),
      DATA_DIR: join(root, 'data'),
      EMBEDDING_MODEL: 'hashing-384',
      NEWS_SOURCES: docs,
      DISCORD_TOKEN: 'test-token',
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    await ingestFromConfig(config);
    // 8 November 2026, 07:00 in Rome (UTC+1).
    const clock = new TestClock('2026-11-08T06:00:00Z');
    bots[0] = await startShard(config, 0, clock);
    bots[1] = await startShard(config, 1, clock);
    const f = fake;
    const [guildA, guildB] = f.guildIds as [string, string];
    expect(shardOfGuild(guildA, 2)).not.toBe(shardOfGuild(guildB, 2));
    const channel = f.channelOf(guildA);
    const digestsPosted = () => f.find('POST', new RegExp(`^/channels/${channel}/messages$`)).filter((c) => /^\*\*Main stories/.test(c.body.content));

    const scheduled = f.slashCommand(
      'digest',
      [
        {
          name: 'schedule',
          type: SUBCOMMAND,
          options: [
            { name: 'channel', type: CHANNEL, value: channel },
            { name: 'time', type: OPTION.STRING, value: '07:30' },
            { name: 'timezone', type: OPTION.STRING, value: 'Europe/Rome' },
          ],
        },
      ],
      { guildId: guildA, permissions: MANAGE_GUILD, resolved: { channels: { [channel]: { id: channel, type: 0, name: 'news', permissions: '0' } } } },
    );
    const confirmation = await f.waitFor(() => f.find('POST', new RegExp(`^/interactions/${scheduled.id}/`))[0]?.body.data.content, 20_000, 'confirmation');
    expect(confirmation).toMatch(/Every day at 07:30 \(Europe\/Rome\).*starting 2026-11-08/);
    await sleep(SETTLE_MS);
    expect(digestsPosted()).toHaveLength(0); // 07:00 in Rome: not yet

    // 07:45 in Rome: due. Both shards look; one posts what arrived in the last 24 hours (the strike's end, stated on the 6th, a day to arrive).
    clock.set('2026-11-08T06:45:00Z');
    const [first] = await f.waitFor(() => (digestsPosted().length > 0 ? digestsPosted() : undefined), 20_000, 'the first digest');
    expect(first!.body.content).toMatch(/Halvik dock strike ends with 6 percent pay deal/);
    expect(first!.body.content).not.toMatch(/Kerrow|Streik/);
    expect(first!.body.allowed_mentions).toEqual({ parse: [] });
    await sleep(SETTLE_MS);
    expect(digestsPosted()).toHaveLength(1);
    clock.set('2026-11-08T22:00:00Z'); // 23:00 the same day
    await sleep(SETTLE_MS);
    expect(digestsPosted()).toHaveLength(1);

    // Both shards restart; the schedule and the day it last ran are in the store.
    for (const id of [0, 1]) {
      await bots[id]!.stop();
      bots[id] = undefined;
    }
    clock.set('2026-11-09T06:31:00Z'); // 07:31 in Rome on the 9th
    bots[0] = await startShard(config, 0, clock);
    bots[1] = await startShard(config, 1, clock);
    await f.waitFor(() => digestsPosted().length === 2, 20_000, 'the second digest');
    expect(digestsPosted()[1]!.body.content).toMatch(/Kerrow/); // the flights resumed, on the 7th
    expect(digestsPosted()[1]!.body.content).not.toMatch(/Halvik/);
    await sleep(SETTLE_MS);
    expect(digestsPosted()).toHaveLength(2);

    // The 10th: nothing arrived since the last digest. Nothing is posted, and the day is done.
    clock.set('2026-11-10T07:00:00Z');
    const store = bots[0]!.context.kb.store;
    for (let i = 0; i < 100 && (await store.digestSchedules(guildA))[0]?.lastRunDate !== '2026-11-10'; i++) await sleep(50);
    expect((await store.digestSchedules(guildA))[0]?.lastRunDate).toBe('2026-11-10');
    await sleep(SETTLE_MS);
    expect(digestsPosted()).toHaveLength(2);
    expect(f.find('POST', new RegExp(`^/channels/${f.channelOf(guildB)}/messages$`))).toHaveLength(0); // the other server scheduled none
  }, 240_000);

  it('as `npm start` runs it, two shard processes post a due digest once, and not again after the bot process restarts', async () => {
    const root = tempDir('digest-processes-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    // Yesterday's news (a stated date, as pages give it), stored now: new since the last 24 hours, whatever the hour.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      join(docs, 'ferry.html'),
      corpusPage({
        file: 'ferry.html',
        story: 'ferry',
        outlet: 'Island Courier',
        url: 'https://island-courier.example/ferry-timetable',
        published: yesterday,
        language: 'en',
        title: 'Island ferry adds evening crossings',
        paragraphs: ['The island ferry will add two evening crossings from Monday, the operator said.', 'Residents had asked for later boats for years.'],
      }),
    );
    const processFake = new FakeDiscord({ guilds: 2, recommendedShards: 2 });
    await processFake.start();
    const name = `digestp_${uniqueSchema()}`;
    let bot: BotProcess | undefined;
    try {
      const env: Record<string, string> = {
        DATABASE_URL: await createTestDatabase(serverUrl!, name),
        DATA_DIR: join(root, 'data'),
        EMBEDDING_MODEL: 'hashing-384',
        NEWS_SOURCES: docs,
        DISCORD_TOKEN: 'fake-token',
        DISCORD_CLIENT_ID: APP_ID,
        DISCORD_API_URL: processFake.apiUrl,
        LOG_LEVEL: 'info',
        DISCORD_SHARDS: '2',
      };
      expect((await runScript('src/cli/ingest.ts', [], env)).code).toBe(0);
      const [guildA] = processFake.guildIds as [string, string];
      const channel = processFake.channelOf(guildA);
      const store = await PgStore.open(env.DATABASE_URL!);
      try {
        // Due since midnight and never run: every shard's first look finds it due.
        await store.saveDigestSchedule({
          guildId: guildA,
          channelId: channel,
          time: '00:00',
          topic: null,
          language: 'en',
          createdBy: 'u1',
          lastRunDate: null,
          lastRunAt: null,
        });
      } finally {
        await store.close();
      }
      const posted = () => processFake.find('POST', new RegExp(`^/channels/${channel}/messages$`));
      bot = new BotProcess(env);
      await bot.waitForLog('all shards ready', 120_000);
      await processFake.waitFor(() => posted().length > 0, 30_000, 'the digest');
      expect(posted()[0]!.body.content).toMatch(/Island ferry adds evening crossings[\s\S]*\(1 outlet\)/);
      await sleep(SETTLE_MS);
      expect(posted()).toHaveLength(1);

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      bot = new BotProcess(env);
      await bot.waitForLog('all shards ready', 120_000);
      await sleep(3_000); // both shards have looked at start-up
      expect(posted()).toHaveLength(1);
    } finally {
      bot?.child.kill('SIGKILL');
      await processFake.stop();
      await dropTestDatabases(serverUrl!, [name]);
    }
  }, 300_000);
});
