import { describe, expect, it } from 'vitest';
import { WriteQueue } from '../../../ingest/stages/embedAndWrite.js';
import { failRun, finishRun } from '../../../ingest/stages/finishRun.js';
import type { SourceSpec } from '../../../ingest/sources/sourceSpecs.js';
import { CountingEmbeddings, loaded } from '../../support/countingEmbeddings.js';
import { article, openTestRun, pendingWrite } from '../../support/ingestRun.js';

const docs: SourceSpec = { kind: 'path', id: '/docs', prune: false };

describe('finishRun', () => {
  it('completes the summary, writes the manifest and records the run as ok', async () => {
    const { run, store, progress } = await openTestRun();
    await store.writeArticle(pendingWrite('/docs/a.txt', article('harbours')).write);
    run.summary.added = 1;
    const summary = await finishRun(run, [docs]);
    const stats = await store.stats();
    expect(summary).toMatchObject({ added: 1, totalArticles: 1, totalPassages: stats.passages, vectorsInUse: false, vectorCalibration: null });
    expect(summary.durationMs).toBeGreaterThanOrEqual(0);
    expect(store.manifest()).toMatchObject({ retrieval: 'lexical (BM25) only', documents: 1, sources: ['/docs'], lastIngest: { added: 1, skipped: 0 } });
    expect(await store.lastRun()).toMatchObject({ status: 'ok', summary: { added: 1 } });
    // Without a model nothing is saved to a vector index: only "done" is reported.
    expect(progress).toEqual([{ phase: 'done', processed: 0, total: 0, current: null }]);
  });

  it('reports saving the vector index when a model is loaded', async () => {
    const { run, progress } = await openTestRun({ embeddings: loaded(new CountingEmbeddings()) });
    run.processed = 2;
    await finishRun(run, [docs]);
    expect(progress).toEqual([
      { phase: 'saving', processed: 2, total: 2, current: null },
      { phase: 'done', processed: 2, total: 2, current: null },
    ]);
  });
});

describe('failRun', () => {
  it('lets the batch being written finish, then records the run as failed with the error', async () => {
    const { run, store } = await openTestRun();
    const writes = new WriteQueue(run);
    await writes.add(pendingWrite('/docs/a.txt', article('tunnels')), 100);
    await failRun(run, writes, new Error('disk on fire'));
    expect(await store.keysForSource('/docs')).toEqual(['/docs/a.txt']);
    expect(await store.lastRun()).toMatchObject({ status: 'failed', summary: { error: 'disk on fire' } });
  });
});
