import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CopyDetector } from '../../../ingest/copies/copyDetector.js';
import { extractBytes } from '../../../ingest/extract/extractBytes.js';
import { WriteQueue } from '../../../ingest/stages/embedAndWrite.js';
import { IngestAbortedError } from '../../../ingest/stages/ingestAborted.js';
import { ingestSource, type ArticleStages } from '../../../ingest/stages/ingestSource.js';
import { SourceListing } from '../../../ingest/stages/listCandidates.js';
import type { RunContext } from '../../../ingest/stages/runContext.js';
import type { Extractor } from '../../../ingest/sources/sourceEvents.js';
import { parseSourceEntry, type SourceSpec } from '../../../ingest/sources/sourceSpecs.js';
import type { SqliteStore } from '../../../src/store/sqlite/sqliteStore.js';
import { ARTICLES } from '../../support/articles.js';
import { CountingEmbeddings, loaded, unavailable } from '../../support/countingEmbeddings.js';
import { openTestRun } from '../../support/ingestRun.js';
import { tempDir } from '../../support/tempDir.js';

const inThread: Extractor = async (bytes, origin) => extractBytes(bytes, origin);

function folder(files: Record<string, string>): SourceSpec {
  const dir = join(tempDir(), 'docs');
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return parseSourceEntry(dir);
}

function stagesFor(run: RunContext, spec: SourceSpec, extractor: Extractor = inThread): ArticleStages {
  const listing = new SourceListing(run, {
    dataDir: '',
    sources: [spec],
    embeddings: unavailable(),
    fetchTimeoutMs: 2000,
    maxArticleBytes: 100_000,
    signal: run.signal,
  });
  return { run, listing, extractor, copies: new CopyDetector(run.store), writes: new WriteQueue(run) };
}

/** The source's stored keys in the order they were written. */
async function storedKeys(store: SqliteStore, sourceId: string): Promise<string[]> {
  const documents = await Promise.all((await store.keysForSource(sourceId)).map((key) => store.documentByKey(key)));
  return documents
    .filter((d) => d && !d.viaAlias)
    .sort((a, b) => a!.id - b!.id)
    .map((d) => d!.key);
}

describe('ingestSource', () => {
  it("takes a source's articles through extraction, change detection and the write queue, in listing order", async () => {
    const spec = folder({
      'a.txt': ARTICLES['rhine.txt']!,
      'b.txt': ARTICLES['bahn.txt']!,
      'c.txt': ARTICLES['torino.txt']!,
      'copy-of-a.txt': ARTICLES['rhine.txt']!,
    });
    const { run, store } = await openTestRun({ embeddings: loaded(new CountingEmbeddings()) });
    const stages = stagesFor(run, spec);
    await ingestSource(spec, stages);
    await stages.writes.finish();
    expect(await storedKeys(store, spec.id)).toEqual(['a.txt', 'b.txt', 'c.txt'].map((name) => join(spec.id, name)));
    expect(run.summary).toMatchObject({ added: 3, duplicates: 1, sourcesRead: 1, skipped: [] });
    expect(run.summary.vectorsAdded).toBe((await store.stats()).passages);

    const again = await openTestRun({ store });
    const next = stagesFor(again.run, spec);
    await ingestSource(spec, next);
    await next.writes.finish();
    expect(again.run.summary).toMatchObject({ added: 0, unchanged: 4, duplicates: 0 });
  });

  it('skips an article whose extraction fails and goes on with the others', async () => {
    const spec = folder({ 'a.txt': ARTICLES['rhine.txt']!, 'b.txt': ARTICLES['bahn.txt']! });
    const { run, store } = await openTestRun();
    const failing: Extractor = async (bytes, origin) => {
      if (origin.location.endsWith('a.txt')) throw new Error('parser crashed');
      return extractBytes(bytes, origin);
    };
    const stages = stagesFor(run, spec, failing);
    await ingestSource(spec, stages);
    await stages.writes.finish();
    expect(run.summary.skipped).toEqual([{ location: join(spec.id, 'a.txt'), reason: 'parser crashed' }]);
    expect(await storedKeys(store, spec.id)).toEqual([join(spec.id, 'b.txt')]);
  });

  it('stops before handling an extracted article once the run is aborted', async () => {
    const spec = folder({ 'a.txt': ARTICLES['rhine.txt']! });
    const controller = new AbortController();
    const { run, store } = await openTestRun({ signal: controller.signal });
    const abortWhileExtracting: Extractor = async (bytes, origin) => {
      controller.abort();
      return extractBytes(bytes, origin);
    };
    const stages = stagesFor(run, spec, abortWhileExtracting);
    await expect(ingestSource(spec, stages)).rejects.toBeInstanceOf(IngestAbortedError);
    await stages.writes.finish();
    expect(await storedKeys(store, spec.id)).toEqual([]);
  });
});
