import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../../ingest/chunk.js';
import { CopyDetector } from '../../../ingest/copies/copyDetector.js';
import type { Existing, Extracted } from '../../../ingest/stages/articleStates.js';
import { contentHashOf, detectChanges, lookUpListed } from '../../../ingest/stages/detectChanges.js';
import { WriteQueue } from '../../../ingest/stages/embedAndWrite.js';
import { prepareWrite } from '../../../ingest/stages/prepareWrite.js';
import type { ExtractedArticle } from '../../../src/core/types.js';
import { article, candidate, openTestRun, pendingWrite } from '../../support/ingestRun.js';

function extracted(key: string, extractedArticle: ExtractedArticle, existing: Existing = undefined, summaryOnly = false): Extracted {
  return {
    candidate: candidate(key, extractedArticle),
    existing,
    extraction: { article: extractedArticle, summaryOnly },
    passages: chunkArticle(extractedArticle),
  };
}

describe('lookUpListed (before extraction)', () => {
  it('passes a new key on, with nothing stored under it', async () => {
    const { run } = await openTestRun();
    const listed = candidate('/docs/a.txt', article('ferries'));
    expect(await lookUpListed(listed, run)).toEqual({ candidate: listed, existing: undefined });
  });

  it('counts the same raw bytes, extracted by this extractor version, as unchanged', async () => {
    const { run, store } = await openTestRun();
    await store.writeArticle(pendingWrite('/docs/a.txt', article('ferries')).write);
    expect(await lookUpListed(candidate('/docs/a.txt', article('ferries')), run)).toBeNull();
    expect(run.summary.unchanged).toBe(1);
  });

  it('passes on changed bytes, and a summary-only article every time until its page arrives', async () => {
    const { run, store } = await openTestRun();
    await store.writeArticle(pendingWrite('/docs/a.txt', article('ferries')).write);
    await store.writeArticle(pendingWrite('https://news.example/b', article('trams'), { summaryOnly: true }).write);
    const changed = await lookUpListed(candidate('/docs/a.txt', article('ferries'), { rawHash: 'raw:new bytes' }), run);
    expect(changed?.existing).toMatchObject({ key: '/docs/a.txt' });
    const summary = await lookUpListed(candidate('https://news.example/b', article('trams')), run);
    expect(summary?.existing).toMatchObject({ summaryOnly: true });
    expect(run.summary.unchanged).toBe(0);
  });
});

describe('detectChanges (after extraction)', () => {
  it('skips an article whose extraction failed, with its reason', async () => {
    const { run, logs } = await openTestRun();
    const failed: Extracted = { candidate: candidate('/docs/a.txt', article('x')), existing: undefined, error: 'binary file' };
    expect(await detectChanges(failed, run, new WriteQueue(run))).toBeNull();
    expect(run.summary.skipped).toEqual([{ location: '/docs/a.txt', reason: 'binary file' }]);
    expect(logs).toEqual(['Skipped /docs/a.txt: binary file']);
  });

  it('skips text too short to be an article, but keeps a feed summary however short', async () => {
    const { run } = await openTestRun();
    const writes = new WriteQueue(run);
    const chrome = article('x', { body: ['Home Share'] });
    expect(await detectChanges(extracted('/docs/chrome.txt', chrome), run, writes)).toBeNull();
    expect(run.summary.skipped).toEqual([{ location: '/docs/chrome.txt', reason: 'no article text found (2 words; empty or only site chrome)' }]);
    const brief = article('y', { body: ['Strike.'] });
    expect(await detectChanges(extracted('https://news.example/brief', brief, undefined, true), run, writes)).toMatchObject({ summaryOnly: true });
  });

  it('only updates the raw hash when the content is unchanged', async () => {
    const { run, store } = await openTestRun();
    await store.writeArticle(pendingWrite('/docs/a.txt', article('ferries'), { rawHash: 'raw:old' }).write);
    const existing = await store.documentByKey('/docs/a.txt');
    expect(await detectChanges(extracted('/docs/a.txt', article('ferries'), existing), run, new WriteQueue(run))).toBeNull();
    expect(run.summary.unchanged).toBe(1);
    expect(await store.documentByKey('/docs/a.txt')).toMatchObject({ rawHash: 'raw:/docs/a.txt' });
  });

  it('stores the same content under another key as an alias of the stored article', async () => {
    const { run, store } = await openTestRun();
    await store.writeArticle(pendingWrite('/docs/a.txt', article('ferries')).write);
    expect(await detectChanges(extracted('/docs/copy.txt', article('ferries')), run, new WriteQueue(run))).toBeNull();
    expect(run.summary.duplicates).toBe(1);
    expect(await store.documentByKey('/docs/copy.txt')).toMatchObject({ key: '/docs/a.txt', viaAlias: true });
  });

  it('claims new content, so a twin found before it is written becomes its alias once it is', async () => {
    const { run, store } = await openTestRun();
    const writes = new WriteQueue(run);
    const first = await detectChanges(extracted('/docs/a.txt', article('ferries')), run, writes);
    expect(first).toMatchObject({ contentHash: contentHashOf(article('ferries')), existing: undefined });
    expect(writes.pendingKeyOf(first!.contentHash)).toBe('/docs/a.txt');
    expect(await detectChanges(extracted('/docs/twin.txt', article('ferries')), run, writes)).toBeNull();
    expect(run.summary.duplicates).toBe(1);
    await writes.add(await prepareWrite(first!, new CopyDetector(store)), first!.passages.length);
    await writes.finish();
    expect(await store.documentByKey('/docs/twin.txt')).toMatchObject({ key: '/docs/a.txt', viaAlias: true });
    expect(writes.pendingKeyOf(first!.contentHash)).toBeUndefined();
  });
});
