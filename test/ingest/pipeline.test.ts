import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, type IngestOptions } from '../../ingest/pipeline.js';
import { parseSourceEntry } from '../../ingest/sources/sourceSpecs.js';
import { IngestLockedError } from '../../src/store/errors.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { lastRun } from '../../src/store/sqlite/sqliteRecords.js';
import { ARTICLES } from '../support/articles.js';
import { CountingEmbeddings, loaded, unavailable } from '../support/countingEmbeddings.js';
import { tempDir } from '../support/tempDir.js';

function writeCorpus(dir: string, files: Record<string, string | Buffer> = ARTICLES): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
}

function options(dataDir: string, sourceDir: string, extra: Partial<IngestOptions> = {}): IngestOptions {
  return {
    dataDir,
    sources: [parseSourceEntry(sourceDir)],
    embeddings: loaded(new CountingEmbeddings()),
    fetchTimeoutMs: 2000,
    maxArticleBytes: 100_000,
    ...extra,
  };
}

describe('ingest pipeline', () => {
  it('ingests a folder, then skips unchanged articles without re-embedding and replaces changed ones', async () => {
    const root = tempDir();
    const docs = join(root, 'docs');
    writeCorpus(docs);
    const embeddings = new CountingEmbeddings();
    const first = await ingest(options(join(root, 'data'), docs, { embeddings: loaded(embeddings) }));
    expect(first).toMatchObject({ added: 3, updated: 0, unchanged: 0, skipped: [] });
    expect(first.vectorsInUse).toBe(true);
    const embeddedFirst = embeddings.embedded;
    expect(embeddedFirst).toBe(first.totalPassages);

    const again = await ingest(options(join(root, 'data'), docs, { embeddings: loaded(embeddings) }));
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(embeddings.embedded).toBe(embeddedFirst); // nothing re-embedded

    writeFileSync(join(docs, 'bahn.txt'), ARTICLES['bahn.txt']!.replace('8,5 Prozent', '9 Prozent'));
    const changed = await ingest(options(join(root, 'data'), docs, { embeddings: loaded(embeddings) }));
    expect(changed).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    const store = SqliteStore.open(join(root, 'data'));
    const texts = store.sqlite.db.prepare('SELECT text FROM passages').all() as { text: string }[];
    expect(texts.some((t) => t.text.includes('9 Prozent'))).toBe(true);
    expect(texts.some((t) => t.text.includes('8,5 Prozent'))).toBe(false);
    expect(lastRun(store.sqlite)).toMatchObject({ status: 'ok' });
    store.close();
  });

  it('stores identical text reached under two names once', async () => {
    const root = tempDir();
    writeCorpus(join(root, 'docs'), { 'a.txt': ARTICLES['rhine.txt']!, 'copy-of-a.txt': ARTICLES['rhine.txt']! });
    const summary = await ingest(options(join(root, 'data'), join(root, 'docs')));
    expect(summary).toMatchObject({ added: 1, duplicates: 1, totalArticles: 1 });
  });

  it('keeps articles whose file disappeared unless pruning is asked for', async () => {
    const root = tempDir();
    const docs = join(root, 'docs');
    writeCorpus(docs);
    await ingest(options(join(root, 'data'), docs));
    rmSync(join(docs, 'torino.txt'));
    const kept = await ingest(options(join(root, 'data'), docs));
    expect(kept).toMatchObject({ removed: 0, missingKept: 1, totalArticles: 3 });
    const pruned = await ingest(options(join(root, 'data'), docs, { prune: true }));
    expect(pruned).toMatchObject({ removed: 1, totalArticles: 2 });
    // A source that cannot be read at all never causes removals, even with --prune.
    rmSync(docs, { recursive: true });
    const failed = await ingest(options(join(root, 'data'), docs, { prune: true }));
    expect(failed.failedSources).toHaveLength(1);
    expect(failed).toMatchObject({ removed: 0, totalArticles: 2 });
  });

  it('skips bad input with reasons and ingests the rest', async () => {
    const root = tempDir();
    writeCorpus(join(root, 'docs'), {
      ...ARTICLES,
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]),
      'empty.txt': '',
      'chrome-only.txt': 'Home\n\nShare\n\nTeilen\n',
      'huge.txt': 'word '.repeat(40_000),
      'latin1.txt': Buffer.concat([
        Buffer.from('Grosse Nachricht\n\nDer B'),
        Buffer.from([0xfc]),
        Buffer.from('rgermeister von M'),
        Buffer.from([0xfc]),
        Buffer.from('nchen hat heute den neuen Haushalt vorgestellt.\n'),
      ]),
      'broken.html': '<html><body><p>Unclosed paragraph about the city council vote on the new budget <div><span>',
      'photo.jpg': 'not really a jpeg',
    });
    const summary = await ingest(options(join(root, 'data'), join(root, 'docs')));
    const reasons = Object.fromEntries(summary.skipped.map((s) => [s.location.split('/').pop(), s.reason]));
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['chrome-only.txt']).toMatch(/no article text/);
    expect(reasons['huge.txt']).toMatch(/too large/);
    expect(reasons['photo.jpg']).toMatch(/unsupported file type/);
    expect(summary.added).toBe(5); // 3 articles + latin1 + broken html
    const store = SqliteStore.open(join(root, 'data'));
    const text = (store.sqlite.db.prepare('SELECT group_concat(text) AS t FROM passages').get() as { t: string }).t;
    expect(text).toContain('Bürgermeister von München');
    store.close();
  });

  it('builds a lexical-only index without the model and adds the vectors once it is available', async () => {
    const root = tempDir();
    writeCorpus(join(root, 'docs'));
    const offline = await ingest(options(join(root, 'data'), join(root, 'docs'), { embeddings: unavailable() }));
    expect(offline).toMatchObject({ added: 3, vectorsAdded: 0, vectorsInUse: false });
    let store = SqliteStore.open(join(root, 'data'));
    expect(store.manifest()).toMatchObject({ retrieval: 'lexical (BM25) only', embedding: { available: false, reason: 'offline (test)' } });
    store.close();

    const embeddings = new CountingEmbeddings();
    const online = await ingest(options(join(root, 'data'), join(root, 'docs'), { embeddings: loaded(embeddings) }));
    expect(online).toMatchObject({ unchanged: 3, vectorsAdded: offline.totalPassages, vectorsInUse: true });
    store = SqliteStore.open(join(root, 'data'));
    expect(await store.vectorSpace()).toEqual({ model: 'hashing-384', dim: 384 });
    expect(store.vectorIndex()!.size).toBe(offline.totalPassages);
    store.close();
  });

  it('re-embeds everything when the embedding model changes, never mixing spaces', async () => {
    const root = tempDir();
    writeCorpus(join(root, 'docs'));
    await ingest(options(join(root, 'data'), join(root, 'docs'), { embeddings: loaded(new CountingEmbeddings(384)) }));
    const other = new CountingEmbeddings(256);
    const summary = await ingest(options(join(root, 'data'), join(root, 'docs'), { embeddings: loaded(other) }));
    expect(other.embedded).toBe(summary.totalPassages);
    const store = SqliteStore.open(join(root, 'data'));
    expect(await store.vectorSpace()).toEqual({ model: 'hashing-256', dim: 256 });
    const models = store.sqlite.db.prepare('SELECT DISTINCT model FROM passage_vectors').all();
    expect(models).toEqual([{ model: 'hashing-256' }]);
    store.close();
  });

  it('refuses a second ingestion while one runs', async () => {
    const root = tempDir();
    writeCorpus(join(root, 'docs'));
    const runs = await Promise.allSettled([ingest(options(join(root, 'data'), join(root, 'docs'))), ingest(options(join(root, 'data'), join(root, 'docs')))]);
    expect(runs.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = runs.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(IngestLockedError);
    // The lock is released afterwards.
    await expect(ingest(options(join(root, 'data'), join(root, 'docs')))).resolves.toMatchObject({ unchanged: 3 });
  });

  it('reads nested folders recursively', async () => {
    const root = tempDir();
    writeCorpus(join(root, 'docs', 'a', 'b'));
    cpSync(join(root, 'docs', 'a', 'b', 'rhine.txt'), join(root, 'docs', 'top.txt'));
    const summary = await ingest(options(join(root, 'data'), join(root, 'docs')));
    expect(summary).toMatchObject({ added: 3, duplicates: 1 });
  });
});
