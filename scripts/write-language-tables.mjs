// Writes eld's "extrasmall" n-gram tables as JSON into dist/ at build time.
// eld ships them as a 1 MB JavaScript object literal; compiling that literal costs every
// process about 80 MB of resident memory that V8 never returns, while JSON.parse of the
// same data costs about 27 MB. src/core/text/languageDetector.ts loads this file.
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'language-tables', 'eld-extrasmall.json');
const tablesModule = new URL('./ngrams/extrasmall.js', new URL('..', import.meta.resolve('eld')));
const { ngramsData } = await import(tablesModule.href);
if (!ngramsData?.ngrams || !ngramsData?.languages) throw new Error(`eld tables not found at ${tablesModule.href}`);
mkdirSync(dirname(out), { recursive: true });
const tmp = `${out}.tmp-${process.pid}`; // a test may build while another runs
writeFileSync(tmp, JSON.stringify(ngramsData));
renameSync(tmp, out);
