import { randomBytes } from 'node:crypto';

/** The throwaway server's URL that .ci/run passes to the tests; undefined when none runs. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim();
  return url ? url : undefined;
}

/** A schema name no other test uses, so each test starts from an empty knowledge base. */
export function uniqueSchema(): string {
  return `t_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A new, empty database on the test server (as an operator would create for the bot); returns its URL. */
export async function createTestDatabase(serverUrl: string, name: string): Promise<string> {
  const { PgDatabase } = await import('../../src/store/postgres/pgDatabase.js');
  const admin = new PgDatabase(serverUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops test databases, disconnecting whatever still uses them; never throws. */
export async function dropTestDatabases(serverUrl: string, names: string[]): Promise<void> {
  const { PgDatabase } = await import('../../src/store/postgres/pgDatabase.js');
  const admin = new PgDatabase(serverUrl);
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  await admin.close();
}
