import { refuseNewerSchema } from '../rules/schemaVersion.js';
import { vectorSpaceFromMeta } from '../rules/vectorSpaceSwitch.js';
import type { PgConnection, PgSession, Row, SqlRunner } from './pgDatabase.js';
import { backfillPgVector, enablePgVector, PGVECTOR_INDEX, preparePgVectorIndex } from './pgVectors.js';

/** Advisory lock key: migrations one process at a time. */
const MIGRATION_LOCK = 0x6d696772; // "migr"

/**
 * The PostgreSQL schema, as numbered migrations run in order at start-up (each in one
 * transaction, under an advisory lock so two processes starting together do not race).
 *
 * Lexical search indexes each passage's stored index terms: those are already folded and
 * stemmed by the passage's own language (Snowball for en/de/it/fr/es, the same algorithms as
 * PostgreSQL's language configurations) and questions are stemmed the same way, so the
 * `simple` configuration is used on them and both backends match exactly the same words.
 * `vocabulary` mirrors SQLite's fts5vocab (passages per term) for IDF weights and compound
 * splitting. `passage_changes` is the change sequence every process's derived vector graph
 * follows (with NOTIFY newsbot_changes after each commit); changes older than a day are pruned
 * and `meta.changes_pruned_through` says up to where, so a graph older than that rebuilds.
 */
