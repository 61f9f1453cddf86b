import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { ProcessEmbeddings } from '../../src/embeddings/processEmbeddings.js';
import { tempDir } from '../support/tempDir.js';

const TINY_BERT = resolve(import.meta.dirname, '../fixtures/tiny-bert');
const config = (env: Record<string, string>) => loadConfig({ DATA_DIR: tempDir(), ...env });

describe('EMBEDDING_THREADS and EMBEDDING_PRECISION', () => {
  it('defaults to one thread less than the cores (at least one) and int8; rejects nonsense naming the variable', () => {
    expect(config({}).embeddingThreads).toBe(Math.max(1, availableParallelism() - 1));
    expect(config({}).embeddingPrecision).toBe('int8');
    expect(config({ EMBEDDING_THREADS: '3', EMBEDDING_PRECISION: 'fp32' })).toMatchObject({ embeddingThreads: 3, embeddingPrecision: 'fp32' });
    expect(() => config({ EMBEDDING_THREADS: '0' })).toThrow(ConfigError);
    expect(() => config({ EMBEDDING_THREADS: 'many' })).toThrow(/EMBEDDING_THREADS is invalid/);
    expect(() => config({ EMBEDDING_PRECISION: 'int4' })).toThrow(/EMBEDDING_PRECISION is invalid/);
  });

  it('pins the embedding worker process to EMBEDDING_THREADS CPUs, below the bot in priority', async () => {
    const allowed = (pid: number | 'self') => /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1];
    const niceness = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const embeddings = await ProcessEmbeddings.start({ model: TINY_BERT, cacheDir: tempDir(), threads: 1 });
    try {
      await embeddings.embedQuery('river water level');
      const pid = embeddings.workerPid!;
      expect(niceness(pid)).toBe(10);
      if (availableParallelism() < 2) {
        // One core: nothing to leave free, the worker may use it (checked, not skipped).
        expect(allowed(pid)).toBe(allowed('self'));
      } else {
        expect(allowed(pid)).toBe(allowed('self')!.split(/[,-]/)[0]);
        expect(embeddings.cpus).toMatch(/^pinned to CPU \d+ of /);
      }
    } finally {
      await embeddings.close();
    }
  });
});
