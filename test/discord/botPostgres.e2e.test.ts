import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/postgres/pgStore.js';
import type { BotProcess } from '../support/botProcess.js';
import { newsFolder, startBotProcess } from '../support/botFixture.js';
import { finalEdit, OPTION } from '../support/discordReplies.js';
import { APP_ID, FakeDiscord, MANAGE_GUILD } from '../support/fakeDiscord.js';
import { createTestDatabase, dropTestDatabases, testDatabaseUrl, uniqueSchema } from '../support/postgres.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const serverUrl = testDatabaseUrl();

describe.skipIf(!serverUrl)('Discord bot on PostgreSQL with an ingest worker in another process', () => {
  let fake: FakeDiscord | undefined;
  let bot: BotProcess | undefined;
  const database = `bot_${uniqueSchema()}`;

  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await fake?.stop();
    await dropTestDatabases(serverUrl!, [database]);
  });

  it('answers from what a separate worker ingests within 5 s, and refuses /reingest while the worker holds the lock', async () => {
    const url = new URL(await createTestDatabase(serverUrl!, database));
    const root = tempDir('bot-pg-');
    const docs = newsFolder(root);
    const env: Record<string, string> = {
      DATABASE_URL: url.toString(),
      DATA_DIR: join(root, 'data'),
      EMBEDDING_MODEL: 'hashing-384',
      NEWS_SOURCES: docs,
      DISCORD_TOKEN: 'fake-token',
      ADMIN_USER_IDS: '500000000000000007',
      DISCORD_CLIENT_ID: APP_ID,
      LOG_LEVEL: 'info',
    };
    expect((await runScript('src/cli/ingest.ts', [], env)).code).toBe(0);
    fake = new FakeDiscord();
    await fake.start();
    env.DISCORD_API_URL = fake.apiUrl;
    bot = await startBotProcess(fake, env);
    const f = fake;

    // The worker (another process, as on another machine) ingests a new story while the bot runs.
    const extra = join(root, 'extra');
    mkdirSync(extra);
    writeFileSync(
      join(extra, 'quarry.txt'),
      'Brennmoor quarry closes\n\nThe Brennmoor quarry closed on Friday after ninety years of granite extraction, the owners said.\n',
    );
    expect((await runScript('src/cli/ingest.ts', [extra], env)).code).toBe(0);
    const ingestedAt = Date.now();
    const { token } = f.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'When did the Brennmoor quarry close?' }]);
    expect(await finalEdit(f, token, /Sources:/)).toMatch(/closed on Friday.*\[1\]/);
    expect(Date.now() - ingestedAt).toBeLessThan(5000);

    // /status shows the shared figures.
    const status = f.slashCommand('status', []);
    const [callback] = await f.waitFor(() => {
      const calls = f.find('POST', new RegExp(`^/interactions/${status.id}/`));
      return calls.length ? calls : undefined;
    });
    expect(callback!.body.data.content).toMatch(/Articles: 4 · Passages: \d+ · Sources: 2/);

    // While another process holds the ingest lock, /reingest on the bot is refused.
    const worker = await PgStore.open(url.toString());
    const release = await worker.lockForIngest();
    try {
      const refused = f.slashCommand('reingest', [], { userId: '500000000000000007', permissions: MANAGE_GUILD });
      const reply = await f.waitFor(
        () => {
          const texts = [
            ...f.find('POST', new RegExp(`^/interactions/${refused.id}/`)).map((c) => c.body?.data?.content as string | undefined),
            ...f.find('PATCH', new RegExp(`^/webhooks/${APP_ID}/${refused.token}/messages/@original$`)).map((c) => c.body?.content as string | undefined),
          ];
          return texts.find((t) => t && /already running/i.test(t));
        },
        20_000,
        'reingest refusal',
      );
      expect(reply).toMatch(/already running/i);
    } finally {
      await release();
      await worker.close();
    }
  }, 120_000);
});
