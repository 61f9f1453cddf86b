import { LARGE_N, log } from '../benchScale.js';
import { benchScopedSearch, type ScopedSearchResult } from '../scopedSearch.js';
import type { SyntheticStore } from './syntheticStore.js';
import type { SyntheticVectors } from './vectorSections.js';

/** Searches within a server's sources (a scope) against the unscoped search, on the synthetic store. */
export async function scopedSearchSection(built: SyntheticStore, clustered: SyntheticVectors): Promise<ScopedSearchResult> {
  log(`scoped against unscoped search at ${LARGE_N} passages (a server's sources)`);
  return benchScopedSearch(built.store, built.texts, clustered.vectors, clustered.queries);
}
