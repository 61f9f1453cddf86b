import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { tempDir } from '../support/tempDir.js';
import { answerLogContract } from './answerLogContract.js';

answerLogContract('SQLite (SqliteStore in DATA_DIR)', () => SqliteStore.open(join(tempDir(), 'data')), {
  openAgain: (store) => SqliteStore.open(store.dataDir),
  async reopenFromSchemaBeforeAnswers(store) {
    store.sqlite.db.exec('DROP TABLE answer_feedback; DROP TABLE answer_records;');
    store.sqlite.setMeta('schema_version', '7');
    await store.close();
    return SqliteStore.open(store.dataDir);
  },
});

describe('SQLite answer log and the caches', () => {
  it('records answers, votes and prunes without moving the change stamp the caches and scopes are kept by', async () => {
    const store = SqliteStore.open(join(tempDir(), 'data'));
    try {
      const stamp = store.sqlite.changeStamp();
      const at = '2026-12-01T00:00:00.000Z';
      const id = await store.recordAnswer({
        at,
        guildId: 'g',
        channelId: 'c',
        userId: 'u',
        question: 'q',
        answer: 'a',
        citations: [],
        answered: true,
        mode: 'extractive',
      });
      await store.recordFeedback({ answerId: id, userId: 'v', vote: 'down', reason: 'r', at });
      await store.recordFeedback({ answerId: id, userId: 'v', vote: 'up', at });
      expect(await store.pruneAnswers('2027-01-01T00:00:00.000Z')).toBe(1);
      expect(store.sqlite.changeStamp()).toBe(stamp);
      // Any other write still moves it.
      store.sqlite.setMeta('x', '1');
      expect(store.sqlite.changeStamp()).not.toBe(stamp);
    } finally {
      await store.close();
    }
  });
});
