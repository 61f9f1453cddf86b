import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { PgConnection, PgSession, Row, SqlRunner } from '../../src/store/postgres/pgDatabase.js';

/** One statement with parameters, or a script (migrations) through the simple protocol. */
async function run<R extends Row>(db: PGlite | Transaction, sql: string, params: unknown[]): Promise<R[]> {
  if (params.length > 0) return (await db.query<R>(sql, params)).rows;
  const results = await db.exec(sql);
  return (results.at(-1)?.rows ?? []) as R[];
}

/**
 * PGlite (PostgreSQL in WebAssembly, in this process) behind the store's connection
 * interface, so PgStore can run on PostgreSQL with extensions this machine's server lacks
 * (pgvector). PGlite has a single connection: sessions share it, so session-level advisory
 * locks do not exclude each other here (tested against the real server instead).
 */
export class PgliteConnection implements PgConnection {
  constructor(readonly lite: PGlite) {}

  query<R extends Row = Row>(sql: string, params: unknown[] = []): Promise<R[]> {
    return run<R>(this.lite, sql, params);
  }

  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.lite.transaction((tx) => work({ query: <R extends Row>(sql: string, params: unknown[] = []) => run<R>(tx, sql, params) }));
  }

  async session(): Promise<PgSession> {
    return {
      query: async <R extends Row>(sql: string, params: unknown[] = []) => ({ rows: await run<R>(this.lite, sql, params) }),
      release: () => undefined,
      on: () => undefined,
    };
  }

  async close(): Promise<void> {
    // The PGlite instance belongs to the test, which closes it.
  }
}
