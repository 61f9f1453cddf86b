import type { SearchScope } from '../src/core/ports/newsDesks.js';
import { indexTerms } from '../src/core/text/terms.js';
import { percentile } from '../eval/metrics.js';
import { ExactVectors } from '../src/store/exactVectors.js';
import { filteredEf, scansExactly } from '../src/store/scopedVectorSearch.js';
import type { SqliteStore } from '../src/store/sqlite/sqliteStore.js';
import { PASSAGES_PER_ARTICLE } from './storeFixture.js';
import { seededRandom } from './synthetic.js';

/** Desk sources the bench store's articles are dealt to (article a to source a mod SOURCES): one source is 1% of the store. */
const SOURCES = 100;
const CANDIDATES = 50;

export interface ScopedSearchRow {
  /** Share of the store's passages in the scope. */
  share: number;
  passages: number;
  strategy: 'exact scan' | 'filtered graph';
  lexicalP50Ms: number;
  lexicalP95Ms: number;
  vectorP50Ms: number;
  vectorP95Ms: number;
  /** The first search in a scope after a change: listing its passages (and, for a scan, collecting its vectors). */
  vectorFirstMs: number;
  recallAt10: number;
  /** Both strategies at the same share, straight on the vectors and the graph (at the store's filtered breadth): what the threshold is chosen from. */
  exactScanP50Ms: number;
  filteredGraphP50Ms: number;
  filteredGraphRecallAt10: number;
}

export interface ScopedSearchResult {
  passages: number;
  unscoped: { lexicalP50Ms: number; lexicalP95Ms: number; vectorP50Ms: number; vectorP95Ms: number };
  scopes: ScopedSearchRow[];
}

const p = (values: number[], q: number) => percentile(values, q) ?? 0;

function timed<T>(results: T[], times: number[], run: () => T): void {
  const started = performance.now();
  results.push(run());
  times.push(performance.now() - started);
}

async function timedAsync<T>(times: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  times.push(performance.now() - started);
  return result;
}

/** Deals the store's articles to SOURCES desk sources, as servers' feeds would bring them. */
function dealToSources(store: SqliteStore): void {
  store.sqlite.transaction(() => {
    store.sqlite.db.prepare(`INSERT OR IGNORE INTO document_sources(document_id, source_id) SELECT id, 's' || ((id - 1) % ${SOURCES}) FROM documents`).run();
  });
}

/** Questions as word forms: five words of a random passage each. */
function lexicalQueries(texts: string[], count: number): string[][] {
  const random = seededRandom(7);
  return Array.from({ length: count }, () => {
    const words = texts[Math.floor(random() * texts.length)]!.replace(/[.]/g, '').split(' ');
    const start = Math.floor(random() * (words.length - 6));
    return indexTerms(words.slice(start, start + 5).join(' '), 'en');
  });
}

async function measureUnscoped(store: SqliteStore, forms: string[][], queries: Float32Array[]): Promise<ScopedSearchResult['unscoped']> {
  const lexical: number[] = [];
  const vector: number[] = [];
  for (const f of forms) await timedAsync(lexical, () => store.lexicalSearch(f, CANDIDATES));
  for (const q of queries) await timedAsync(vector, () => store.vectorSearch(q, CANDIDATES));
  return { lexicalP50Ms: p(lexical, 50), lexicalP95Ms: p(lexical, 95), vectorP50Ms: p(vector, 50), vectorP95Ms: p(vector, 95) };
}

/** Scoped vector recall@10 against the exact top 10 of the scope (from the generated vectors, passage id i+1 = vector i). */
function recallAt10(hits: number[][], exact: number[][]): number {
  let found = 0;
  hits.forEach((h, i) => {
    const truth = new Set(exact[i]!);
    found += h.slice(0, 10).filter((id) => truth.has(id)).length;
  });
  return found / (10 * hits.length);
}

/** Both strategies straight on the graph at this scope, for the threshold (scopedVectorSearch.ts). */
function compareStrategies(store: SqliteStore, allowed: Set<number>, vectors: Float32Array[], queries: Float32Array[], exact: number[][]) {
  const graph = store.vectorIndex()!;
  const scan = ExactVectors.collect(allowed, vectors[0]!.length, (id) => vectors[id - 1] ?? null);
  const scanTimes: number[] = [];
  const filteredTimes: number[] = [];
  const filteredHits: number[][] = [];
  for (const q of queries) timed([], scanTimes, () => scan.nearest(q, CANDIDATES));
  const ef = filteredEf(CANDIDATES, allowed.size / graph.size);
  for (const q of queries) timed(filteredHits, filteredTimes, () => graph.search(q, CANDIDATES, (id) => allowed.has(id), ef).map((h) => h.id));
  return { exactScanP50Ms: p(scanTimes, 50), filteredGraphP50Ms: p(filteredTimes, 50), filteredGraphRecallAt10: recallAt10(filteredHits, exact) };
}

async function measureScope(
  store: SqliteStore,
  sources: number,
  forms: string[][],
  vectors: Float32Array[],
  queries: Float32Array[],
): Promise<ScopedSearchRow> {
  const scope: SearchScope = { sourceIds: Array.from({ length: sources }, (_, i) => `s${i}`) };
  const allowed = new Set<number>();
  vectors.forEach((_, i) => {
    if (Math.floor(i / PASSAGES_PER_ARTICLE) % SOURCES < sources) allowed.add(i + 1);
  });
  const exactSet = ExactVectors.collect(allowed, vectors[0]!.length, (id) => vectors[id - 1] ?? null);
  const exact = queries.map((q) => exactSet.nearest(q, 10).map((h) => h.id));
  const first: number[] = [];
  await timedAsync(first, () => store.vectorSearch(queries[0]!, CANDIDATES, scope));
  const lexical: number[] = [];
  const vector: number[] = [];
  const hits: number[][] = [];
  for (const f of forms) await timedAsync(lexical, () => store.lexicalSearch(f, CANDIDATES, {}, scope));
  for (const q of queries) hits.push((await timedAsync(vector, () => store.vectorSearch(q, CANDIDATES, scope))).map((h) => h.id));
  return {
    share: allowed.size / vectors.length,
    passages: allowed.size,
    strategy: scansExactly(allowed.size, vectors.length) ? 'exact scan' : 'filtered graph',
    lexicalP50Ms: p(lexical, 50),
    lexicalP95Ms: p(lexical, 95),
    vectorP50Ms: p(vector, 50),
    vectorP95Ms: p(vector, 95),
    vectorFirstMs: first[0]!,
    recallAt10: recallAt10(hits, exact),
    ...compareStrategies(store, allowed, vectors, queries, exact),
  };
}

/**
 * Scoped against unscoped retrieval on the bench store (buildStore: passage i carries vector i):
 * its articles dealt to 100 desk sources, scopes of 1, 2, 5, 10 and 50 sources, lexical (the
 * bot's in-memory index) and vector search with the retrieval's 50 candidates.
 */
export async function benchScopedSearch(store: SqliteStore, texts: string[], vectors: Float32Array[], queries: Float32Array[]): Promise<ScopedSearchResult> {
  dealToSources(store);
  await store.warmUpForQuestions();
  const forms = lexicalQueries(texts, queries.length);
  const unscoped = await measureUnscoped(store, forms, queries);
  const scopes: ScopedSearchRow[] = [];
  for (const sources of [1, 2, 5, 10, 50]) scopes.push(await measureScope(store, sources, forms, vectors, queries));
  return { passages: vectors.length, unscoped, scopes };
}
