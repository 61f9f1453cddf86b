import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { scheduleFeedbackRetention } from '../../src/discord/startup/feedbackRetention.js';
import { createLogger } from '../../src/logger.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { tempDir } from '../support/tempDir.js';

const DAY_MS = 86_400_000;

describe('the bot prunes answers and feedback by FEEDBACK_RETENTION_DAYS', () => {
  it('at start and then on every tick of its timer; not at all with 0', async () => {
    const dataDir = join(tempDir(), 'data');
    const store = SqliteStore.open(dataDir);
    const old = (question: string) =>
      store.recordAnswer({
        at: new Date(Date.now() - 45 * DAY_MS).toISOString(),
        guildId: 'g',
        channelId: 'c',
        userId: 'u',
        question,
        answer: 'a',
        citations: [],
        answered: false,
        mode: 'extractive',
      });
    const left = async () => (await store.answerSummary({}, 10)).declinedQuestions;
    const logger = createLogger('silent');
    try {
      await old('before start');
      const keepForever = scheduleFeedbackRetention(loadConfig({ DATA_DIR: dataDir, FEEDBACK_RETENTION_DAYS: '0' }), store, logger, 20);
      await new Promise((resolve) => setTimeout(resolve, 100));
      keepForever();
      expect(await left()).toEqual(['before start']);

      const stop = scheduleFeedbackRetention(loadConfig({ DATA_DIR: dataDir, FEEDBACK_RETENTION_DAYS: '30' }), store, logger, 200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await left()).toEqual([]);
      await old('while running');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await left()).toEqual([]);
      stop();
      await old('after stop');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await left()).toEqual(['after stop']);
    } finally {
      await store.close();
    }
  });
});
