import type { AnnIndex } from '../../src/store/annIndex.js';
import type { BenchResults } from '../benchResults.js';
import { DIM, LARGE_N, QUERIES, log } from '../benchScale.js';
import { compareWithLangchain } from '../langchainComparison.js';
import { SyntheticQueryEmbeddings } from '../queryEmbeddings.js';
import { clusteredVectors, harderVectors } from '../synthetic.js';
import { benchVectorSearch } from '../vectorSearch.js';

/** Synthetic vectors with a query generator, and the questions asked of each search. */
export interface SyntheticVectors {
  vectors: Float32Array[];
  query: (i: number) => Float32Array;
  queries: Float32Array[];
}

function withQueries(generated: { vectors: Float32Array[]; query: (i: number) => Float32Array }): SyntheticVectors {
  return { ...generated, queries: Array.from({ length: QUERIES }, (_, i) => generated.query(i)) };
}

/** The model name the synthetic store's vectors are stored under. */
export const SYNTHETIC_MODEL = 'synthetic-384';

/** Question "embeddings" that are the clustered corpus's own query vectors, as if a model had made them. */
export function syntheticQueryEmbeddings(clustered: SyntheticVectors): SyntheticQueryEmbeddings {
  return new SyntheticQueryEmbeddings(SYNTHETIC_MODEL, DIM, clustered.query);
}

/** The clustered vectors that the vector search, the synthetic store and its asks use. */
export function clusteredCorpus(): SyntheticVectors {
  log(`generating ${LARGE_N} clustered ${DIM}-d vectors`);
  return withQueries(clusteredVectors(LARGE_N, DIM));
}

/**
 * hnswlib against an exact scan on the clustered vectors, at 10,000 and at the full size.
 * The full-size graph is kept: the synthetic store reuses it instead of building it again.
 */
export function clusteredVectorSearch(clustered: SyntheticVectors): { vectorSearch: BenchResults['vectorSearch']; largeGraph?: AnnIndex } {
  log('vector search at 10,000');
  const at10k = benchVectorSearch(clustered.vectors.slice(0, 10_000), clustered.queries).result;
  if (LARGE_N <= 10_000) return { vectorSearch: [at10k] };
  log(`vector search at ${LARGE_N} (building the graph takes a minute or two)`);
  const large = benchVectorSearch(clustered.vectors, clustered.queries);
  return { vectorSearch: [at10k, large.result], largeGraph: large.index };
}

/** The same on the harder distribution, and the store against langchain's HNSWLib on it. */
export async function harderVectorSections(): Promise<Pick<BenchResults, 'vectorSearchHarder' | 'storeComparison'>> {
  log(`vector search on the harder distribution (anisotropic, uneven clusters, near-duplicates) at 10,000 and ${LARGE_N}`);
  const harder = withQueries(harderVectors(LARGE_N, DIM));
  const vectorSearchHarder = [benchVectorSearch(harder.vectors.slice(0, 10_000), harder.queries).result];
  if (LARGE_N > 10_000) vectorSearchHarder.push(benchVectorSearch(harder.vectors, harder.queries).result);
  log('store comparison with langchain HNSWLib at 10,000 (harder distribution)');
  const rows = await compareWithLangchain(harder.vectors.slice(0, 10_000), harder.queries);
  return { vectorSearchHarder, storeComparison: { n: 10_000, distribution: 'harder', rows } };
}
