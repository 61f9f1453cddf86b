import { describe, expect, it } from 'vitest';
import { EMBED_BATCH_PASSAGES, WriteQueue } from '../../../ingest/stages/embedAndWrite.js';
import { HashingEmbeddings } from '../../../src/embeddings/hashingEmbeddings.js';
import type { ArticleWrite, KnowledgeStore } from '../../../src/core/ports/knowledgeStore.js';
import { CountingEmbeddings, loaded } from '../../support/countingEmbeddings.js';
import { article, openTestRun, openTestStore, pendingWrite } from '../../support/ingestRun.js';

/** Embeds only when released, one call at a time, and records each call's texts. */
class GatedEmbeddings extends HashingEmbeddings {
  calls: string[][] = [];
  private releases: Array<() => void> = [];
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls.push(texts);
    await new Promise<void>((resolve) => this.releases.push(resolve));
    return super.embedDocuments(texts);
  }
  releaseAll(): void {
    for (const release of this.releases.splice(0)) release();
  }
}

/** Fails on any batch holding a passage with "poison" in it. */
class PoisonedEmbeddings extends CountingEmbeddings {
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.some((t) => t.includes('poison'))) throw new Error('model broke');
    return super.embedDocuments(texts);
  }
}

const keysInStore = (store: KnowledgeStore) => store.keysForSource('/docs');

describe('WriteQueue', () => {
  it('writes queued articles with their vectors and counts what was added and updated', async () => {
    const { run, store } = await openTestRun({ embeddings: loaded(new CountingEmbeddings()) });
    const writes = new WriteQueue(run);
    await writes.add(pendingWrite('/docs/a.txt', article('ferries')), 1);
    const update = pendingWrite('/docs/b.txt', article('trams'));
    update.isUpdate = true;
    await writes.add(update, 1);
    expect(await keysInStore(store)).toEqual([]); // below a batch: still waiting
    await writes.finish();
    expect(await keysInStore(store)).toEqual(['/docs/a.txt', '/docs/b.txt']);
    const passages = (await store.stats()).passages;
    expect(run.summary).toMatchObject({ added: 1, updated: 1, passagesWritten: passages, vectorsAdded: passages, skipped: [] });
    expect((await store.stats()).vectors).toBe(passages);
  });

  it('embeds a batch while the next one is gathered, and writes batches in order', async () => {
    const embeddings = new GatedEmbeddings();
    const { run, store } = await openTestRun({ embeddings: loaded(embeddings) });
    const writes = new WriteQueue(run);
    await writes.add(pendingWrite('/docs/a.txt', article('ferries')), EMBED_BATCH_PASSAGES);
    // The first batch is with the model; adding returned without waiting for it.
    expect(embeddings.calls).toHaveLength(1);
    const second = writes.add(pendingWrite('/docs/b.txt', article('trams')), EMBED_BATCH_PASSAGES);
    await new Promise((resolve) => setImmediate(resolve));
    // The second batch is embedded at the same time; adding waits for the first batch's write.
    expect(embeddings.calls).toHaveLength(2);
    embeddings.releaseAll();
    await second;
    expect(await keysInStore(store)).toContain('/docs/a.txt');
    await writes.finish();
    expect(await keysInStore(store)).toEqual(['/docs/a.txt', '/docs/b.txt']);
    expect(run.summary.embeddingMs).toBeGreaterThanOrEqual(0);
  });

  it('finds the article the model fails on: it is skipped, the rest of its batch is written', async () => {
    const embeddings = new PoisonedEmbeddings();
    const { run, store, logs } = await openTestRun({ embeddings: loaded(embeddings) });
    const writes = new WriteQueue(run);
    await writes.add(pendingWrite('/docs/a.txt', article('ferries')), 1);
    await writes.add(pendingWrite('/docs/bad.txt', article('poison')), 1);
    await writes.add(pendingWrite('/docs/c.txt', article('trams')), 1);
    await writes.finish();
    expect(await keysInStore(store)).toEqual(['/docs/a.txt', '/docs/c.txt']);
    expect(run.summary.skipped).toEqual([{ location: '/docs/bad.txt', reason: 'embedding failed (model broke)' }]);
    expect(logs).toEqual(['Skipped /docs/bad.txt: embedding failed (model broke)']);
    expect(run.summary.added).toBe(2);
  });

  it('skips an article the store refuses and writes the others', async () => {
    const store = openTestStore();
    const refusing = Object.assign(Object.create(store) as KnowledgeStore, {
      writeArticle: async (write: ArticleWrite) => {
        if (write.key === '/docs/bad.txt') throw new Error('disk full');
        return store.writeArticle(write);
      },
    });
    const { run } = await openTestRun({ store, writeStore: refusing });
    const writes = new WriteQueue(run);
    for (const name of ['a', 'bad', 'c']) await writes.add(pendingWrite(`/docs/${name}.txt`, article(name)), 1);
    await writes.finish();
    expect(await keysInStore(store)).toEqual(['/docs/a.txt', '/docs/c.txt']);
    expect(run.summary.skipped).toEqual([{ location: '/docs/bad.txt', reason: 'could not be stored (disk full)' }]);
  });

  it('counts copies and summary-only articles as they are written', async () => {
    const { run } = await openTestRun();
    const writes = new WriteQueue(run);
    await writes.add(pendingWrite('https://a.example/1', article('ferries'), { summaryOnly: true }), 1);
    await writes.finish();
    expect(run.summary).toMatchObject({ added: 1, summaryOnly: 1, copies: 0, vectorsAdded: 0 });
  });
});
