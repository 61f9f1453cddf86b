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