export const PG_MIGRATIONS: string[] = [
  `
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE documents (
  id bigserial PRIMARY KEY,
  doc_key text NOT NULL UNIQUE,
  source_id text NOT NULL,
  raw_hash text NOT NULL,
  content_hash text NOT NULL,
  extractor_version integer NOT NULL,
  title text NOT NULL,
  outlet text,
  published text,
  language text NOT NULL,
  url text,
  source text NOT NULL,
  location text NOT NULL,
  author text,
  ingested_at text NOT NULL,
  updated_at text NOT NULL,
  body text,
  comments text,
  summary_only boolean NOT NULL DEFAULT false
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_source_id ON documents(source_id);
CREATE INDEX documents_published ON documents(published);
CREATE TABLE document_aliases (
  alias_key text PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  source_id text NOT NULL,
  raw_hash text NOT NULL
);
CREATE INDEX document_aliases_source ON document_aliases(source_id);
CREATE TABLE passages (
  id bigserial PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position integer NOT NULL,
  section text NOT NULL CHECK (section IN ('body', 'comment')),
  text text NOT NULL,
  terms text NOT NULL,
  term_count integer NOT NULL,
  tsv tsvector NOT NULL
);
CREATE INDEX passages_document ON passages(document_id);
CREATE INDEX passages_tsv ON passages USING gin(tsv);
CREATE TABLE passage_vectors (
  passage_id bigint PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
  model text NOT NULL,
  vector bytea NOT NULL
);
CREATE TABLE vocabulary (term text COLLATE "C" PRIMARY KEY, passages integer NOT NULL);
CREATE TABLE passage_changes (
  seq bigserial PRIMARY KEY,
  passage_id bigint NOT NULL,
  op char(1) NOT NULL CHECK (op IN ('a', 'r', 'x'))
);
CREATE TABLE ingest_runs (
  id bigserial PRIMARY KEY,
  started_at text NOT NULL,
  finished_at text,
  status text NOT NULL,
  summary text
);
CREATE TABLE question_log (user_id text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE INDEX question_log_user ON question_log(user_id, at);
`,
  // 2: when each change was made, so old changes can be pruned (processes that fell behind rebuild).
  `
ALTER TABLE passage_changes ADD COLUMN at timestamptz NOT NULL DEFAULT now();
CREATE INDEX passage_changes_at ON passage_changes(at);
`,
  // 3: postings (term -> passage, term frequency, passage length): BM25 for questions whose words
  // match many passages reads these index entries instead of every matching passage's tsvector.
  `
CREATE TABLE passage_terms (
  term text COLLATE "C" NOT NULL,
  passage_id bigint NOT NULL,
  tf integer NOT NULL,
  term_count integer NOT NULL,
  PRIMARY KEY (term, passage_id) INCLUDE (tf, term_count)
);
INSERT INTO passage_terms(term, passage_id, tf, term_count)
SELECT u.lexeme, p.id, cardinality(u.positions), p.term_count FROM passages p, unnest(p.tsv) u;
ANALYZE passage_terms;
`,
  // 4: how fetching each source has gone across ingests (failures in a row, next attempt), for backoff.
  `
CREATE TABLE source_status (
  source_id text PRIMARY KEY,
  last_success_at text,
  last_error_at text,
  last_error text,
  consecutive_failures integer NOT NULL DEFAULT 0,
  next_attempt_at text
);
`,
  // 5: copies of a story: a copy is a document without passages linked to its story's head;
  // heads are found by MinHash LSH bands.
  `
ALTER TABLE documents ADD COLUMN copy_of bigint REFERENCES documents(id) ON DELETE SET NULL;
ALTER TABLE documents ADD COLUMN minhash bytea;
CREATE INDEX documents_copy_of ON documents(copy_of) WHERE copy_of IS NOT NULL;
CREATE INDEX documents_unfingerprinted ON documents(id) WHERE minhash IS NULL;
CREATE TABLE copy_bands (
  band text COLLATE "C" NOT NULL,
  document_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band, document_id)
);
CREATE INDEX copy_bands_document ON copy_bands(document_id);
`,
  // 6: news desks (src/core/ports/newsDesks.ts). document_sources records every source that
  // brings an article (searches filter by it), backfilled from each document's own source and
  // its aliases' sources. The unique index treats a whole-server source (no channel) as one
  // value (NULLs never conflict in a plain UNIQUE). membership_changes moves whenever a source
  // joins or leaves an existing article (no passage changes then), so scope caches know. A poll claim is a row with an expiry,
  // taken by one atomic upsert (pgFeedPolls.ts).
  `
CREATE TABLE desk_sources (
  id bigserial PRIMARY KEY,
  guild_id text NOT NULL,
  channel_id text,
  url text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('feed', 'page')),
  title text,
  added_by text NOT NULL,
  added_at text NOT NULL
);
CREATE UNIQUE INDEX desk_sources_unique ON desk_sources(guild_id, url, coalesce(channel_id, ''));
CREATE INDEX desk_sources_url ON desk_sources(url);
CREATE TABLE document_sources (
  document_id bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  source_id text NOT NULL,
  PRIMARY KEY (document_id, source_id)
);
CREATE INDEX document_sources_source ON document_sources(source_id, document_id);
INSERT INTO document_sources(document_id, source_id) SELECT id, source_id FROM documents ON CONFLICT DO NOTHING;
INSERT INTO document_sources(document_id, source_id) SELECT document_id, source_id FROM document_aliases ON CONFLICT DO NOTHING;
CREATE TABLE feed_schedules (
  source_id text PRIMARY KEY,
  next_poll_at text NOT NULL,
  interval_ms bigint NOT NULL,
  consecutive_failures integer NOT NULL DEFAULT 0,
  backing_off boolean NOT NULL DEFAULT false,
  reason text NOT NULL,
  last_polled_at text
);
CREATE TABLE feed_poll_claims (
  source_id text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE TABLE server_settings (
  guild_id text PRIMARY KEY,
  time_zone text NOT NULL DEFAULT 'UTC'
);
CREATE SEQUENCE membership_changes;
`,
  // 7: stories across outlets (src/store/stories.ts), as SQLite's migration 6: a story id per
  // document (a copy shares its head's), and the distinctive terms its story is judged by.
  `
ALTER TABLE documents ADD COLUMN story_id bigint;
ALTER TABLE documents ADD COLUMN story_terms text;
UPDATE documents SET story_id = coalesce(copy_of, id);
CREATE INDEX documents_story ON documents(story_id);
`,

  // 8: digest schedules (/digest schedule): one per channel; last_run_date is the server-local
  // date of the last run, which a process claims by a conditional update (pgDigests.ts).
  `
CREATE TABLE IF NOT EXISTS digest_schedules (
  id bigserial PRIMARY KEY,
  guild_id text NOT NULL,
  channel_id text NOT NULL,
  time text NOT NULL,
  topic text,
  language text NOT NULL DEFAULT 'en',
  created_by text NOT NULL,
  created_at text NOT NULL,
  last_run_date text,
  last_run_at text
);
CREATE UNIQUE INDEX IF NOT EXISTS digest_schedules_channel ON digest_schedules(guild_id, channel_id);
`,

  // 9: answers the bot gave and the votes on them (src/core/ports/answerLog.ts), shared by every
  // shard: a button is handled by whichever shard Discord sends the click to. Only a user id
  // and the server are kept about a person; votes go with their answer when retention prunes it.
  // IF NOT EXISTS: a store set back to an older version (tests of earlier migrations) runs it again.
  `
CREATE TABLE IF NOT EXISTS answer_records (
  id bigserial PRIMARY KEY,
  at text NOT NULL,
  guild_id text,
  channel_id text NOT NULL,
  user_id text NOT NULL,
  question text NOT NULL,
  answer text NOT NULL,
  citations text NOT NULL,
  answered boolean NOT NULL,
  mode text NOT NULL
);
CREATE INDEX IF NOT EXISTS answer_records_at ON answer_records(at);
CREATE INDEX IF NOT EXISTS answer_records_guild_at ON answer_records(guild_id, at);
CREATE TABLE IF NOT EXISTS answer_feedback (
  answer_id bigint NOT NULL REFERENCES answer_records(id) ON DELETE CASCADE,
  user_id text NOT NULL,
  vote text NOT NULL CHECK (vote IN ('up', 'down')),
  reason text,
  at text NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
`,
];

