import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where the compiled JavaScript of a TypeScript entry point is (`src/cli/ingest.ts` -> `dist/src/cli/ingest.js`). */
export function compiledScript(script: string): string {
  return resolve(ROOT, 'dist', script.replace(/\.ts$/, '.js'));
}

/**
 * Starts one of the project's entry points the way npm scripts do: its compiled JavaScript in
 * dist/, which the suite's global setup builds (test/support/buildOnce.ts).
 */
export function startScript(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [compiledScript(script), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', NEWS_SOURCES: '', NEWS_SOURCES_FILE: '', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runScript(script: string, args: string[], env: Record<string, string>): Promise<ScriptResult> {
  return new Promise((resolvePromise, reject) => {
    const child = startScript(script, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
