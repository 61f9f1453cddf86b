import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnnIndex } from '../../src/store/annIndex.js';
import { LARGE_N, log } from '../benchScale.js';
import { buildStore } from '../storeFixture.js';
import { SYNTHETIC_MODEL, type SyntheticVectors } from './vectorSections.js';

/** The store filled with the clustered vectors, its folder, and what was written to it. */
export type SyntheticStore = ReturnType<typeof buildStore> & { dataDir: string };

/**
 * Builds the synthetic store in a temporary folder (with the vector graph already built, when
 * given), runs the sections that use it, and removes the folder again. The first of them is
 * the warm ask, hence the progress line.
 */
export async function withSyntheticStore(
  clustered: SyntheticVectors,
  graph: AnnIndex | undefined,
  run: (store: SyntheticStore) => Promise<void>,
): Promise<void> {
  log(`end-to-end ask latency at ${LARGE_N} passages`);
  const root = mkdtempSync(join(tmpdir(), 'bench-ask-'));
  try {
    const dataDir = join(root, 'data');
    await run({ ...buildStore(dataDir, clustered.vectors, SYNTHETIC_MODEL, { graph }), dataDir });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
