import { describe, expect, it } from 'vitest';
import type { IngestOptions } from '../../../ingest/ingestOptions.js';
import { openRun, prepareStore } from '../../../ingest/stages/startRun.js';
import { IngestLockedError } from '../../../src/store/errors.js';
import { CountingEmbeddings, loaded, unavailable } from '../../support/countingEmbeddings.js';
import { openTestRun, openTestStore } from '../../support/ingestRun.js';
import { tempDir } from '../../support/tempDir.js';

function options(dataDir: string, extra: Partial<IngestOptions> = {}): IngestOptions {
  return { dataDir, sources: [], embeddings: unavailable(), fetchTimeoutMs: 1000, maxArticleBytes: 100_000, ...extra };
}

describe('openRun', () => {
  it('takes the ingest lock and records the run as running; closing releases the lock', async () => {
    const dataDir = tempDir();
    const first = await openRun(options(dataDir), Date.now());
    expect(await first.context.store.lastRun()).toMatchObject({ status: 'running', finishedAt: null });
    await expect(openRun(options(dataDir), Date.now())).rejects.toBeInstanceOf(IngestLockedError);
    await first.close();
    const second = await openRun(options(dataDir), Date.now());
    await second.close();
  });

  it('uses a store the caller lends and leaves it open', async () => {
    const store = openTestStore();
    const opened = await openRun(options(store.dataDir, { store }), Date.now());
    expect(opened.context.store).toBe(store);
    await opened.close();
    await expect(store.stats()).resolves.toMatchObject({ documents: 0 });
  });
});

describe('prepareStore', () => {
  it('marks runs that never finished as interrupted, not the current one', async () => {
    const store = openTestStore();
    await store.beginRun(new Date().toISOString());
    const { run } = await openTestRun({ store });
    await prepareStore(run);
    const statuses = store.sqlite.db.prepare('SELECT status FROM ingest_runs ORDER BY id').all();
    expect(statuses).toEqual([{ status: 'interrupted' }, { status: 'running' }]);
  });

  it("makes the loaded model's vector space the store's, and says so when it replaces another model's", async () => {
    const store = openTestStore();
    const first = await openTestRun({ store, embeddings: loaded(new CountingEmbeddings(384)) });
    await prepareStore(first.run);
    expect(await store.vectorSpace()).toEqual({ model: 'hashing-384', dim: 384 });
    expect(first.logs).toEqual([]);
    const second = await openTestRun({ store, embeddings: loaded(new CountingEmbeddings(256)) });
    await prepareStore(second.run);
    expect(await store.vectorSpace()).toEqual({ model: 'hashing-256', dim: 256 });
    expect(second.logs).toEqual(['Embedding model changed from hashing-384 to hashing-256: re-embedding all passages.']);
  });

  it('leaves the vector space alone without a model', async () => {
    const { run, store } = await openTestRun({ embeddings: unavailable() });
    await prepareStore(run);
    expect(await store.vectorSpace()).toBeNull();
  });
});
