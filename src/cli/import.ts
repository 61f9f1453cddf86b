import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadEmbeddingsFromConfig, openStore } from '../app/bootstrap.js';
import { loadConfig } from '../app/config.js';
import { importRecords } from '../../ingest/importRecords.js';
import { runMain } from './runMain.js';
import { UserFacingError } from '../core/errors.js';

const USAGE = `Usage: npm run import -- FILE.jsonl
  Reads what "npm run export" wrote into the configured store (DATABASE_URL, else DATA_DIR),
  so a knowledge base moves between SQLite and PostgreSQL without fetching its sources again.
  Passages are chunked again; their vectors are taken from the file when it was written with
  "npm run export -- --with-vectors" (same model), otherwise embedded again (lexical-only when
  the model cannot be loaded; the next ingest adds the vectors).`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void console.log(USAGE);
  if (positionals.length !== 1) throw new UserFacingError('bad_usage', `give one export file. ${USAGE}`);
  const file = resolve(positionals[0]!);
  if (!existsSync(file)) throw new UserFacingError('bad_usage', `${file} does not exist`);
  const config = loadConfig();
  const embeddings = await loadEmbeddingsFromConfig(config);
  if (!embeddings.embeddings)
    console.error(
      `Embedding model not loaded (${embeddings.status.reason}): vectors carried in the file are used; passages without one are imported lexical-only and the next ingest adds their vectors.`,
    );
  const store = await openStore(config);
  const release = await store.lockForIngest();
  try {
    const lines = () => createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    const summary = await importRecords(store, lines, { embeddings, sourceId: `import:${file}` });
    for (const s of summary.skipped.slice(0, 20)) console.error(`line ${s.line} skipped: ${s.reason}`);
    if (summary.vectorNote) console.error(`Vectors: ${summary.vectorNote}.`);
    console.log(
      `Imported ${summary.imported} articles (${summary.unchanged} unchanged, ${summary.skipped.length} lines skipped, ${summary.vectors} vectors, ${summary.vectorsCarried} of them carried from the file).`,
    );
    if (summary.imported + summary.unchanged === 0 && summary.skipped.length > 0) process.exitCode = 1;
  } finally {
    await release();
    await store.close();
  }
}

runMain('import failed', main);
