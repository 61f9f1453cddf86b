import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreCorruptError } from '../../src/store/errors.js';
import { addAlias, exportArticles, passagesByIds, removeKeys, writeArticle } from '../../src/store/sqlite/sqliteArticles.js';
import { SqliteDatabase } from '../../src/store/sqlite/sqliteDatabase.js';
import { SqliteLexicalIndex } from '../../src/store/sqlite/sqliteLexical.js';
import { sourceStatuses, stats } from '../../src/store/sqlite/sqliteRecords.js';
import { deleteVectorsNotFrom, iterateVectors, passagesMissingVectors, storeVectors } from '../../src/store/sqlite/sqliteVectors.js';
import { tempDir } from '../support/tempDir.js';
import { article } from './storeFixtures.js';

describe('SqliteDatabase', () => {
  it('hydrates hits with current article records after changes by this or another connection (ingest in another process)', () => {
    const path = join(tempDir(), 'news.db');
    const bot = new SqliteDatabase(path);
    const ingest = new SqliteDatabase(path);
    const [hit] = writeArticle(ingest, article('a', ['alpha one']), 'now').added;
    expect(passagesByIds(bot, [hit!.id])[0]!.document.title).toBe('Title a');
    // Another connection renames the article in place (an alias takes over its key: no passage changes).
    addAlias(ingest, 'a-mirror', passagesByIds(bot, [hit!.id])[0]!.documentId, '/mirror', 'raw-mirror');
    removeKeys(ingest, ['a']);
    expect(passagesByIds(bot, [hit!.id])[0]!.document).toMatchObject({ key: 'a-mirror', sourceId: '/mirror' });
    // This connection's own write.
    const [updated] = writeArticle(bot, article('a-mirror', ['alpha two'], { metadata: { ...article('x', []).metadata, title: 'New title' } }), 'later').added;
    expect(passagesByIds(bot, [updated!.id])[0]!.document.title).toBe('New title');
    expect(passagesByIds(bot, [hit!.id])).toEqual([]);
    bot.close();
    ingest.close();
  });

  it('reads the generation afresh after a write by this connection, by another one, and after a rolled-back transaction', () => {
    const path = join(tempDir(), 'news.db');
    const bot = new SqliteDatabase(path);
    const ingest = new SqliteDatabase(path);
    const start = bot.generation();
    expect(bot.generation()).toBe(start); // served from the cache: nothing changed
    writeArticle(ingest, article('a', ['alpha one']), 'now');
    expect(bot.generation()).toBe(start + 1); // another connection committed
    writeArticle(bot, article('b', ['beta one']), 'now');
    expect(bot.generation()).toBe(start + 2); // this connection wrote
    expect(() =>
      bot.transaction(() => {
        bot.setMeta('generation', '999');
        expect(bot.generation()).toBe(999); // seen inside the transaction
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(bot.generation()).toBe(start + 2); // rolled back, and the cached 999 with it
    expect(ingest.generation()).toBe(start + 2);
    bot.close();
    ingest.close();
  });

  it('replaces an article atomically and reports which passages left', () => {
    const store = new SqliteDatabase(join(tempDir(), 'news.db'));
    const first = writeArticle(store, article('a', ['alpha one', 'alpha two']), 'now');
    expect(first.added).toHaveLength(2);
    const g = store.generation();
    const second = writeArticle(store, article('a', ['alpha three']), 'later');
    expect(second.removedPassageIds.sort()).toEqual(first.added.map((a) => a.id).sort());
    expect(second.added[0]!.id).toBeGreaterThan(first.added[1]!.id); // ids never reused
    expect(store.generation()).toBeGreaterThan(g);
    expect(stats(store)).toMatchObject({ documents: 1, passages: 1, vectors: 1 });
    expect(new SqliteLexicalIndex(store).search(['three'], 10).map((h) => h.id)).toEqual([second.added[0]!.id]);
    expect(new SqliteLexicalIndex(store).search(['one'], 10)).toEqual([]);
    store.close();
  });

  it('tracks passages missing vectors and drops vectors of another model', () => {
    const store = new SqliteDatabase(join(tempDir(), 'news.db'));
    writeArticle(store, article('a', ['x one', 'x two'], { vectors: null, model: null }), 'now');
    expect(passagesMissingVectors(store, 'm', 10)).toHaveLength(2);
    const ids = passagesMissingVectors(store, 'm', 10).map((p) => p.id);
    storeVectors(
      store,
      'm',
      ids.map((id) => ({ id, vector: Float32Array.from([1, 2, 3]) })),
    );
    expect(passagesMissingVectors(store, 'm', 10)).toHaveLength(0);
    expect([...iterateVectors(store, 'm')].map((v) => Array.from(v.vector))).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(deleteVectorsNotFrom(store, 'other')).toBe(2);
    expect(passagesMissingVectors(store, 'other', 10)).toHaveLength(2);
    store.close();
  });

  it('filters lexical search by publication date', () => {
    const store = new SqliteDatabase(join(tempDir(), 'news.db'));
    writeArticle(store, article('old', ['election news'], { metadata: { ...article('x', []).metadata, published: '2020-01-01' } }), 'now');
    writeArticle(store, article('new', ['election result'], { metadata: { ...article('x', []).metadata, published: '2026-03-01' } }), 'now');
    expect(new SqliteLexicalIndex(store).search(['election'], 10)).toHaveLength(2);
    expect(new SqliteLexicalIndex(store).search(['election'], 10, { since: '2025-01-01' })).toHaveLength(1);
    expect(new SqliteLexicalIndex(store).search(['election'], 10, { until: '2021-01-01' })).toHaveLength(1);
    store.close();
  });

  it('reports a damaged database file with the rebuild command', () => {
    const path = join(tempDir(), 'news.db');
    writeFileSync(path, 'this is not a database '.repeat(200));
    expect(() => new SqliteDatabase(path)).toThrow(StoreCorruptError);
    expect(() => new SqliteDatabase(path)).toThrow(/npm run ingest -- --rebuild/);
  });

  it('skips the full integrity check only for a file untouched since its clean close, and catches damage after it', () => {
    const path = join(tempDir(), 'news.db');
    const store = new SqliteDatabase(path);
    for (let i = 0; i < 200; i++) writeArticle(store, article(`a${i}`, [`passage ${i} `.repeat(40)]), 'now');
    store.close();
    expect(existsSync(`${path}.clean-close`)).toBe(true);
    new SqliteDatabase(path).close(); // untouched: opens without the full check, closes cleanly again
    // Damage inside the file, same size (a bad disk block): the stamp no longer matches, the check runs.
    const bytes = readFileSync(path);
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 8192);
    writeFileSync(path, bytes);
    expect(() => new SqliteDatabase(path)).toThrow(StoreCorruptError);
  });
});

describe('schema versions', () => {
  it('migrates a version-1 store in place and refuses one newer than the code', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { SCHEMA_SQL, SCHEMA_VERSION } = await import('../../src/store/sqlite/sqliteSchema.js');
    const path = join(tempDir(), 'old.db');
    const old = new Database(path);
    old.exec(SCHEMA_SQL); // the version-1 tables: no body, comments or summary_only columns
    old
      .prepare(
        "INSERT INTO documents(doc_key, source_id, raw_hash, content_hash, extractor_version, title, language, source, location, ingested_at, updated_at) VALUES ('k','s','r','c',4,'Old','en','a.txt','/a.txt','t','t')",
      )
      .run();
    old.prepare("INSERT INTO passages(document_id, position, section, text, terms) VALUES (1, 0, 'body', 'Old text kept.', 'old text kept')").run();
    old.close();
    const store = new SqliteDatabase(path);
    expect(store.getMeta('schema_version')).toBe(String(SCHEMA_VERSION));
    expect(sourceStatuses(store)).toEqual([]); // version 3: the source_status table exists
    const [article] = [...exportArticles(store)];
    expect(article).toMatchObject({ title: 'Old', body: 'Old text kept.', comments: [], passages: 1 });
    // Version 4: an old article heads a story of its own (no copies, no fingerprint yet).
    expect(store.db.prepare('SELECT copy_of, minhash FROM documents').get()).toEqual({ copy_of: null, minhash: null });
    expect(store.db.prepare('SELECT count(*) AS n FROM copy_bands').get()).toEqual({ n: 0 });
    // Listed for fingerprinting once (ingest does it first), then found as a story's head.
    const { articlesWithoutFingerprint, copyCandidates, setFingerprint } = await import('../../src/store/sqlite/sqliteStories.js');
    expect(articlesWithoutFingerprint(store.db, 10)).toEqual([{ id: 1, body: ['Old text kept.'], comments: [], summaryOnly: false }]);
    setFingerprint(store.db, 1, { signature: Uint32Array.from([1, 2]), bands: ['b'] });
    expect(articlesWithoutFingerprint(store.db, 10)).toEqual([]);
    expect(copyCandidates(store.db, ['b']).map((c) => c.key)).toEqual(['k']);
    // Version 6: the article is a story of its own, with no story terms kept yet.
    expect(store.db.prepare('SELECT story_id, story_terms FROM documents').get()).toEqual({ story_id: 1, story_terms: null });
    store.setMeta('schema_version', '99');
    store.close();
    expect(() => new SqliteDatabase(path)).toThrow(/schema version 99, newer than this program/);
  });
});

describe('schema version 6: stories across outlets', () => {
  it('makes each stored article its own story and each copy one with its head', () => {
    const path = join(tempDir(), 'stories.db');
    let store = new SqliteDatabase(path);
    writeArticle(store, article('h', ['the tram line was approved']), 't');
    writeArticle(store, { ...article('c', ['the tram line was approved']), copyOf: 'h', passages: [], vectors: null }, 't');
    writeArticle(store, article('o', ['another story']), 't');
    // As a version-5 store had it: no story columns.
    store.db.exec('DROP INDEX documents_story; ALTER TABLE documents DROP COLUMN story_id; ALTER TABLE documents DROP COLUMN story_terms;');
    store.setMeta('schema_version', '5');
    store.close();
    store = new SqliteDatabase(path);
    expect(store.db.prepare('SELECT doc_key, story_id FROM documents ORDER BY id').all()).toEqual([
      { doc_key: 'h', story_id: 1 },
      { doc_key: 'c', story_id: 1 },
      { doc_key: 'o', story_id: 3 },
    ]);
    store.close();
  });
});
