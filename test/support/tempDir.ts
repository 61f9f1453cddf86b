import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

const perTest: string[] = [];
const perSuite: string[] = [];

function make(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh temporary folder, removed after the current test. */
export function tempDir(prefix = 'newsdesk-'): string {
  const dir = make(prefix);
  perTest.push(dir);
  return dir;
}

/** A temporary folder for a whole test file (created in beforeAll), removed after it. */
export function suiteTempDir(prefix = 'newsdesk-suite-'): string {
  const dir = make(prefix);
  perSuite.push(dir);
  return dir;
}

afterEach(() => {
  while (perTest.length) rmSync(perTest.pop()!, { recursive: true, force: true });
});

afterAll(() => {
  while (perSuite.length) rmSync(perSuite.pop()!, { recursive: true, force: true });
});
