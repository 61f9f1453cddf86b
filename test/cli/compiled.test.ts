import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES } from '../support/articles.js';
import { compiledScript, ROOT } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

/** Logs every bare module specifier the process imports, so the test can see what a path loads. */
const IMPORT_LOGGER = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent("export async function resolve(s, c, n) { if (!/^(\\\\.|node:|file:|data:)/.test(s)) process.stderr.write('imported ' + s + '\\\\n'); return n(s, c); }"));`,
)}`;

describe('compiled CLI (what npm scripts run after npm ci builds dist/)', () => {
  it('ingests through the worker pool and answers from JavaScript, loading no model runtime, langchain, LLM library or discord.js for a lexical answer', () => {
    const root = tempDir('compiled-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(docs, name), text);
    const env = {
      ...process.env,
      DATA_DIR: join(root, 'data'),
      EMBEDDING_DISABLED: 'true',
      NEWS_SOURCES: '',
      NEWS_SOURCES_FILE: '',
      LLM_PROVIDER: 'none',
      LOG_LEVEL: 'silent',
    };
    const ingest = spawnSync(process.execPath, [compiledScript('src/cli/ingest.ts'), docs], { env, cwd: ROOT, encoding: 'utf8' });
    expect(ingest.status).toBe(0);
    expect(ingest.stdout).toMatch(/3 added/);
    expect(ingest.stdout).toContain("questions in a language other than the articles' may go unanswered");
    const ask = spawnSync(
      process.execPath,
      ['--import', IMPORT_LOGGER, compiledScript('src/cli/ask.ts'), '--json', 'How much have freight rates for gasoil risen?'],
      { env, cwd: ROOT, encoding: 'utf8' },
    );
    expect(ask.status).toBe(0);
    const json = JSON.parse(ask.stdout);
    expect(json.answer).toMatch(/tripled/);
    expect(json.retrieval).toBe('lexical');
    expect(json.limitations).toEqual([expect.stringMatching(/lexical retrieval only.*language other than the articles/)]);
    const imported = ask.stderr
      .split('\n')
      .filter((l) => l.startsWith('imported '))
      .map((l) => l.slice('imported '.length));
    expect(imported).toContain('better-sqlite3');
    for (const heavy of ['@xenova/transformers', '@langchain/openai', '@langchain/ollama', 'discord.js', 'linkedom', 'chrono-node'])
      expect(imported).not.toContain(heavy);
    // Not even langchain's core: the embedders that build on it load only when vectors are used.
    expect(imported.filter((specifier) => specifier.startsWith('@langchain/'))).toEqual([]);
  }, 120_000);
});
