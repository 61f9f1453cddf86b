import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { pruneExpiredAnswers } from '../../src/app/feedbackRetention.js';
import { ConfigError } from '../../src/core/errors.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { tempDir } from '../support/tempDir.js';

const DAY_MS = 86_400_000;

describe('FEEDBACK_RETENTION_DAYS', () => {
  it('defaults to 90 days, takes 0 (keep for good) up to 36500, and refuses anything else naming the variable', () => {
    const dataDir = join(tempDir(), 'data');
    expect(loadConfig({ DATA_DIR: dataDir }).feedbackRetentionDays).toBe(90);
    expect(loadConfig({ DATA_DIR: dataDir, FEEDBACK_RETENTION_DAYS: ' ' }).feedbackRetentionDays).toBe(90);
    expect(loadConfig({ DATA_DIR: dataDir, FEEDBACK_RETENTION_DAYS: '0' }).feedbackRetentionDays).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir, FEEDBACK_RETENTION_DAYS: '30' }).feedbackRetentionDays).toBe(30);
    for (const bad of ['-1', '1.5', 'forever', '36501']) expect(() => loadConfig({ DATA_DIR: dataDir, FEEDBACK_RETENTION_DAYS: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir, FEEDBACK_RETENTION_DAYS: 'forever' })).toThrow(
      /^FEEDBACK_RETENTION_DAYS is invalid: must be a whole number of days/,
    );
  });

  it('deletes answers older than the retention counted from now, and nothing with 0', async () => {
    const store = SqliteStore.open(join(tempDir(), 'data'));
    try {
      const now = Date.parse('2026-12-05T00:00:00.000Z');
      const recordAt = (daysAgo: number) =>
        store.recordAnswer({
          at: new Date(now - daysAgo * DAY_MS).toISOString(),
          guildId: null,
          channelId: 'dm',
          userId: 'u',
          question: `asked ${daysAgo} days ago`,
          answer: 'a',
          citations: [],
          answered: false,
          mode: 'extractive',
        });
      for (const days of [200, 31, 29, 1]) await recordAt(days);
      expect(await pruneExpiredAnswers(store, 0, now)).toBe(0);
      expect(await pruneExpiredAnswers(store, 30, now)).toBe(2);
      expect((await store.answerSummary({}, 10)).declinedQuestions).toEqual(['asked 1 days ago', 'asked 29 days ago']);
    } finally {
      await store.close();
    }
  });
});
