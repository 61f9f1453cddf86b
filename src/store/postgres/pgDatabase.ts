import { hostname } from 'node:os';
import pg from 'pg';

export type Row = Record<string, unknown>;

/** Something SQL can run on: the pool (one statement, autocommit) or a client inside a transaction. */
export interface SqlRunner {
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<R[]>;
}

/** A connection held until released: session-level advisory locks, LISTEN, migrations. */
export interface PgSession {
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  release(error?: Error | boolean): void;
  on(event: 'notification', listener: (message: { payload?: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** What the PostgreSQL store needs from a database: statements, transactions and sessions. */
export interface PgConnection extends SqlRunner {
  transaction<T>(work: (tx: SqlRunner) => Promise<T>, isolation?: string): Promise<T>;
  session(): Promise<PgSession>;
  close(): Promise<void>;
}

/**
 * A connection pool to one PostgreSQL database (node-postgres, the maintained client), with
 * transactions, dedicated sessions (advisory locks, LISTEN) and an optional schema so tests
 * and several knowledge bases can share one database.
 */
export class PgDatabase implements PgConnection {
  readonly pool: pg.Pool;

  constructor(
    readonly url: string,
    readonly schema: string | null = null,
    poolSize = 8,
  ) {
    if (schema !== null && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    this.pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: 10_000,
      // Shown in pg_stat_activity: who holds the ingest lock.
      application_name: `newsbot pid ${process.pid} on ${hostname()}`.slice(0, 63),
      // JIT compilation pays off for long analytic queries; for a question's few short ones it
      // only adds tens of milliseconds whenever the planner's estimate crosses its threshold.
      options: ['-c jit=off', ...(schema ? [`-c search_path=${schema}`] : [])].join(' '),
    });
    // An idle connection dropped by the server must not crash the process; the pool reconnects.
    this.pool.on('error', () => undefined);
  }

  async query<R extends Row = Row>(sql: string, params: unknown[] = []): Promise<R[]> {
    return (await this.pool.query(sql, params)).rows as R[];
  }

  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(work: (tx: SqlRunner) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work({ query: async <R extends Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[] });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A session of its own, held until released (session-level advisory locks, LISTEN). */
  async session(): Promise<pg.PoolClient & PgSession> {
    return this.pool.connect();
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