/**
 * Runs the migrations this database lacks, one process at a time; refuses a newer schema.
 * Then turns pgvector on when the server offers it (under the same lock, so two processes
 * starting together do not race to create the extension) and returns whether it is in use.
 */
export async function migrate(db: PgConnection, schema: string | null): Promise<boolean> {
  const session = await db.session();
  try {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (schema) await session.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await session.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const current = Number((await session.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version')).rows[0]?.v ?? 0);
    refuseNewerSchema(current, PG_MIGRATIONS.length, 'the database');
    for (let version = current + 1; version <= PG_MIGRATIONS.length; version++) await runMigration(session, version);
    return await usePgVectorIfOffered({ query: async <R extends Row>(sql: string, params: unknown[] = []) => (await session.query(sql, params)).rows as R[] });
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    session.release();
  }
}

/** One migration in one transaction, recorded in `schema_version`. */
async function runMigration(session: PgSession, version: number): Promise<void> {
  await session.query('BEGIN');
  try {
    await session.query(PG_MIGRATIONS[version - 1]!);
    await session.query('INSERT INTO schema_version(version) VALUES ($1)', [version]);
    await session.query('COMMIT');
  } catch (error) {
    await session.query('ROLLBACK');
    throw error;
  }
}

/** Turns pgvector on when offered; a database that had vectors before it was installed gets them indexed now. */
async function usePgVectorIfOffered(runner: SqlRunner): Promise<boolean> {
  if (!(await enablePgVector(runner))) return false;
  const meta = new Map(
    (await runner.query<{ key: string; value: string }>("SELECT key, value FROM meta WHERE key IN ('vector_model', 'vector_dim')")).map((r) => [
      r.key,
      r.value,
    ]),
  );
  const space = vectorSpaceFromMeta((key) => meta.get(key));
  if (space) {
    const [index] = await runner.query<{ name: string | null }>(`SELECT to_regclass('${PGVECTOR_INDEX}')::text AS name`);
    if (!index?.name) await preparePgVectorIndex(runner, space);
    await backfillPgVector(runner, space.model);
  }
  return true;
}
