import { describe, it } from 'vitest';
import { PgStore } from '../../src/store/postgres/pgStore.js';
import { testDatabaseUrl, uniqueSchema } from '../support/postgres.js';
import { answerLogContract } from './answerLogContract.js';

const url = testDatabaseUrl();

if (url) {
  // Every test gets an empty schema of its own in the throwaway database.
  const schemas = new WeakMap<PgStore, string>();
  const openIn = async (schema: string) => {
    const store = await PgStore.open(url, { schema });
    schemas.set(store, schema);
    return store;
  };
  answerLogContract('PostgreSQL (DATABASE_URL)', () => openIn(uniqueSchema()), {
    openAgain: (store) => openIn(schemas.get(store)!),
    async reopenFromSchemaBeforeAnswers(store) {
      await store.db.query('DROP TABLE answer_feedback, answer_records; DELETE FROM schema_version WHERE version >= 9');
      await store.close();
      return openIn(schemas.get(store)!);
    },
  });
} else {
  describe('PostgreSQL answer log', () => {
    it.skip('needs TEST_DATABASE_URL (bash .ci/run starts a throwaway server and sets it)', () => undefined);
  });
}
