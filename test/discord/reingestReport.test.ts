import { describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../ingest/summary.js';
import { reingestChannelReport, shortReason } from '../../src/discord/reingestReport.js';

const summary = (over: Partial<IngestSummary>): IngestSummary => ({
  added: 1,
  updated: 0,
  unchanged: 2,
  duplicates: 0,
  copies: 0,
  refused: [],
  backingOff: [],
  vectorCalibration: null,
  removed: 0,
  missingKept: 0,
  summaryOnly: 0,
  sourcesRead: 1,
  skipped: [],
  failedSources: [],
  passagesWritten: 3,
  vectorsAdded: 3,
  totalArticles: 3,
  totalPassages: 9,
  durationMs: 1200,
  embeddingMs: 100,
  embedding: { model: 'hashing-384', available: true, dimension: 384 } as IngestSummary['embedding'],
  vectorsInUse: true,
  ...over,
});

describe('/reingest in the channel: counts and short reasons', () => {
  it('keeps the kind of problem and drops details, paths and URLs', () => {
    expect(shortReason('embedding failed (embedding worker crashed (exit code 7); a new one was started)')).toBe('embedding failed');
    expect(shortReason("ENOENT: no such file or directory, open '/srv/news/secret.txt'")).toBe('ENOENT');
    expect(shortReason('HTTP 404 Not Found')).toBe('HTTP 404 Not Found');
    expect(shortReason('could not read /srv/news/secret-folder/a.txt today')).toBe('could not read … today');
    expect(shortReason('fetch of https://internal.example/admin?token=abc refused')).toBe('fetch of … refused');
    expect(shortReason('x'.repeat(200))).toHaveLength(60);
  });

  it('groups skips and failed sources by reason, most frequent first, with no location and nothing live', () => {
    const text = reingestChannelReport(
      summary({
        skipped: [
          { location: '/srv/news/a.html', reason: 'HTTP 404 Not Found' },
          { location: '/srv/news/b.html', reason: 'extraction took longer than 20000 ms (EXTRACTION_TIMEOUT_MS); skipped' },
          { location: 'https://x.example/c', reason: 'HTTP 404 Not Found' },
        ],
        failedSources: [{ source: '/srv/feeds/**bold**.xml', reason: 'malformed feed XML at line 3: <@&123> unexpected' }],
      }),
    );
    expect(text).toContain('Skipped: 2 × HTTP 404 Not Found, 1 × extraction took longer than 20000 ms.');
    expect(text).toContain('Sources failed: 1 (1 × malformed feed XML at line 3).');
    expect(text).not.toMatch(/srv|x\.example|bold|<@/);
    expect(text).toMatch(/Details are in the log/);
  });
});
