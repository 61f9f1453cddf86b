import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `work` in a fresh temporary folder, removed afterwards: the evaluations build their own
 * copy of a corpus and never touch the operator's store.
 */
export async function withWorkDir<T>(prefix: string, work: (workDir: string) => Promise<T>): Promise<T> {
  const workDir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await work(workDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
