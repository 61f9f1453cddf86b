import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { childEnvironment } from './childEnvironment.js';

/**
 * Starts a worker thread from a module file, with only the allow-listed environment
 * (childEnvironment: no tokens or keys) unless `options.env` says otherwise. Under tsx
 * (development, tests) the file is TypeScript and the thread needs tsx's loader registered
 * first; compiled code runs the .js file directly.
 */
export function startThread(file: URL, options: WorkerOptions = {}): Worker {
  const withEnv: WorkerOptions = { ...options, env: options.env ?? childEnvironment() } as WorkerOptions;
  if (!file.pathname.endsWith('.ts')) return new Worker(file, withEnv);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`, { ...withEnv, eval: true });
}

/** A sibling module of `base` (import.meta.url), .ts under tsx and .js when compiled. */
export function siblingModule(base: string, name: string): URL {
  return new URL(`./${name}.${base.endsWith('.ts') ? 'ts' : 'js'}`, base);
}

const TASKSET = '/usr/bin/taskset';

/** The CPUs this process may run on (Linux), e.g. [0, 1]; null when that cannot be read. */
function allowedCpus(): number[] | null {
  try {
    const list = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (!list) return null;
    return list.split(',').flatMap((range) => {
      const [from, to] = range.split('-').map(Number);
      return Array.from({ length: (to ?? from!) - from! + 1 }, (_, i) => from! + i);
    });
  } catch {
    return null;
  }
}

export interface ChildProcessHandle {
  child: ChildProcess;
  /** The CPUs the worker is pinned to, or why it is not. */
  cpus: string;
}

/**
 * Starts a worker process (IPC with structured clone, so typed arrays pass as they are) with
 * only the allow-listed environment plus `extraEnv`, and a V8 heap of `maxOldSpaceMb` when
 * given; under tsx it runs with tsx's loader. Its output goes to this process's stderr. With
 * `cpus` fewer than this process may use, the worker is pinned to that many (taskset): the
 * remaining core stays free for the caller's event loop whatever the worker's libraries do
 * with threads.
 */
export function startChildProcess(file: URL, options: { cpus?: number; maxOldSpaceMb?: number; extraEnv?: readonly string[] } = {}): ChildProcessHandle {
  const typescript = file.pathname.endsWith('.ts');
  const heap = options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : [];
  const args = [...heap, ...(typescript ? ['--import', 'tsx'] : []), fileURLToPath(file)];
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  const env = childEnvironment(options.extraEnv);
  const available = allowedCpus();
  const wanted = options.cpus;
  if (wanted && available && wanted < available.length && existsSync(TASKSET)) {
    const pinned = available.slice(0, wanted).join(',');
    const child = spawn(TASKSET, ['--cpu-list', pinned, process.execPath, ...args], { stdio, serialization: 'advanced', env });
    return { child, cpus: `pinned to CPU ${pinned} of ${available.join(',')}` };
  }
  const child = fork(args.at(-1)!, [], { execArgv: args.slice(0, -1), stdio, serialization: 'advanced', env });
  const reason =
    !wanted || (available && wanted >= available.length) ? 'all CPUs' : `all CPUs (${available ? 'taskset not found' : 'CPU list unreadable'}, not pinned)`;
  return { child, cpus: reason };
}
