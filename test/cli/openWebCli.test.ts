import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDateOption } from '../../src/cli/dateOption.js';
import { ARTICLES } from '../support/articles.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

function setup(folderName = 'news dir'): { docs: string; root: string; env: Record<string, string> } {
  const root = tempDir('cli-web-');
  const docs = join(root, folderName);
  mkdirSync(docs);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(docs, name), text);
  return { docs, root, env: { DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384' } };
}

describe('ingest CLI on the open web', () => {
  it('reads paths with spaces from the command line and the sources file, refuses other schemes, and exports JSON Lines', async () => {
    const { docs, root, env } = setup();
    const fromArg = await runScript('src/cli/ingest.ts', [docs], env);
    expect(fromArg.code).toBe(0);
    expect(fromArg.stdout).toMatch(/3 added/);

    const list = join(root, 'sources.txt');
    writeFileSync(list, `# one path per line\n${docs} prune\n"${docs}"\n`);
    const fromFile = await runScript('src/cli/ingest.ts', [], { ...env, NEWS_SOURCES_FILE: list });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toMatch(/3 unchanged/);

    const ftp = await runScript('src/cli/ingest.ts', ['ftp://example.org/news'], env);
    expect(ftp.code).toBe(1);
    expect(ftp.stderr.trim()).toBe(
      'ingest failed: unsupported source "ftp://example.org/news": ftp:// is not supported (use http://, https://, file:// or a path)',
    );
    const fileUrl = await runScript('src/cli/ingest.ts', [`file://${encodeURI(docs)}`], env);
    expect(fileUrl.code).toBe(0);

    const exported = await runScript('src/cli/export.ts', [], env);
    expect(exported.code).toBe(0);
    const lines = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const rhine = lines.find((l) => l.source.endsWith('rhine.txt'));
    expect(Object.keys(rhine)).toEqual(['source', 'url', 'title', 'outlet', 'author', 'published', 'language', 'body', 'comments', 'passages']);
    expect(rhine).toMatchObject({ source: join(docs, 'rhine.txt'), url: null, published: '2026-08-14', language: 'en', passages: expect.any(Number) });
    expect(rhine.body).toContain('38 centimetres on Thursday, forcing barge operators');
    expect(rhine.body).toContain('.\n\nFreight rates');
    expect(rhine.comments).toEqual([
      { author: 'RiverRat77', published: null, text: 'Deepen the channel at Kaub and stop talking about it.' },
      { author: 'Skipper_Jo', published: null, text: 'My barge has been waiting in Bingen for three days now.' },
      { author: 'Lena K', published: null, text: 'Rail would take some of this freight if the tracks were free.' },
    ]);
  });

  it('exits non-zero when every source failed, and --rebuild never leaves an empty store', async () => {
    const { docs, root, env } = setup('docs');
    await runScript('src/cli/ingest.ts', [docs], env);
    const missing = join(root, 'gone');
    const failed = await runScript('src/cli/ingest.ts', [missing], env);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/every source failed/);

    const rebuild = await runScript('src/cli/ingest.ts', [missing, '--rebuild'], env);
    expect(rebuild.code).toBe(1);
    expect(rebuild.stderr).toMatch(/the current store was left untouched/);
    const ask = await runScript('src/cli/ask.ts', ['How much have freight rates for gasoil risen?'], env);
    expect(ask.stdout).toContain('tripled');
    expect(readdirSync(env.DATA_DIR!).filter((f) => f.startsWith('rebuild-'))).toEqual([]);
  });

  it('names DATA_DIR when it is a file or a kernel file system, and rejects impossible dates', async () => {
    const { root } = setup('docs');
    const file = join(root, 'not-a-folder');
    writeFileSync(file, 'x');
    const asFile = await runScript('src/cli/ingest.ts', [], { DATA_DIR: file });
    expect(asFile.code).toBe(1);
    expect(asFile.stderr.trim()).toMatch(/^ingest failed: DATA_DIR is invalid: .*not-a-folder is a file, not a folder\./);
    const proc = await runScript('src/cli/ingest.ts', [], { DATA_DIR: '/proc/newsdesk-data' });
    expect(proc.code).toBe(1);
    expect(proc.stderr).toMatch(/DATA_DIR is invalid: .* kernel file system/);
    const badDate = await runScript('src/cli/ask.ts', ['--until', '2026-13-45', 'anything?'], { DATA_DIR: join(root, 'data') });
    expect(badDate.code).toBe(1);
    expect(badDate.stderr.trim()).toBe('ask failed: --until "2026-13-45" is not a real date (use YYYY-MM-DD, e.g. 2026-03-01)');
  });

  it('reads relative --since phrases as dates', async () => {
    const now = new Date(2026, 10, 23, 12);
    expect(await parseDateOption('--since', 'yesterday', now)).toBe('2026-11-22');
    expect(await parseDateOption('--since', '3 days ago', now)).toBe('2026-11-20');
    expect(await parseDateOption('--since', '2026-02-28', now)).toBe('2026-02-28');
    await expect(parseDateOption('--since', 'banana', now)).rejects.toThrow(/--since "banana" is not a date/);
    await expect(parseDateOption('--since', '2026-02-30', now)).rejects.toThrow(/not a real date/);
  });
});
