/**
 * `npm run bench:model`: writes the real-size stand-in of Xenova/multilingual-e5-small
 * (random weights; fp32 and int8) into bench/.cache, or BENCH_MODEL_DIR. `npm run bench`
 * does the same when the folder is missing. Never commit it: it is ~590 MB of noise.
 */
import { rmSync } from 'node:fs';
import { runMain } from './runMain.js';
import { ensureStandInModel, standInModelFolder } from '../../bench/model/standInModel.js';

async function main(): Promise<void> {
  if (process.argv.includes('--force')) rmSync(standInModelFolder(), { recursive: true, force: true });
  const folder = ensureStandInModel((m) => process.stderr.write(`[bench:model] ${m}\n`));
  console.log(folder);
}

runMain('bench:model failed', main, { withStack: true });
