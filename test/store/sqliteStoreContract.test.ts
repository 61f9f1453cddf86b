import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { knowledgeStoreContract } from './knowledgeStoreContract.js';
import { tempDir } from '../support/tempDir.js';

knowledgeStoreContract('SQLite (SqliteStore in DATA_DIR)', () => SqliteStore.open(join(tempDir(), 'data')), {
  reopenWithNewerSchema(store) {
    store.sqlite.setMeta('schema_version', '99');
    return SqliteStore.open(store.dataDir);
  },
});
