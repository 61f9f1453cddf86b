import { describe, expect, it } from 'vitest';
import { pruneRemoved } from '../../../ingest/stages/pruneRemoved.js';
import type { SourceSpec } from '../../../ingest/sources/sourceSpecs.js';
import { article, openTestRun, pendingWrite } from '../../support/ingestRun.js';

const docs: SourceSpec = { kind: 'path', id: '/docs', prune: false };

async function storedRun() {
  const test = await openTestRun();
  for (const name of ['a', 'b', 'c']) await test.store.writeArticle(pendingWrite(`/docs/${name}.txt`, article(`topic ${name}`)).write);
  return test;
}

describe('pruneRemoved', () => {
  it('counts stored articles the source no longer lists as kept when pruning was not asked for', async () => {
    const { run, store } = await storedRun();
    await pruneRemoved(run, [docs], { seenKeys: new Set(['/docs/a.txt']), unreadSources: new Set() }, false);
    expect(run.summary).toMatchObject({ removed: 0, missingKept: 2 });
    expect(await store.keysForSource('/docs')).toHaveLength(3);
  });

  it('removes them when asked, for the run or by the source itself', async () => {
    for (const [spec, prune] of [
      [docs, true],
      [{ ...docs, prune: true }, false],
    ] as const) {
      const { run, store } = await storedRun();
      await pruneRemoved(run, [spec], { seenKeys: new Set(['/docs/a.txt']), unreadSources: new Set() }, prune);
      expect(run.summary).toMatchObject({ removed: 2, missingKept: 0 });
      expect(await store.keysForSource('/docs')).toEqual(['/docs/a.txt']);
    }
  });

  it("keeps an article another source also brings (another server's news desk) and counts it as kept", async () => {
    const { run, store } = await storedRun();
    await store.addDocumentSource('/docs/b.txt', 'https://desk.example/feed');
    await pruneRemoved(run, [docs], { seenKeys: new Set(['/docs/a.txt']), unreadSources: new Set() }, true);
    expect(run.summary).toMatchObject({ removed: 1, missingKept: 1 });
    expect(await store.documentByKey('/docs/b.txt')).toBeDefined();
    expect(await store.documentByKey('/docs/c.txt')).toBeUndefined();
    expect(Object.fromEntries(await store.articleCounts(['https://desk.example/feed']))).toEqual({ 'https://desk.example/feed': 1 });
  });

  it('never removes the articles of a source that was not read', async () => {
    const { run, store } = await storedRun();
    await pruneRemoved(run, [docs], { seenKeys: new Set(), unreadSources: new Set(['/docs']) }, true);
    expect(run.summary).toMatchObject({ removed: 0, missingKept: 0 });
    expect(await store.keysForSource('/docs')).toHaveLength(3);
  });
});
