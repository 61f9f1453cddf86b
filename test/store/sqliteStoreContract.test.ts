import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { knowledgeStoreContract } from './knowledgeStoreContract.js';
import { newsDesksContract } from './newsDesksContract.js';
import { digestsContract } from './digestsContract.js';
import { tempDir } from '../support/tempDir.js';

knowledgeStoreContract('SQLite (SqliteStore in DATA_DIR)', () => SqliteStore.open(join(tempDir(), 'data')), {
  reopenWithNewerSchema(store) {
    store.sqlite.setMeta('schema_version', '99');
    return SqliteStore.open(store.dataDir);
  },
});

newsDesksContract('SQLite (SqliteStore in DATA_DIR)', () => SqliteStore.open(join(tempDir(), 'data')), {
  openAgain: (store) => SqliteStore.open(store.dataDir),
  async reopenFromSchemaBeforeDesks(store) {
    store.sqlite.db.exec(
      'DROP TABLE document_sources; DROP TABLE desk_sources; DROP TABLE feed_schedules; DROP TABLE feed_poll_claims; DROP TABLE server_settings;',
    );
    // Version 6 (stories across outlets) goes too, so its migration runs again.
    store.sqlite.db.exec('DROP INDEX documents_story; ALTER TABLE documents DROP COLUMN story_id; ALTER TABLE documents DROP COLUMN story_terms;');
    store.sqlite.setMeta('schema_version', '4');
    await store.close();
    return SqliteStore.open(store.dataDir);
  },
});

digestsContract('SQLite (SqliteStore in DATA_DIR)', () => SqliteStore.open(join(tempDir(), 'data')), {
  openAgain: (store) => SqliteStore.open(store.dataDir),
});
