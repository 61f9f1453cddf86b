import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../projectPaths.js';
import { MULTILINGUAL_E5_SMALL, type Precision } from './encoderGraph.js';
import { MODEL_FILES, writeStandInModel } from './writeStandInModel.js';

/**
 * Where the real-size stand-in lives: a cache folder under bench/ (git-ignored, ~590 MB).
 * The name keeps "multilingual-e5-small" so the loader adds the e5 "query: "/"passage: "
 * prefixes as it does for the real model (their tokens are part of the cost).
 */
export function standInModelFolder(): string {
  return process.env.BENCH_MODEL_DIR ?? join(projectRoot(), 'bench', '.cache', 'multilingual-e5-small-stand-in');
}

/** Generates the stand-in unless a complete one is already there; returns its folder. */
export function ensureStandInModel(log: (message: string) => void, precisions: Precision[] = ['int8', 'fp32']): string {
  const folder = standInModelFolder();
  const complete = existsSync(join(folder, 'config.json')) && precisions.every((p) => existsSync(join(folder, MODEL_FILES[p])));
  if (!complete) {
    log(`writing the real-size stand-in model (random weights, ${precisions.join(' + ')}) to ${folder}`);
    const started = performance.now();
    writeStandInModel(folder, MULTILINGUAL_E5_SMALL, precisions);
    log(`stand-in model written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return folder;
}
