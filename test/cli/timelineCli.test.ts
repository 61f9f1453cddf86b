import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_EVENTS, writeNewsEvents } from '../support/newsEventsCorpus.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

describe('ask --json with a time-shaped question (compiled CLI)', () => {
  it('prints shape "timeline" and the timeline contract, newest first; an ordinary question prints shape "answer"', async () => {
    const root = tempDir('timeline-cli-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    writeNewsEvents(docs);
    const env = { DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384', LLM_PROVIDER: 'none' };
    expect((await runScript('src/cli/ingest.ts', [docs], env)).code).toBe(0);

    // The corpus is of November 2026: the period comes from --since/--until, which override "this week".
    const args = ['--json', '--since', '2026-11-02', '--until', '2026-11-08', 'What happened with the Halvik strike this week?'];
    const run = await runScript('src/cli/ask.ts', args, env);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.shape).toBe('timeline');
    expect(json.noAnswer).toBe(false);
    expect(json.timeline.length).toBeGreaterThan(0);
    expect(json.timeline).toHaveLength(json.citations.length);
    const stated = new Map(NEWS_EVENTS.map((a) => [a.file, a]));
    json.timeline.forEach((entry: Record<string, unknown>, i: number) => {
      expect(entry).toEqual({ published: expect.any(String), title: expect.any(String), outlets: expect.any(Array), source: expect.any(String) });
      const article = stated.get(entry.source as string)!;
      expect((entry.published as string).slice(0, 10)).toBe(article.published);
      expect(entry.title).toBe(article.title);
      expect(json.citations[i]).toMatchObject({ n: i + 1, source: entry.source, published: entry.published, story: { outlets: entry.outlets } });
      if (i > 0) expect(Date.parse(entry.published as string)).toBeLessThanOrEqual(Date.parse(json.timeline[i - 1].published));
    });
    expect(json.timeline[0].source).toBe('herald-strike-end.html');
    expect(json.timeline.map((e: { source: string }) => e.source)).not.toContain('ledger-strike-analysis.html');
    expect(json.answer).toMatch(
      /^Reports from 2026-11-02 to 2026-11-08, newest first:\n2026-11-06 — “Halvik dock strike ends with 6 percent pay deal” — Harbour Herald[^\n]*: .* \[1\]\n/,
    );

    const text = await runScript('src/cli/ask.ts', ['--since', '2026-11-05', 'latest on the Halvik strike'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Reports since 2026-11-05, newest first:\n2026-11-06 — .* \[1\]\n\nSources:\n\[1\] Halvik dock strike ends/);

    const plain = JSON.parse((await runScript('src/cli/ask.ts', ['--json', 'How much pay rise did the union ask for?'], env)).stdout);
    expect(plain.shape).toBe('answer');
    expect(plain.timeline).toBeUndefined();
  }, 120_000);
});
