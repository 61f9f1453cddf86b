import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { DocumentRecord } from '../../core/types.js';
import { StoreCorruptError } from '../errors.js';
import { ChangeStampedCache } from '../rules/changeStampedCache.js';
import { refuseNewerSchema } from '../rules/schemaVersion.js';
import { MIGRATIONS, SCHEMA_SQL, SCHEMA_VERSION } from './sqliteSchema.js';

/** Size and modification time of the database file after the last clean close, beside it. */
const cleanCloseStamp = (path: string) => `${path}.clean-close`;

function fileStamp(path: string): string | null {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : null;
}

/** No write-ahead log waiting to be checkpointed into the database file. */
function logIsEmpty(path: string): boolean {
  const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
  return !wal || wal.size === 0;
}

/**
 * Whether the file is byte-for-byte where a clean close left it, as far as size and mtime
 * tell: no write-ahead log pending, no write since (any write moves the mtime), no truncation.
 */
function closedCleanlyAndUnchanged(path: string): boolean {
  try {
    return logIsEmpty(path) && readFileSync(cleanCloseStamp(path), 'utf8') === fileStamp(path);
  } catch {
    return false;
  }
}

function recordCleanClose(path: string): void {
  try {
    // Another connection still open (bot and ingest at once) keeps a log: no stamp then.
    const stamp = fileStamp(path);
    if (logIsEmpty(path) && stamp) writeFileSync(cleanCloseStamp(path), stamp);
    else rmSync(cleanCloseStamp(path), { force: true });
  } catch {
    // Without a stamp the next open just runs the full check.
  }
}

/**
 * A connection to the SQLite source of truth (better-sqlite3, WAL): opening (integrity
 * check, migrations), meta values, transactions and cached statements; the backend's
 * statements by concern are in the sibling modules. Every write that changes passages or
 * vectors bumps the "generation" counter in the same transaction, so readers in other
 * processes can tell when their derived ANN graph or in-memory lexicon is stale.
 */
export class SqliteDatabase {
  readonly db: Database.Database;

  constructor(
    readonly path: string,
    options: { readonly?: boolean } = {},
  ) {
    try {
      this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
      this.db.pragma('busy_timeout = 10000');
      if (!options.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
      this.db.pragma('foreign_keys = ON');
      if (!options.readonly) this.db.exec(SCHEMA_SQL);
      // quick_check reads every page (about a second at 100,000 passages): skipped when the
      // file is exactly as this program left it at its last clean close.
      if (!closedCleanlyAndUnchanged(path)) {
        const check = this.db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new Error(`integrity check said: ${String(check)}`);
      }
      if (!options.readonly) this.migrate();
    } catch (error) {
      throw new StoreCorruptError(path, error);
    }
  }

  /**
   * Brings an older store up to SCHEMA_VERSION. A store without a version is a version-1
   * store (the first release did not record it). A store newer than this code is refused
   * rather than half understood.
   */
  private migrate(): void {
    const stored = Number(this.getMeta('schema_version') ?? '1');
    refuseNewerSchema(stored, SCHEMA_VERSION, 'this store');
    this.transaction(() => {
      for (let version = stored + 1; version <= SCHEMA_VERSION; version++) this.db.exec(MIGRATIONS[version] ?? '');
      this.setMeta('schema_version', String(SCHEMA_VERSION));
    });
  }

  close(): void {
    if (!this.db.open) return;
    this.db.close();
    if (!this.db.readonly) recordCleanClose(this.path);
  }

  /**
   * A meta value, cached until the database changes: a question reads the generation and the
   * vector space several times, and each read of the table costs more (a read transaction
   * on the WAL) than the two counters that tell whether anything changed.
   */
  getMeta(key: string): string | undefined {
    const values = this.metaCache.at(this.changeStamp());
    if (!values.has(key)) values.set(key, (this.statement('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value);
    return values.get(key);
  }

  private readonly metaCache = new ChangeStampedCache<string, string | undefined>(1000);

  /**
   * Differs whenever something was written since it was last read: by this connection
   * (total_changes counts its row changes, committed or not) or committed by any other
   * one (data_version, e.g. an ingest in another process).
   */
  changeStamp(): string {
    const changes = Number(this.statement('SELECT total_changes()', { pluck: true }).get()) - this.uncountedChanges;
    return `${changes}:${this.statement('PRAGMA data_version', { pluck: true }).get()}`;
  }

  /** Row changes this connection made to tables no cache reads (the answer log), left out of changeStamp. */
  private uncountedChanges = 0;

  /**
   * Runs one statement whose changes no cache depends on (the bot records every answer: counted,
   * they would empty the caches above and a server's scope on every question). The counter's
   * own move is measured, cascades included.
   */
  runUncounted(statement: Database.Statement, ...params: unknown[]): Database.RunResult {
    const total = this.statement('SELECT total_changes()', { pluck: true });
    const before = Number(total.get());
    try {
      return statement.run(...params);
    } finally {
      this.uncountedChanges += Number(total.get()) - before;
    }
  }

  setMeta(key: string, value: string): void {
    this.statement('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Monotonic counter of content changes; the ANN sidecar records the one it reflects. */
  generation(): number {
    return Number(this.getMeta('generation') ?? '0');
  }

  bumpGeneration(): void {
    this.setMeta('generation', String(this.generation() + 1));
  }

  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (error) {
      // Rolled back: total_changes does not go back, so what the caches took in inside is dropped here.
      this.metaCache.forget();
      this.documentCache.forget();
      throw error;
    }
  }

  /**
   * Article records by id, kept until this connection (total_changes) or another one
   * (data_version: an ingest in another process) changes the database: a search hydrates
   * ten passages of a few articles, and reading their document rows again on every question
   * costs more than the vector search.
   */
  cachedDocuments(): Map<number, DocumentRecord & { extractorVersion: number }> {
    return this.documentCache.at(this.changeStamp());
  }

  private readonly documentCache = new ChangeStampedCache<number, DocumentRecord & { extractorVersion: number }>(50_000);

  private readonly statements = new Map<string, Database.Statement>();

  /**
   * A prepared statement, cached by its SQL (preparing on every query showed up in
   * profiles); `raw` ones return rows as arrays, `pluck` ones their first column.
   */
  statement(sql: string, options: { raw?: boolean; pluck?: boolean } = {}): Database.Statement {
    const key = options.raw ? `raw:${sql}` : options.pluck ? `pluck:${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (options.raw) statement.raw(true);
      if (options.pluck) statement.pluck(true);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
