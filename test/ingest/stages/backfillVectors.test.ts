import { describe, expect, it } from 'vitest';
import { backfillVectors } from '../../../ingest/stages/backfillVectors.js';
import { EMBED_BATCH_PASSAGES } from '../../../ingest/stages/embedAndWrite.js';
import { CountingEmbeddings, loaded } from '../../support/countingEmbeddings.js';
import { article, openTestRun, openTestStore, pendingWrite } from '../../support/ingestRun.js';

describe('backfillVectors', () => {
  it('embeds passages stored without vectors (an earlier lexical-only run), a batch at a time', async () => {
    const store = openTestStore();
    // Enough passages for two batches.
    for (let i = 0; i < EMBED_BATCH_PASSAGES + 4; i++) await store.writeArticle(pendingWrite(`/docs/${i}.txt`, article(`topic ${i}`)).write);
    const passages = (await store.stats()).passages;
    const embeddings = new CountingEmbeddings();
    await store.useVectorSpace({ model: embeddings.modelId, dim: embeddings.dimension });
    const { run, progress } = await openTestRun({ store, embeddings: loaded(embeddings) });
    await backfillVectors(run);
    expect(run.summary.vectorsAdded).toBe(passages);
    expect(embeddings.embedded).toBe(passages);
    expect((await store.stats()).vectors).toBe(passages);
    expect(progress.map((p) => p.current)).toEqual([`${EMBED_BATCH_PASSAGES} passages`, `${passages - EMBED_BATCH_PASSAGES} passages`]);
    expect(progress.every((p) => p.phase === 'vectors' && p.total === null)).toBe(true);
  });

  it('does nothing without a model', async () => {
    const store = openTestStore();
    await store.writeArticle(pendingWrite('/docs/a.txt', article('rivers')).write);
    const { run, progress } = await openTestRun({ store });
    await backfillVectors(run);
    expect(run.summary.vectorsAdded).toBe(0);
    expect(progress).toEqual([]);
  });
});
