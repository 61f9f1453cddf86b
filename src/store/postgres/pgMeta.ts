import type { SqlRunner } from './pgDatabase.js';

/** PostgreSQL's `meta` table: values by key (vector space, calibration, HTTP validators, manifest). */

export async function getMeta(db: SqlRunner, keys: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ key: string; value: string }>('SELECT key, value FROM meta WHERE key = ANY($1::text[])', [keys]);
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function setMeta(db: SqlRunner, key: string, value: string): Promise<void> {
  await db.query('INSERT INTO meta(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}
