import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES } from '../support/articles.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

function corpus(): { docs: string; env: Record<string, string> } {
  const root = tempDir('cli-');
  const docs = join(root, 'docs');
  mkdirSync(docs);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(docs, name), text);
  return { docs, env: { DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384' } };
}

describe('command line', () => {
  it('ingests with a summary, answers as text and as the JSON contract', async () => {
    const { docs, env } = corpus();
    const ingest = await runScript('src/cli/ingest.ts', [docs], env);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toMatch(/Articles: 3 added, 0 updated, 0 unchanged, 0 duplicate, 0 removed, 0 skipped\./);
    expect(ingest.stdout).toMatch(/Model: hashing-384 — loaded \(384-d\), vectors in use/);
    expect(ingest.stdout).toMatch(/Time: [\d.]+ s/);

    const text = await runScript('src/cli/ask.ts', ['How much have freight rates for gasoil risen?'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/tripled.*\[1\]\n\nSources:\n\[1\] Rhine barges sail a third full as Kaub gauge drops — 2026-08-14, en — rhine\.txt/s);

    const json = await runScript('src/cli/ask.ts', ['--json', 'Quanto costa la linea 2 della metropolitana di Torino?'], env);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.answer).toMatch(/1,83 miliardi di euro\. \[1\]/);
    expect(parsed.citations[0]).toEqual(
      expect.objectContaining({
        n: 1,
        title: expect.any(String),
        source: 'torino.txt',
        language: 'it',
        section: 'body',
        quote: expect.stringContaining('1,83'),
      }),
    );
    expect(parsed.citations[0].published).toBeUndefined(); // unknown, never invented
    expect(parsed.passages[0]).toEqual(expect.objectContaining({ source: 'torino.txt', score: expect.any(Number), section: 'body', text: expect.any(String) }));

    const unchanged = await runScript('src/cli/ingest.ts', [docs], env);
    expect(unchanged.stdout).toMatch(/0 added, 0 updated, 3 unchanged/);
  });

  it('exits 0 on an honest no-answer and non-zero with one line on errors', async () => {
    const { docs, env } = corpus();
    const before = await runScript('src/cli/ask.ts', ['anything?'], env);
    expect(before.code).toBe(1);
    expect(before.stderr.trim()).toMatch(/^ask failed: No news has been ingested .* Run "npm run ingest" first\.$/);
    await runScript('src/cli/ingest.ts', [docs], env);
    const none = await runScript('src/cli/ask.ts', ['--json', 'Who won the Eurovision Song Contest?'], env);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toMatchObject({ citations: [], noAnswer: true });
    const empty = await runScript('src/cli/ask.ts', ['   '], env);
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    const huge = await runScript('src/cli/ask.ts', ['x'.repeat(2000)], env);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/limit is 500/);
  });

  it('reports a damaged store with the rebuild command and rebuilds it, keeping the damaged copy', async () => {
    const { docs, env } = corpus();
    await runScript('src/cli/ingest.ts', [docs], env);
    writeFileSync(join(env.DATA_DIR!, 'news.db'), 'garbage '.repeat(1000));
    const broken = await runScript('src/cli/ask.ts', ['freight rates?'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/damaged.*npm run ingest -- --rebuild/);
    expect(broken.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const rebuilt = await runScript('src/cli/ingest.ts', [docs, '--rebuild'], env);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/3 added/);
    expect(readdirSync(env.DATA_DIR!).some((f) => f.startsWith('previous-'))).toBe(true);
    const ok = await runScript('src/cli/ask.ts', ['How much have freight rates for gasoil risen?'], env);
    expect(ok.stdout).toContain('tripled');
  });

  it('answers after the vector graph file is damaged, rebuilding it from stored vectors', async () => {
    const { docs, env } = corpus();
    await runScript('src/cli/ingest.ts', [docs], env);
    const graph = join(env.DATA_DIR!, 'vectors.hnsw');
    expect(existsSync(graph)).toBe(true);
    writeFileSync(graph, 'truncated');
    const ask = await runScript('src/cli/ask.ts', ['--json', 'How much have freight rates for gasoil risen?'], env);
    expect(ask.code).toBe(0);
    expect(ask.stderr).toMatch(/Rebuilding the vector graph from stored vectors: the saved vector graph is damaged/);
    expect(JSON.parse(ask.stdout)).toMatchObject({ retrieval: 'hybrid', noAnswer: false });
  });
});
