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
