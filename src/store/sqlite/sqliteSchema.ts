/**
 * The SQLite schema: the source of truth. The hnswlib graph is derived from
 * passage_vectors and can always be rebuilt from it.
 *
 * passages uses AUTOINCREMENT so an id is never reused: ids double as ANN labels, and a
 * reused id would resurrect a deleted graph node.
 */
export const SCHEMA_VERSION = 8;

/**
 * Migrations from each older schema version to the next, run in order at open inside one
 * transaction. Version 2 keeps each article's body and reader comments as stored (for
 * `npm run export`) and marks articles stored from a feed summary only. Version 3 records how
 * fetching each source has gone across ingests (failures in a row, next attempt), for backoff.
 */
export const MIGRATIONS: Record<number, string> = {
  2: `
ALTER TABLE documents ADD COLUMN body TEXT;
ALTER TABLE documents ADD COLUMN comments TEXT;
ALTER TABLE documents ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0;
`,
  3: `
CREATE TABLE IF NOT EXISTS source_status (
  source_id TEXT PRIMARY KEY,
  last_success_at TEXT,
  last_error_at TEXT,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT
);
`,
  // 4: near-identical copies of a story (ingest/copies). A copy is a document of its own
  // without passages, linked to its story's head; heads are found by MinHash LSH band keys.
  4: `
ALTER TABLE documents ADD COLUMN copy_of INTEGER REFERENCES documents(id) ON DELETE SET NULL;
ALTER TABLE documents ADD COLUMN minhash BLOB;
CREATE INDEX documents_copy_of ON documents(copy_of) WHERE copy_of IS NOT NULL;
CREATE INDEX documents_unfingerprinted ON documents(id) WHERE minhash IS NULL;
CREATE TABLE copy_bands (
  band TEXT NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band, document_id)
) WITHOUT ROWID;
CREATE INDEX copy_bands_document ON copy_bands(document_id);
`,
  // 5: news desks (src/core/ports/newsDesks.ts). document_sources records every source that
  // brings an article (searches filter by it), backfilled from each document's own source and
  // its aliases' sources. The unique index treats a whole-server source (no channel) as one
  // value: a plain UNIQUE would let NULL channels repeat.
  5: `
CREATE TABLE desk_sources (
  id INTEGER PRIMARY KEY,
  guild_id TEXT NOT NULL,
  channel_id TEXT,
  url TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
  title TEXT,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE UNIQUE INDEX desk_sources_unique ON desk_sources(guild_id, url, coalesce(channel_id, ''));
CREATE INDEX desk_sources_url ON desk_sources(url);
CREATE TABLE document_sources (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  PRIMARY KEY (document_id, source_id)
) WITHOUT ROWID;
CREATE INDEX document_sources_source ON document_sources(source_id, document_id);
INSERT OR IGNORE INTO document_sources(document_id, source_id) SELECT id, source_id FROM documents;
INSERT OR IGNORE INTO document_sources(document_id, source_id) SELECT document_id, source_id FROM document_aliases;
CREATE TABLE feed_schedules (
  source_id TEXT PRIMARY KEY,
  next_poll_at TEXT NOT NULL,
  interval_ms INTEGER NOT NULL,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  backing_off INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL,
  last_polled_at TEXT
);
CREATE TABLE feed_poll_claims (
  source_id TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE server_settings (
  guild_id TEXT PRIMARY KEY,
  time_zone TEXT NOT NULL DEFAULT 'UTC'
);
`,
  // 6: stories across outlets (src/store/stories.ts): every document belongs to a story,
  // labelled by one member's id; a copy shares its head's. story_terms keeps the distinctive
  // terms of its headline and lead (ingest/stories), computed at write time; NULL for articles
  // written before, whose terms are computed from their title and body when compared.
  6: `
ALTER TABLE documents ADD COLUMN story_id INTEGER;
ALTER TABLE documents ADD COLUMN story_terms TEXT;
UPDATE documents SET story_id = coalesce(copy_of, id);
CREATE INDEX documents_story ON documents(story_id);
`,

  // 7: digest schedules (/digest schedule): one per channel; last_run_date is the server-local
  // date of the last run, which a process claims by a conditional update (sqliteDigests.ts).
  7: `
CREATE TABLE IF NOT EXISTS digest_schedules (
  id INTEGER PRIMARY KEY,
  guild_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  time TEXT NOT NULL,
  topic TEXT,
  language TEXT NOT NULL DEFAULT 'en',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_run_date TEXT,
  last_run_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS digest_schedules_channel ON digest_schedules(guild_id, channel_id);
`,

  // 8: answers the bot gave and the votes on them (src/core/ports/answerLog.ts): the /status
  // report and `npm run feedback`. Only a user id and the server are kept about a person;
  // votes go with their answer when retention prunes it. AUTOINCREMENT: an id is never reused,
  // since buttons carry it and a click on a pruned answer must not vote on a newer one.
  // IF NOT EXISTS: a store set back to an older version (tests of earlier migrations) runs it again.
  8: `
CREATE TABLE IF NOT EXISTS answer_records (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  guild_id TEXT,
  channel_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  citations TEXT NOT NULL,
  answered INTEGER NOT NULL,
  mode TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS answer_records_at ON answer_records(at);
CREATE INDEX IF NOT EXISTS answer_records_guild_at ON answer_records(guild_id, at);
CREATE TABLE IF NOT EXISTS answer_feedback (
  answer_id INTEGER NOT NULL REFERENCES answer_records(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  reason TEXT,
  at TEXT NOT NULL,
  PRIMARY KEY (answer_id, user_id)
) WITHOUT ROWID;
`,
};

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL UNIQUE,
  source_id TEXT NOT NULL,
  raw_hash TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  extractor_version INTEGER NOT NULL,
  title TEXT NOT NULL,
  outlet TEXT,
  published TEXT,
  language TEXT NOT NULL,
  url TEXT,
  source TEXT NOT NULL,
  location TEXT NOT NULL,
  author TEXT,
  ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_content_hash ON documents(content_hash);
CREATE INDEX IF NOT EXISTS documents_source_id ON documents(source_id);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE TABLE IF NOT EXISTS document_aliases (
  alias_key TEXT PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,
  raw_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS passages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  section TEXT NOT NULL CHECK (section IN ('body', 'comment')),
  text TEXT NOT NULL,
  terms TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_document ON passages(document_id);
CREATE TABLE IF NOT EXISTS passage_vectors (
  passage_id INTEGER PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  vector BLOB NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
  terms, content='passages', content_rowid='id', tokenize='unicode61'
);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_vocab USING fts5vocab(passages_fts, 'row');
CREATE TRIGGER IF NOT EXISTS passages_fts_insert AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts(rowid, terms) VALUES (new.id, new.terms);
END;
CREATE TRIGGER IF NOT EXISTS passages_fts_delete AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts(passages_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
END;
CREATE TABLE IF NOT EXISTS ingest_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,
  summary TEXT
);
`;
