import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_EVENTS, writeNewsEvents } from '../support/newsEventsCorpus.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

describe('npm run digest (the compiled script)', () => {
  it('prints the main stories of the days asked with their sources, as JSON too, and refuses a date it cannot read', async () => {
    const root = tempDir('digest-cli-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    writeNewsEvents(docs);
    const env = { DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384', NEWS_SOURCES: docs };
    expect((await runScript('src/cli/ingest.ts', [], env)).code).toBe(0);

    const text = await runScript('src/cli/digest.ts', ['--since', '2026-11-04', '--until', '2026-11-05'], env);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toBe('Main stories from 2026-11-04 to 2026-11-05');
    const stories = lines.filter((l) => l.startsWith('- '));
    expect(stories).toContain(
      '- 2026-11-05 — Westbridge council approves protected cycle lanes — Westbridge city council approved 14 kilometres of protected cycle lanes on Thursday, to be built along the ring road over the next two years at a cost of 22 million euros. ' +
        `[${stories.findIndex((l) => l.includes('Westbridge')) + 1}] (1 outlet)`,
    );
    // The eruption is one story told by three outlets (ingest/stories groups the reports of one event).
    expect(stories.find((l) => l.includes('Kerrow'))).toMatch(/\(3 outlets\)$/);
    for (const line of stories) expect(line).toMatch(/^- 2026-11-0[45] — .+ \[\d+\] \(\d+ outlets?\)$/);
    const sources = lines.slice(lines.indexOf('Sources:') + 1);
    expect(sources).toHaveLength(stories.length);
    expect(sources.every((l, i) => l.startsWith(`[${i + 1}] `) && / — https:\/\/\S+/.test(l))).toBe(true);
    expect(text.stdout).not.toMatch(/Halvik|2026-11-0[2367]/);

    const json = await runScript('src/cli/digest.ts', ['--topic', 'Halvik dock strike', '--since', '2026-11-01', '--until', '2026-11-08', '--json'], env);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ sinceDay: '2026-11-01', untilDay: '2026-11-08', topic: 'Halvik dock strike' });
    const urls = parsed.stories.map((s: { citation: { url: string } }) => s.citation.url);
    const storyOf = (url: string) => NEWS_EVENTS.find((a) => a.url === url)!.story;
    expect(urls.map(storyOf)).toContain('strike-start');
    for (const url of urls) expect(['strike-start', 'strike-end']).toContain(storyOf(url));
    expect(parsed.text).toMatch(/^Main stories on “Halvik dock strike” from 2026-11-01 to 2026-11-08/);

    const bad = await runScript('src/cli/digest.ts', ['--since', 'someday soon-ish'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim()).toMatch(/--since "someday soon-ish" is not a date/);
  }, 120_000);
});
