import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../ingest/pipeline.js';
import { parseLocation } from '../../ingest/sources/sourceSpecs.js';
import { KnowledgeBase } from '../../src/core/knowledgeBase.js';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import { unavailable } from '../support/countingEmbeddings.js';
import { suiteTempDir } from '../support/tempDir.js';

const DEPOTS = `Harbour and rail firms agree to share depots

05 July 2026

The two companies will share their depots and exchange timetables for freight trains.

  • Alex

I agree, the harbour is mostly a freight business and the rail firm runs passengers.

  • Bo

This could be good for both of them.

  • Cy

Another deal that changes nothing for commuters.
`;

let store: SqliteStore;
let kb: KnowledgeBase;
beforeAll(async () => {
  const root = suiteTempDir('order-');
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs', 'depots.txt'), DEPOTS);
  await ingest({
    dataDir: join(root, 'data'),
    sources: [parseLocation(join(root, 'docs'))],
    embeddings: unavailable(),
    fetchTimeoutMs: 1000,
    maxArticleBytes: 1e6,
  });
  store = SqliteStore.open(join(root, 'data'));
  kb = new KnowledgeBase({ store, embeddings: null, embeddingStatus: unavailable().status });
});
afterAll(() => store.close());

describe('what leads an answer', () => {
  it('an article sentence, not a reader comment that merely shares a question word', async () => {
    const answer = await kb.ask('What did the harbour and rail firms agree to do with their depots?');
    expect(answer.answer).toMatch(/^The two companies will share their depots/);
  });

  it('the dated headline for a "when" question, even when a comment passage retrieved the article', async () => {
    const answer = await kb.ask('When did the harbour and rail firms agree to share depots?');
    expect(answer.answer).toMatch(/^“Harbour and rail firms agree to share depots” \(published 2026-07-05\) \[1\]/);
    expect(answer.citations[0]).toMatchObject({ section: 'body', published: '2026-07-05' });
  });

  it('reader comments when the question asks what readers think', async () => {
    const answer = await kb.ask('What did readers say about the depot deal?');
    expect(answer.answer).toMatch(/^A reader commented:/);
  });
});
