import { describe, expect, it } from 'vitest';
import { fingerprintStoredArticles } from '../../../ingest/copies/copyDetector.js';
import { article, openTestStore, pendingWrite } from '../../support/ingestRun.js';

describe('fingerprintStoredArticles', () => {
  it('fingerprints articles stored before copies were recognised, once', async () => {
    const store = openTestStore();
    await store.writeArticle(pendingWrite('/docs/a.txt', article('bridges')).write);
    // As an article written before schema version 4 holds it: no fingerprint examined yet.
    store.sqlite.db.prepare('UPDATE documents SET minhash = NULL').run();
    expect(await store.articlesWithoutFingerprint(10)).toHaveLength(1);
    expect(await fingerprintStoredArticles(store)).toBe(1);
    expect(await store.articlesWithoutFingerprint(10)).toHaveLength(0);
    expect(await fingerprintStoredArticles(store)).toBe(0);
  });
});
