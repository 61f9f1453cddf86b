import type { KnowledgeStore } from '../core/ports/knowledgeStore.js';
import { SqliteStore } from './sqlite/sqliteStore.js';

/** Where the knowledge base is: a PostgreSQL URL (and schema), or else the SQLite data directory. */
export interface StoreLocation {
  databaseUrl?: string | null;
  databaseSchema?: string | null;
  dataDir: string;
  log?: (message: string) => void;
}

/**
 * The one place that chooses the store backend: PostgreSQL when a database URL is given
 * (shared by bot shards and ingest workers), otherwise the embedded SQLite store in the data
 * directory.
 */
export async function openStore(location: StoreLocation): Promise<KnowledgeStore> {
  if (location.databaseUrl) {
    // Loaded only here: a SQLite deployment never loads the PostgreSQL client.
    const { PgStore } = await import('./postgres/pgStore.js');
    return PgStore.open(location.databaseUrl, { schema: location.databaseSchema ?? undefined });
  }
  return SqliteStore.open(location.dataDir, { log: location.log });
}
