import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestOptions } from '../../../ingest/ingestOptions.js';
import { IngestAbortedError } from '../../../ingest/stages/ingestAborted.js';
import { SourceListing, type SourceRead } from '../../../ingest/stages/listCandidates.js';
import type { RunContext } from '../../../ingest/stages/runContext.js';
import { parseSourceEntry } from '../../../ingest/sources/sourceSpecs.js';
import type { SourceSpec } from '../../../ingest/sources/sourceSpecs.js';
import { ARTICLES } from '../../support/articles.js';
import { unavailable } from '../../support/countingEmbeddings.js';
import { serversClosedAfterEachTest } from '../../support/httpServer.js';
import { article, openTestRun, pendingWrite } from '../../support/ingestRun.js';
import { tempDir } from '../../support/tempDir.js';

function listing(run: RunContext, sources: SourceSpec[], extra: Partial<IngestOptions> = {}): SourceListing {
  return new SourceListing(run, { dataDir: '', sources, embeddings: unavailable(), fetchTimeoutMs: 2000, maxArticleBytes: 100_000, ...extra });
}

async function keysOf(read: SourceRead): Promise<string[]> {
  const keys: string[] = [];
  for await (const candidate of read.candidates()) keys.push(candidate.key);
  return keys;
}

function folder(files: Record<string, string>): string {
  const dir = join(tempDir(), 'docs');
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const serve = serversClosedAfterEachTest();

describe('SourceListing', () => {
  it("lists a folder's candidates once per run, reporting skipped files and progress", async () => {
    const dir = folder({ 'a.txt': ARTICLES['rhine.txt']!, 'b.txt': ARTICLES['bahn.txt']!, 'photo.jpg': 'not a jpeg' });
    const { run, progress } = await openTestRun();
    const spec = parseSourceEntry(dir);
    const sources = listing(run, [spec, spec]);
    const read = (await sources.open(spec))!;
    expect(await keysOf(read)).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt')]);
    await read.finish();
    expect(run.summary.skipped).toEqual([{ location: join(dir, 'photo.jpg'), reason: 'unsupported file type ".jpg" (use .txt, .md or .html)' }]);
    expect(run.summary.sourcesRead).toBe(1);
    expect(progress.map((p) => [p.phase, p.processed, p.current])).toEqual([
      ['listing', 0, dir],
      ['articles', 1, join(dir, 'a.txt')],
      ['articles', 2, join(dir, 'b.txt')],
      ['articles', 3, join(dir, 'photo.jpg')],
    ]);
    // Listed again in the same run (the source named twice): nothing new.
    expect(await keysOf((await sources.open(spec))!)).toEqual([]);
    expect([...sources.seenKeys]).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt')]);
  });

  it('reports a source that cannot be read and marks it unread', async () => {
    const { run, logs } = await openTestRun();
    const spec = parseSourceEntry(join(tempDir(), 'missing'));
    const sources = listing(run, [spec]);
    const read = (await sources.open(spec))!;
    expect(await keysOf(read)).toEqual([]);
    await read.finish();
    expect(read.failure).toBe('not found (ENOENT)');
    expect(run.summary).toMatchObject({ sourcesRead: 0, failedSources: [{ source: spec.id, reason: 'not found (ENOENT)' }] });
    expect(sources.unreadSources.has(spec.id)).toBe(true);
    expect(logs).toEqual([`Source ${spec.id} failed: not found (ENOENT)`]);
  });

  it('stops between articles once the run is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { run } = await openTestRun({ signal: controller.signal });
    const spec = parseSourceEntry(folder({ 'a.txt': ARTICLES['rhine.txt']! }));
    const read = (await listing(run, [spec], { signal: controller.signal }).open(spec))!;
    await expect(keysOf(read)).rejects.toBeInstanceOf(IngestAbortedError);
  });

  it('skips a web source that is backing off, and does not count it as read', async () => {
    const { run, store, logs } = await openTestRun();
    const spec = parseSourceEntry('http://127.0.0.1:9/feed.xml');
    const nextAttemptAt = new Date(Date.now() + 60_000).toISOString();
    await store.recordSourceStatus({ sourceId: spec.id, lastSuccessAt: null, lastErrorAt: null, lastError: 'timeout', consecutiveFailures: 2, nextAttemptAt });
    const sources = listing(run, [spec]);
    expect(await sources.open(spec)).toBeNull();
    expect(run.summary.backingOff).toEqual([{ source: spec.id, consecutiveFailures: 2, lastError: 'timeout', nextAttemptAt, skipped: true }]);
    expect(sources.unreadSources.has(spec.id)).toBe(true);
    expect(logs).toEqual([`Source ${spec.id} skipped: backing off after 2 failed reads, next attempt after ${nextAttemptAt}`]);
  });

  it("keeps a page's ETag when all of it went in, and then takes 304 Not Modified as all its articles unchanged", async () => {
    const server = await serve({
      '/page': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' }).end(ARTICLES['rhine.txt']);
      },
    });
    const spec = parseSourceEntry(`${server.url}/page`);
    const first = await openTestRun();
    const read = (await listing(first.run, [spec]).open(spec))!;
    expect(await keysOf(read)).toEqual([spec.id]);
    await read.finish();
    expect(await first.store.httpValidators(spec.id)).toMatchObject({ etag: '"v1"' });

    await first.store.writeArticle(pendingWrite(spec.id, article('rhine'), { sourceId: spec.id }).write);
    const second = await openTestRun({ store: first.store });
    const sources = listing(second.run, [spec]);
    expect(await keysOf((await sources.open(spec))!)).toEqual([]);
    expect(second.run.summary.unchanged).toBe(1);
    expect(sources.seenKeys.has(spec.id)).toBe(true);
  });

  it("does not keep the ETag when one of the source's articles was skipped (it is fetched in full next time)", async () => {
    const server = await serve({
      '/page': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' }).end(ARTICLES['rhine.txt']),
    });
    const spec = parseSourceEntry(`${server.url}/page`);
    const { run, store } = await openTestRun();
    const read = (await listing(run, [spec]).open(spec))!;
    for await (const candidate of read.candidates()) run.skip(candidate.location, 'no article text found');
    await read.finish();
    expect(await store.httpValidators(spec.id)).toBeUndefined();
  });
});
