import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PgDatabase } from '../../src/store/postgres/pgDatabase.js';
import { createTestDatabase, dropTestDatabases, testDatabaseUrl, uniqueSchema } from '../support/postgres.js';
import { runScript, startScript } from '../support/runScript.js';
import { tempDir } from '../support/tempDir.js';

const serverUrl = testDatabaseUrl();
const ARTICLE_COUNT = 300;

/** Every paragraph carries the article's revision, so a mix of two versions is detectable. */
function writeArticles(dir: string, revision: number, only: (i: number) => boolean = () => true): void {
  for (let i = 0; i < ARTICLE_COUNT; i++) {
    if (!only(i)) continue;
    const paragraphs = Array.from(
      { length: 5 },
      (_, p) =>
        `Report ${i} paragraph ${p} revision v${revision}. The harbour authority of town${i} counted ${i * 7 + p} ships this week, and officials said the new quay would open in spring after delays.`,
    );
    writeFileSync(join(dir, `article-${i}.txt`), `Harbour report number ${i}\n\n${paragraphs.join('\n\n')}\n`);
  }
}

/** What must hold after any crash: each article whole in one version; postings, vocabulary and vectors agree with the passages. */
async function checkConsistent(db: PgDatabase): Promise<number> {
  const perDocument = await db.query<{ id: string; passages: string; revisions: string }>(
    `SELECT d.id, count(p.id) AS passages, count(DISTINCT substring(p.text FROM 'revision v[0-9]+')) AS revisions
     FROM documents d LEFT JOIN passages p ON p.document_id = d.id GROUP BY d.id`,
  );
  for (const row of perDocument) {
    expect(Number(row.passages), `document ${row.id} has passages`).toBeGreaterThan(0);
    expect(Number(row.revisions), `document ${row.id} holds one version`).toBe(1);
  }
  const [postings] = await db.query<{ postings: string; lexemes: string | null }>(
    'SELECT (SELECT count(*) FROM passage_terms) AS postings, (SELECT sum(length(tsv)) FROM passages) AS lexemes',
  );
  expect(Number(postings!.postings)).toBe(Number(postings!.lexemes ?? 0));
  const [vocabulary] = await db.query<{ wrong: string }>(
    `SELECT count(*) AS wrong FROM (SELECT u.lexeme AS term, count(*) AS n FROM passages p, unnest(p.tsv) u GROUP BY u.lexeme) actual
     FULL JOIN vocabulary v ON v.term = actual.term COLLATE "C" WHERE v.passages IS DISTINCT FROM actual.n`,
  );
  expect(Number(vocabulary!.wrong), 'vocabulary counts match the passages').toBe(0);
  const [vectors] = await db.query<{ missing: string }>(
    'SELECT count(*) AS missing FROM passages p LEFT JOIN passage_vectors v ON v.passage_id = p.id WHERE v.passage_id IS NULL',
  );
  expect(Number(vectors!.missing), 'every passage written with its vector').toBe(0);
  return perDocument.length;
}

describe.skipIf(!serverUrl)('crash safety on PostgreSQL', () => {
  const database = `crash_${uniqueSchema()}`;
  afterAll(() => dropTestDatabases(serverUrl!, [database]));

  it('leaves every article old or new when the ingest process is killed, frees the lock, and a later run completes', async () => {
    const root = tempDir('pg-crash-');
    const docs = join(root, 'docs');
    mkdirSync(docs);
    const env = { DATABASE_URL: await createTestDatabase(serverUrl!, database), DATA_DIR: join(root, 'unused'), EMBEDDING_MODEL: 'hashing-384' };
    const db = new PgDatabase(env.DATABASE_URL);
    try {
      writeArticles(docs, 1);
      const stored: number[] = [];
      for (let round = 0; round < 3; round++) {
        if (round > 0) writeArticles(docs, round + 1, (i) => (i + round) % 2 === 0); // half the articles change
        const child = startScript('src/cli/ingest.ts', [docs], env);
        const closed = new Promise((resolve) => child.once('close', resolve));
        // Killed once the run is well under way (some articles of this round written), mid-write.
        // (The first run creates the schema: until then there is nothing to count.)
        const written = () =>
          db.query<{ n: string }>('SELECT count(*) AS n FROM passages WHERE text LIKE $1', [`%revision v${round + 1}.%`]).then(
            ([row]) => Number(row!.n),
            () => 0,
          );
        for (let deadline = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 20))) {
          if ((await written()) > 100 || child.exitCode !== null || Date.now() > deadline) break;
        }
        child.kill('SIGKILL');
        await closed;
        stored.push(await checkConsistent(db));
      }
      expect(stored[0]).toBeGreaterThan(0);
      expect(stored[0]).toBeLessThan(ARTICLE_COUNT); // the first run really was cut short
      // The killed processes' advisory locks died with their sessions: a new run is not refused and completes.
      const finished = await runScript('src/cli/ingest.ts', [docs, '--json'], env);
      expect(finished.code, finished.stderr).toBe(0);
      expect(JSON.parse(finished.stdout)).toMatchObject({ totalArticles: ARTICLE_COUNT });
      expect(await checkConsistent(db)).toBe(ARTICLE_COUNT);
      const runs = await db.query<{ status: string }>('SELECT status FROM ingest_runs ORDER BY id');
      expect(runs.map((r) => r.status)).toEqual(['interrupted', 'interrupted', 'interrupted', 'ok']);
    } finally {
      await db.close();
    }
  }, 180_000);
});
