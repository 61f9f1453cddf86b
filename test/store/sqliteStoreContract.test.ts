import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { tempDir } from '../support/tempDir.js';
import { knowledgeStoreContract } from './knowledgeStoreContract.js';

knowledgeStoreContract('SQLite (SqliteStore in DATA_DIR)', () => SqliteStore.open(join(tempDir(), 'data')));
