import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newsFolder } from '../support/botFixture.js';
import { BotProcess } from '../support/botProcess.js';
import { QUILLMERE_QUESTION, startDeskSite } from '../support/deskSite.js';
import { finalEdit, OPTION } from '../support/discordReplies.js';
import { APP_ID, FakeDiscord, MANAGE_GUILD, shardOfGuild } from '../support/fakeDiscord.js';
import { createTestDatabase, dropTestDatabases, testDatabaseUrl, uniqueSchema } from '../support/postgres.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const serverUrl = testDatabaseUrl();
const SUBCOMMAND = 1;
const NOT_COVERED = /does not cover/;

describe.skipIf(!serverUrl)('news desks across two shard processes on one PostgreSQL knowledge base', () => {
  let fake: FakeDiscord | undefined;
  let bot: BotProcess | undefined;
  let site: Awaited<ReturnType<typeof startDeskSite>> | undefined;
  const database = `desks_${uniqueSchema()}`;

  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await fake?.stop();
    await site?.close();
    await dropTestDatabases(serverUrl!, [database]);
  });

  it('a source server A adds on one shard answers A only; server B on the other shard sees nothing of it, and removal takes it away', async () => {
    const root = tempDir('deskdiscord-pg-');
    const docs = newsFolder(root);
    site = await startDeskSite();
    const env: Record<string, string> = {
      DATABASE_URL: await createTestDatabase(serverUrl!, database),
      DATA_DIR: join(root, 'data'),
      EMBEDDING_MODEL: 'hashing-384',
      NEWS_SOURCES: docs,
      DISCORD_TOKEN: 'fake-token',
      DISCORD_CLIENT_ID: APP_ID,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '100',
      DISCORD_SHARDS: '2',
      FETCH_ALLOWED_HOSTS: '127.0.0.1',
    };
    expect((await runScript('src/cli/ingest.ts', [], env)).code).toBe(0);
    fake = new FakeDiscord({ guilds: 2, recommendedShards: 2 });
    await fake.start();
    env.DISCORD_API_URL = fake.apiUrl;
    bot = new BotProcess(env);
    await bot.waitForLog('all shards ready', 90_000);
    await fake.whenReady();
    const f = fake;
    const [guildA, guildB] = f.guildIds as [string, string];
    expect(shardOfGuild(guildA, 2)).not.toBe(shardOfGuild(guildB, 2));

    const feeds = (guildId: string, sub: string, options: object[], until: RegExp) =>
      finalEdit(f, f.slashCommand('feeds', [{ name: sub, type: SUBCOMMAND, options }], { guildId, permissions: MANAGE_GUILD }).token, until, 60_000);
    const ask = (guildId: string) =>
      finalEdit(
        f,
        f.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: QUILLMERE_QUESTION }], { guildId }).token,
        /^\[1\] |does not cover/m,
        30_000,
      );

    expect(await feeds(guildA, 'add', [{ name: 'url', type: OPTION.STRING, value: site.feedUrl }], /Read:/)).toMatch(/Read: 2 articles now held/);
    expect(await ask(guildB)).toMatch(NOT_COVERED);
    expect(await ask(guildA)).toMatch(/first Saturday of June.*\[1\]/s);
    const listB = await feeds(guildB, 'list', [], /sources/);
    expect(listB).toMatch(/None yet/);
    expect(listB).not.toContain(site.url);
    expect(await feeds(guildA, 'list', [], /sources/)).toContain(site.feedUrl);
    // Removed by the site's address it was added with: the one source found under it.
    await feeds(guildA, 'remove', [{ name: 'source', type: OPTION.STRING, value: `${site.url}/site/` }], /Removed/);
    expect(await ask(guildA)).toMatch(NOT_COVERED);
  });
});
