import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/postgres/pgStore.js';
import { ARTICLES } from '../support/articles.js';
import { createTestDatabase, dropTestDatabases, testDatabaseUrl } from '../support/postgres.js';
import { runScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const serverUrl = testDatabaseUrl();

const createDatabase = (name: string) => createTestDatabase(serverUrl!, name);

const exportLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe.skipIf(!serverUrl)('CLI with DATABASE_URL (PostgreSQL)', () => {
  const databases: string[] = [];
  afterAll(() => dropTestDatabases(serverUrl!, databases));

  it('ingests and answers on PostgreSQL, refuses a concurrent ingest, and moves a knowledge base from SQLite by export and import', async () => {
    const root = tempDir('cli-pg-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(docs, name), text);
    const name = `cli_${process.pid}`;
    databases.push(name, `${name}_moved`);
    const pg = { DATABASE_URL: await createDatabase(name), EMBEDDING_MODEL: 'hashing-384', DATA_DIR: join(root, 'unused') };

    const ingested = await runScript('src/cli/ingest.ts', [docs], pg);
    expect(ingested.code, ingested.stderr).toBe(0);
    const sqlite = { DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384' };
    expect((await runScript('src/cli/ingest.ts', [docs], sqlite)).code).toBe(0);

    // The same question gets the same answer from both backends.
    const question = 'How low is the water level at the Kaub gauge?';
    const [fromPg, fromSqlite] = await Promise.all([
      runScript('src/cli/ask.ts', ['--json', question], pg),
      runScript('src/cli/ask.ts', ['--json', question], sqlite),
    ]);
    expect(fromPg.code, fromPg.stderr).toBe(0);
    const pgAnswer = JSON.parse(fromPg.stdout) as { answer: string; noAnswer: boolean };
    expect(pgAnswer.noAnswer).toBe(false);
    expect(pgAnswer.answer).toBe((JSON.parse(fromSqlite.stdout) as { answer: string }).answer);

    // Another process (here: this test) holds the ingest lock: a second ingest is refused, not run.
    const holder = await PgStore.open(pg.DATABASE_URL);
    const release = await holder.lockForIngest();
    const refused = await runScript('src/cli/ingest.ts', [docs], pg);
    await release();
    await holder.close();
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Another ingestion is already running');

    // SQLite -> export -> import into a fresh PostgreSQL database: the same articles, no source read.
    const exported = await runScript('src/cli/export.ts', [], sqlite);
    const file = join(root, 'kb.jsonl');
    writeFileSync(file, `${exported.stdout}{"broken": true}\nnot json\n`);
    const moved = { ...pg, DATABASE_URL: await createDatabase(`${name}_moved`) };
    const imported = await runScript('src/cli/import.ts', [file], moved);
    expect(imported.code, imported.stderr).toBe(0);
    const sqliteLines = exportLines(exported.stdout);
    expect(imported.stdout).toContain(`Imported ${sqliteLines.length} articles`);
    expect(imported.stderr).toMatch(/line \d+ skipped: "source" is missing/);
    const reExported = exportLines((await runScript('src/cli/export.ts', [], moved)).stdout);
    const bySource = (lines: Array<Record<string, unknown>>) => new Map(lines.map((l) => [l.source, l]));
    expect(bySource(reExported)).toEqual(bySource(sqliteLines));
    const movedAnswer = await runScript('src/cli/ask.ts', ['--json', question], moved);
    expect((JSON.parse(movedAnswer.stdout) as { answer: string }).answer).toBe(pgAnswer.answer);
    // Importing the same file again changes nothing.
    expect((await runScript('src/cli/import.ts', [file], moved)).stdout).toContain(`Imported 0 articles (${sqliteLines.length} unchanged`);

    // PostgreSQL -> export --with-vectors -> SQLite on a machine without the model: the vectors come along.
    const withVectors = await runScript('src/cli/export.ts', ['--with-vectors'], pg);
    expect(withVectors.code, withVectors.stderr).toBe(0);
    const vectorLines = exportLines(withVectors.stdout) as Array<Record<string, any>>;
    const passageTotal = vectorLines.reduce((sum, l) => sum + l.passages, 0);
    expect(
      vectorLines.every(
        (l) =>
          l.vectors?.model === 'hashing-384' && l.vectors.passages.length === l.passages && l.vectors.passages.every((p: any) => typeof p.vector === 'string'),
      ),
    ).toBe(true);
    const vectorFile = join(root, 'kb-vectors.jsonl');
    writeFileSync(vectorFile, withVectors.stdout);
    const noModel = { DATA_DIR: join(root, 'carried'), EMBEDDING_DISABLED: 'true' };
    const carried = await runScript('src/cli/import.ts', [vectorFile], noModel);
    expect(carried.code, carried.stderr).toBe(0);
    expect(carried.stdout).toContain(`${passageTotal} vectors, ${passageTotal} of them carried from the file`);
    const carriedExport = exportLines((await runScript('src/cli/export.ts', ['--with-vectors'], noModel)).stdout);
    expect(bySource(carriedExport)).toEqual(bySource(vectorLines));
    // The carried vectors are in use once the model is there: hybrid retrieval, no re-embedding needed.
    const carriedAnswer = JSON.parse(
      (await runScript('src/cli/ask.ts', ['--json', question], { ...noModel, EMBEDDING_DISABLED: 'false', EMBEDDING_MODEL: 'hashing-384' })).stdout,
    );
    expect(carriedAnswer).toMatchObject({ answer: pgAnswer.answer, retrieval: 'hybrid' });

    // Vectors of another model than the one loaded are not mixed in: embedded again, and said so.
    const otherModel = { DATA_DIR: join(root, 'other-model'), EMBEDDING_MODEL: 'hashing-256' };
    const reEmbedded = await runScript('src/cli/import.ts', [vectorFile], otherModel);
    expect(reEmbedded.stdout).toContain(`${passageTotal} vectors, 0 of them carried from the file`);
    expect(reEmbedded.stderr).toMatch(/vectors are from hashing-384 \(384-d\), the store uses hashing-256 \(256-d\): embedded again/);
  }, 120_000);
});
