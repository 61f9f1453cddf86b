import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFromConfig } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/app/config.js';
import { startBot } from '../../src/discord/bot.js';
import { ProcessEmbeddings } from '../../src/embeddings/processEmbeddings.js';
import { createLogger } from '../../src/logger.js';
import { newsFolder } from '../support/botFixture.js';
import { OPTION, replyEdits } from '../support/discordReplies.js';
import { APP_ID, FakeDiscord, MANAGE_GUILD } from '../support/fakeDiscord.js';
import { tempDir } from '../support/tempDir.js';

const TINY_BERT = resolve(import.meta.dirname, '../fixtures/tiny-bert');
const SLOW_WORKER = new URL('../support/slowEmbeddingProcess.ts', import.meta.url);

describe('Discord bot while a re-ingest embeds (model in its worker process)', () => {
  it('answers a question asked during a re-ingest before the re-ingest ends, with citations', async () => {
    const root = tempDir();
    const docs = newsFolder(root);
    const fake = new FakeDiscord();
    await fake.start();
    const config = loadConfig({
      DATA_DIR: join(root, 'data'),
      EMBEDDING_MODEL: TINY_BERT,
      NEWS_SOURCES: docs,
      DISCORD_TOKEN: 'test-token',
      // The operator's sources are re-ingested by the bot's owners only.
      ADMIN_USER_IDS: '500000000000000001',
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    });
    const worker = await ProcessEmbeddings.start({ model: TINY_BERT, cacheDir: join(root, 'models'), threads: 1, workerFile: SLOW_WORKER });
    const embeddings = { embeddings: worker, status: { model: worker.modelId, available: true, dimension: worker.dimension, reason: null } };
    await ingestFromConfig(config, { embeddings });
    // 120 new reports: about five seconds of embedding at 40 ms a passage.
    mkdirSync(join(docs, 'wire'));
    for (let i = 0; i < 120; i++)
      writeFileSync(
        join(docs, 'wire', `w${i}.txt`),
        `Wire report ${i}\n\nThe harbour office ${i} published its weekly notice about berth ${i} and pilot services.`,
      );
    const bot = await startBot(config, createLogger('silent'), { embeddings });
    try {
      await fake.whenReady();
      const reingest = fake.slashCommand('reingest', [], { permissions: MANAGE_GUILD });
      await fake.waitFor(() => bot.context.reingest.current() !== null, 10_000, 're-ingest start');
      const ask = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'How much have freight rates for gasoil risen?' }], {
        userId: '500000000000000042',
      });
      const edits = (token: string) => replyEdits(fake, token);
      const answer = await fake.waitFor(() => edits(ask.token).find((c) => /Sources:/.test(String(c.body?.content))), 20_000, 'the answer');
      expect(fake.find('POST', new RegExp(`^/interactions/${ask.id}/`))[0]!.body.type).toBe(5); // deferred at once
      expect(answer.body.content).toMatch(/tripled.*\[1\]/s);
      expect(answer.body.content).toContain('Rhine barges sail a third full');
      const finished = await fake.waitFor(
        () => edits(reingest.token).find((c) => /Re-ingest finished/.test(String(c.body?.content))),
        60_000,
        're-ingest summary',
      );
      expect(finished.body.content).toMatch(/120 added/);
      // The question did not wait for the 120 passages queued before it.
      expect(answer.at).toBeLessThan(finished.at);
    } finally {
      await bot.stop();
      await fake.stop();
    }
    expect(worker.workerPid).toBeUndefined(); // the bot's shutdown ended the worker process
  });
});
