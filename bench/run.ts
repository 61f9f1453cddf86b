/**
 * `npm run bench`: speed and memory, measured side by side in one run, printed as a table
 * and written to bench/results/latest.json. Each figure says which embedder produced it.
 * Set BENCH_SCALE=small for a quick run (10k instead of 100k). With DATABASE_URL, ingestion
 * and warm asks also run on PostgreSQL (throwaway schemas) and are printed beside SQLite's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadEmbeddings } from '../src/embeddings/loadEmbeddings.js';
import { HashingEmbeddings } from '../src/embeddings/hashingEmbeddings.js';
import { benchAskLatency } from './askLatency.js';
import { benchColdStart } from './coldStart.js';
import { projectRoot, siblingScript } from './projectPaths.js';
import { benchIngestion } from './ingestion.js';
import { benchPostgres } from './postgres.js';
import { compareWithLangchain } from './langchainComparison.js';
import { SyntheticQueryEmbeddings } from './queryEmbeddings.js';
import { buildStore } from './storeFixture.js';
import { clusteredVectors } from './synthetic.js';
import { benchVectorSearch } from './vectorSearch.js';

const DIM = 384;
const small = process.env.BENCH_SCALE === 'small';
const LARGE_N = small ? 10_000 : 100_000;
const ARTICLES = small ? 300 : 1000;

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const f = (x: number, d = 1) => x.toFixed(d);

async function main(): Promise<void> {
  const started = performance.now();
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };

  // Which embedder is real here: the configured model when it loads, else the deterministic fake.
  const model = process.env.EMBEDDING_MODEL ?? 'Xenova/multilingual-e5-small';
  const real = await loadEmbeddings({ model, dataDir: resolve(process.env.DATA_DIR ?? './data') });
  const fake = new HashingEmbeddings(DIM);
  const ingestEmbeddings = real.embeddings ? real : { embeddings: fake, status: { model: fake.modelId, available: true, dimension: DIM, reason: null } };
  results.embedders = {
    configured: model,
    configuredLoaded: real.status.available,
    reason: real.status.reason,
    usedForIngestion: ingestEmbeddings.status.model,
    usedForVectors: 'synthetic clustered 384-d vectors (deterministic)',
  };
  log(`embedding model ${model}: ${real.status.available ? 'loaded' : `not loaded (${real.status.reason}); using the deterministic hashing fake`}`);

  log(`generating ${LARGE_N} clustered ${DIM}-d vectors`);
  const { vectors, query } = clusteredVectors(LARGE_N, DIM);
  const queries = Array.from({ length: 200 }, (_, i) => query(i));

  log('vector search at 10,000');
  const at10k = benchVectorSearch(vectors.slice(0, 10_000), queries).result;
  let large = at10k;
  let largeGraph;
  if (LARGE_N > 10_000) {
    log(`vector search at ${LARGE_N} (building the graph takes a minute or two)`);
    const run = benchVectorSearch(vectors, queries);
    large = run.result;
    largeGraph = run.index;
  }
  results.vectorSearch = LARGE_N > 10_000 ? [at10k, large] : [at10k];

  log('store comparison with langchain HNSWLib at 10,000');
  results.storeComparison = { n: 10_000, rows: await compareWithLangchain(vectors.slice(0, 10_000), queries) };

  log(`ingestion of ${ARTICLES} articles`);
  results.ingestion = await benchIngestion(ARTICLES, ingestEmbeddings);

  log(`end-to-end ask latency at ${LARGE_N} passages`);
  const root = mkdtempSync(join(tmpdir(), 'bench-ask-'));
  try {
    const built = buildStore(join(root, 'data'), vectors, 'synthetic-384', { graph: largeGraph });
    results.storeBuildSeconds = built.seconds;
    const inference = real.embeddings ?? fake;
    results.askLatency = await benchAskLatency(built.store, built.texts, new SyntheticQueryEmbeddings('synthetic-384', DIM, query), inference);
    built.store.close();
    if (process.env.DATABASE_URL) {
      // The same workloads on PostgreSQL, printed beside SQLite's.
      results.postgres = await benchPostgres(
        process.env.DATABASE_URL,
        { articles: ARTICLES, ingestEmbeddings, texts: built.texts, writes: built.writes, model: 'synthetic-384', queryEmbeddings: new SyntheticQueryEmbeddings('synthetic-384', DIM, query), inference },
        log,
      );
    }
    log('resident memory with the store loaded (child process)');
    const probe = execFileSync(process.execPath, [...siblingScript(import.meta.dirname, 'memoryProbe').args, join(root, 'data')], { encoding: 'utf8' });
    results.memory = JSON.parse(probe.trim().split('\n').at(-1)!);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  log('cold start of npm run ask (compiled CLI, lexical mode)');
  results.coldStart = benchColdStart();
  results.totalSeconds = (performance.now() - started) / 1000;

  const outDir = join(projectRoot(), 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatTable(results));
  console.log(`\nJSON: bench/results/latest.json (total ${f(results.totalSeconds as number)} s)`);
}

function formatTable(r: Record<string, any>): string {
  const lines: string[] = [];
  lines.push(`Embedders: ingestion ${r.embedders.usedForIngestion}${r.embedders.configuredLoaded ? '' : ` (configured ${r.embedders.configured} could not be loaded: deterministic fake)`}; vector figures on ${r.embedders.usedForVectors}`);
  lines.push('');
  lines.push('| vector search | N | build s | brute-force q/s | ANN q/s | speed-up | ANN recall@10 |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const v of r.vectorSearch) lines.push(`| hnswlib vs exact scan | ${v.n} | ${f(v.buildSeconds)} | ${f(v.bruteQps)} | ${f(v.annQps)} | ${f(v.speedup)}x | ${f(v.recallAt10, 3)} |`);
  lines.push('');
  lines.push(`| store (N = ${r.storeComparison.n}) | build s | query ms | save s | load s |`);
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const s of r.storeComparison.rows) lines.push(`| ${s.system} | ${f(s.buildSeconds, 2)} | ${f(s.queryMs, 3)} | ${f(s.saveSeconds, 3)} | ${f(s.loadSeconds, 3)} |`);
  const pg = r.postgres;
  const ingestRow = (backend: string, i: any) =>
    `| ${backend} | ${i.embedder} | ${i.articles} | ${i.passages} | ${f(i.firstSeconds, 2)} | ${f(i.articlesPerSecond)} | ${f(i.embeddingSeconds, 2)} | ${f(i.shareOutsideModel * 100)}% | ${f(i.overheadMsPerArticle, 2)} | ${f(i.reingestSeconds, 2)} | ${f(i.reingestSpeedup)}x |`;
  lines.push('');
  lines.push('| ingestion | embedder | articles | passages | first s | articles/s | in embedder s | share outside model | overhead ms/article | re-ingest s | re-ingest speed-up |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  lines.push(ingestRow('SQLite', r.ingestion));
  if (pg) lines.push(ingestRow('PostgreSQL', pg.ingestion));
  const askRow = (backend: string, a: any) =>
    `| ${backend} | ${a.passages} | ${f(a.p50Ms)} | ${f(a.p95Ms)} | ${f(a.inferenceP50Ms, 2)} (${a.inferenceModel}) | ${a.answered}/${a.questions} |`;
  lines.push('');
  lines.push('| ask (warm, retrieval + extractive answer) | passages | p50 ms | p95 ms | query inference p50 ms (separate) | answered |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  lines.push(askRow('SQLite: FTS5 BM25 + hnswlib', r.askLatency));
  if (pg) {
    lines.push(askRow(`PostgreSQL: BM25 in SQL + ${pg.vectorSearch}`, pg.askLatency));
    lines.push('');
    lines.push(`PostgreSQL store: written in ${f(pg.storeBuildSeconds)} s (one transaction per article); first vector search ${f(pg.firstSearchSeconds, 2)} s (${pg.vectorSearch}); target warm ask p95 <= 100 ms.`);
  } else {
    lines.push('');
    lines.push('PostgreSQL: not measured (set DATABASE_URL to print it beside SQLite).');
  }
  const m = r.memory;
  lines.push('');
  lines.push(`Resident memory with ${m.passages} passages loaded: ${f(m.rssMb)} MB RSS (heap ${f(m.heapUsedMb)} MB, graph file ${f(m.graphOnDiskMb)} MB).`);
  const c = r.coldStart;
  lines.push('');
  lines.push('| cold start | runs | wall p50 ms | wall max ms | peak RSS p50 MB | target | answered |');
  lines.push('| --- | ---: | ---: | ---: | ---: | --- | --- |');
  lines.push(c.runs === 0 ? `| ${c.command} | 0 | - | - | - | <= 500 ms, <= 120 MB | ${c.note} |` : `| ${c.command} | ${c.runs} | ${f(c.wallP50Ms)} | ${f(c.wallMaxMs)} | ${f(c.maxRssMbP50)} | <= 500 ms, <= 120 MB | ${c.answered ? 'yes' : 'NO'} |`);
  return lines.join('\n');
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
