import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Vitest global setup: builds dist/ (what `npm run build` does) once before any test runs.
 * Tests start the project's scripts as compiled JavaScript, as the npm scripts run them, so
 * they test what users run; building here, before the test processes start, means no test
 * reads a file that tsc is rewriting. tsc is incremental: an up-to-date build takes seconds.
 */
export default function buildOnce(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [join(ROOT, 'scripts/write-language-tables.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
