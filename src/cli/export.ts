import { parseArgs } from 'node:util';
import { loadConfig } from '../app/config.js';
import { openStore } from '../app/bootstrap.js';
import { toExportRecord } from '../../ingest/exportRecord.js';
import { runMain } from './runMain.js';

const USAGE = `Usage: npm run export [-- --with-vectors] [> knowledge-base.jsonl]
  Prints every stored article as JSON Lines, one article a line:
  {"source", "url", "title", "outlet", "author", "published", "language", "body", "comments", "passages"}
  --with-vectors  also "vectors": {"model", "dim", "passages": [{"section", "text", "vector"}]}
                  (base64 float32), so npm run import carries them instead of embedding again`;

/** `npm run export`: what the bot knows, for audits and for moving a knowledge base. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' }, 'with-vectors': { type: 'boolean' } } });
  if (values.help) return void console.log(USAGE);
  const config = loadConfig();
  const store = await openStore(config);
  try {
    for await (const article of store.exportArticles({ withVectors: values['with-vectors'] }))
      process.stdout.write(`${JSON.stringify(toExportRecord(article))}\n`);
  } finally {
    await store.close();
  }
}

runMain('export failed', main);
