import { describe, expect, it } from 'vitest';
import { PgChangeFeed } from '../../src/store/postgres/pgChanges.js';
import { PgDatabase } from '../../src/store/postgres/pgDatabase.js';
import { testDatabaseUrl } from '../support/postgres.js';

const url = testDatabaseUrl();

/** Whether a promise settles within `ms`: the pool's end waits for every session it lent, so a session kept by mistake makes it wait forever. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe.skipIf(!url)('the change feed of a PostgreSQL store (LISTEN session)', () => {
  it('gives its session back when the store closes while LISTEN is still being set up, so the pool (and a shutting-down bot) can end', async () => {
    const db = new PgDatabase(url!);
    const feed = new PgChangeFeed(db);
    const listening = feed.listen();
    feed.close();
    await listening;
    expect(await settlesWithin(db.close(), 10_000)).toBe(true);
  });

  it('gives its session back when the store closes after LISTEN is set up', async () => {
    const db = new PgDatabase(url!);
    const feed = new PgChangeFeed(db);
    await feed.listen();
    expect(db.pool.totalCount).toBe(1);
    feed.close();
    feed.close();
    expect(await settlesWithin(db.close(), 10_000)).toBe(true);
  });
});
