import { join } from 'node:path';
import { NewsStore } from '../../src/store/newsStore.js';
import { tempDir } from '../support/tempDir.js';
import { knowledgeStoreContract } from './knowledgeStoreContract.js';

knowledgeStoreContract('SQLite (NewsStore in DATA_DIR)', () => NewsStore.open(join(tempDir(), 'data')));
