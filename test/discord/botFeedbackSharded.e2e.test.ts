import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newsFolder } from '../support/botFixture.js';
import { BotProcess } from '../support/botProcess.js';
import { finalEdit, OPTION, replyEdits } from '../support/discordReplies.js';
import { APP_ID, FakeDiscord, MANAGE_GUILD, shardOfGuild } from '../support/fakeDiscord.js';
import { createTestDatabase, dropTestDatabases, testDatabaseUrl, uniqueSchema } from '../support/postgres.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const serverUrl = testDatabaseUrl();

describe.skipIf(!serverUrl)('feedback with two shard processes on one PostgreSQL knowledge base', () => {
  let fake: FakeDiscord | undefined;
  let bot: BotProcess | undefined;
  const database = `feedback_${uniqueSchema()}`;

  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await fake?.stop();
    await dropTestDatabases(serverUrl!, [database]);
  });

  it("takes a vote and its reason on the shard that did not answer, and counts it in the other shard's /status report", async () => {
    const url = await createTestDatabase(serverUrl!, database);
    const root = tempDir('bot-feedback-shards-');
    const docs = newsFolder(root);
    const env: Record<string, string> = {
      DATABASE_URL: url,
      DATA_DIR: join(root, 'data'),
      EMBEDDING_MODEL: 'hashing-384',
      NEWS_SOURCES: docs,
      DISCORD_TOKEN: 'fake-token',
      DISCORD_CLIENT_ID: APP_ID,
      LOG_LEVEL: 'info',
      DISCORD_SHARDS: '2',
    };
    expect((await runScript('src/cli/ingest.ts', [docs], env)).code).toBe(0);
    fake = new FakeDiscord({ guilds: 2, recommendedShards: 2 });
    await fake.start();
    env.DISCORD_API_URL = fake.apiUrl;
    bot = new BotProcess(env);
    await bot.waitForLog('all shards ready', 90_000);
    await fake.whenReady();
    const f = fake;
    const guild = f.guildIds[0]!;
    const answering = shardOfGuild(guild, 2);
    const other = 1 - answering;

    const asked = f.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'How much have freight rates for gasoil risen?' }], {
      guildId: guild,
    });
    await finalEdit(f, asked.token, /Sources:/, 30_000);
    const answer = replyEdits(f, asked.token).at(-1)!;
    const down = (answer.body.components[0].components as Array<{ custom_id: string }>)[1]!.custom_id;
    expect(down).toMatch(/^feedback:down:\d+$/);

    const voter = { userId: '500000000000000042', guildId: guild, shard: other };
    const click = f.buttonClick(answer, down, voter);
    const [modal] = await f.waitFor(() => (f.callbacks(click.id).length ? f.callbacks(click.id) : undefined));
    expect(modal!.body.type).toBe(9);
    const submit = f.modalSubmit(modal!.body.data.custom_id, { reason: 'rates are from August' }, voter);
    const [thanks] = await f.waitFor(() => (f.callbacks(submit.id).length ? f.callbacks(submit.id) : undefined));
    expect(thanks!.body).toMatchObject({ type: 4, data: { content: 'Thanks for your feedback.', flags: 64 } });

    const status = f.slashCommand('status', [], { userId: '500000000000000043', guildId: guild, permissions: MANAGE_GUILD });
    const followUps = () => f.find('POST', new RegExp(`^/webhooks/${APP_ID}/${status.token}$`));
    const [report] = await f.waitFor(() => (followUps().length ? followUps() : undefined), 30_000);
    expect(report!.body.content).toContain('Asked: 1 · answered: 100% · declined: 0% · with 👎: 100%');

    const exported = await runScript('src/cli/feedback.ts', ['--export'], env);
    expect(exported.code, exported.stderr).toBe(0);
    const [line] = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line.feedback).toEqual([{ userId: '500000000000000042', vote: 'down', reason: 'rates are from August', at: expect.any(String) }]);
  }, 180_000);
});
