import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEWS_EVENTS, writeNewsEvents } from '../support/newsEventsCorpus.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

describe('ask --json on news several outlets report', () => {
  it('gives the citation of a story its {id, articles, outlets}, and the text answer says which other outlets report it', async () => {
    const root = tempDir('stories-cli-');
    const pages = join(root, 'pages');
    mkdirSync(pages);
    writeNewsEvents(pages);
    const env = { DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384' };
    expect((await runScript('src/cli/ingest.ts', [pages], env)).code).toBe(0);

    const json = await runScript('src/cli/ask.ts', ['--json', 'How many dock workers walked out at Port Halvik?'], env);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { citations: Array<{ url?: string; outlet?: string; story: Record<string, unknown> }> };
    const strikeStart = NEWS_EVENTS.filter((a) => a.story === 'strike-start');
    const cited = parsed.citations.filter((c) => strikeStart.some((a) => a.url === c.url));
    expect(cited).toHaveLength(1);
    const story = cited[0]!.story;
    expect(Object.keys(story).sort()).toEqual(['articles', 'id', 'outlets']);
    expect(story).toMatchObject({ id: expect.any(Number), articles: 4 });
    expect([...(story.outlets as string[])].sort()).toEqual(['Coastal Wire', 'Daily Ledger', 'Harbour Herald', 'Nordsee Zeitung']);
    expect((story.outlets as string[])[0]).toBe(cited[0]!.outlet);

    const text = await runScript('src/cli/ask.ts', ['How many dock workers walked out at Port Halvik?'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ — also reported by: [^\n]+, [^\n]+, \+1$/m);
  }, 120_000);
});
