/**
 * `npm run bench`: speed and memory, measured side by side in one run, printed as a table
 * and written to bench/results/latest.json. Each figure says which embedder produced it.
 * Set BENCH_SCALE=small for a quick run (10k instead of 100k). With DATABASE_URL, ingestion
 * and warm asks also run on PostgreSQL (throwaway schemas) and are printed beside SQLite's.
 * The model section uses a random-weight stand-in of multilingual-e5-small's exact size
 * (written to bench/.cache by `npm run bench:model` or here); BENCH_SKIP_MODEL=1 skips it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadEmbeddings } from '../embeddings/loadEmbeddings.js';
import { HashingEmbeddings } from '../embeddings/hashingEmbeddings.js';
import { benchAskLatency } from '../../bench/askLatency.js';
import { benchColdStart } from '../../bench/coldStart.js';
import { projectRoot, siblingScript } from '../../bench/projectPaths.js';
import { benchIngestion } from '../../bench/ingestion.js';
import { benchPostgres } from '../../bench/postgres.js';
import { compareWithLangchain } from '../../bench/langchainComparison.js';
import { SyntheticQueryEmbeddings } from '../../bench/queryEmbeddings.js';
import { buildStore } from '../../bench/storeFixture.js';
import { SqliteStore } from '../store/sqlite/sqliteStore.js';
import { benchDiscordDuringReingest } from '../../bench/discordDuringReingest.js';
import type { Precision } from '../../bench/model/encoderGraph.js';
import { measureEmbeddingCosts } from '../../bench/model/modelCosts.js';
import { ensureStandInModel } from '../../bench/model/standInModel.js';
import { standInVectors } from '../../bench/model/standInVectors.js';
import { InferredQueryEmbeddings } from '../../bench/queryEmbeddings.js';
import { ProcessEmbeddings } from '../embeddings/processEmbeddings.js';
import { defaultEmbeddingThreads } from '../embeddings/embeddingDefaults.js';
import { clusteredVectors, harderVectors } from '../../bench/synthetic.js';
import { benchVectorSearch } from '../../bench/vectorSearch.js';
import { benchScopedSearch } from '../../bench/scopedSearch.js';
import { runMain } from './runMain.js';

const DIM = 384;
const small = process.env.BENCH_SCALE === 'small';
const LARGE_N = small ? 10_000 : 100_000;
const ARTICLES = small ? 300 : 1000;
/** Articles a first ingest with the stand-in embeds per precision, and the Discord re-ingest's size. */
const MODEL_ARTICLES = small ? 20 : 60;
const REINGEST_ARTICLES = small ? 100 : 1000;

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

  // First, while this process is small: spawning from a parent holding gigabytes of vectors
  // adds fork time that a user's shell does not have.
  log('cold start of npm run ask (compiled CLI, lexical mode)');
  results.coldStart = benchColdStart();

  log(`generating ${LARGE_N} clustered ${DIM}-d vectors`);
  const { vectors, query } = clusteredVectors(LARGE_N, DIM);
  const queries = Array.from({ length: 200 }, (_, i) => query(i));

  log('vector search at 10,000');
  const at10k = benchVectorSearch(vectors.slice(0, 10_000), queries).result;
  let large = at10k;
  let largeGraph: ReturnType<typeof benchVectorSearch>['index'] | undefined;
  if (LARGE_N > 10_000) {
    log(`vector search at ${LARGE_N} (building the graph takes a minute or two)`);
    const run = benchVectorSearch(vectors, queries);
    large = run.result;
    largeGraph = run.index;
  }
  results.vectorSearch = LARGE_N > 10_000 ? [at10k, large] : [at10k];

  log(`vector search on the harder distribution (anisotropic, uneven clusters, near-duplicates) at 10,000 and ${LARGE_N}`);
  const harder = harderVectors(LARGE_N, DIM);
  const harderQueries = Array.from({ length: 200 }, (_, i) => harder.query(i));
  results.vectorSearchHarder = [benchVectorSearch(harder.vectors.slice(0, 10_000), harderQueries).result];
  if (LARGE_N > 10_000) (results.vectorSearchHarder as unknown[]).push(benchVectorSearch(harder.vectors, harderQueries).result);

  log('store comparison with langchain HNSWLib at 10,000 (harder distribution)');
  results.storeComparison = { n: 10_000, distribution: 'harder', rows: await compareWithLangchain(harder.vectors.slice(0, 10_000), harderQueries) };

  log(`ingestion of ${ARTICLES} articles`);
  results.ingestion = await benchIngestion(ARTICLES, ingestEmbeddings);

  // The real-size stand-in (written once into bench/.cache) for the model and Discord sections.
  const standIn = process.env.BENCH_SKIP_MODEL === '1' ? null : ensureStandInModel(log);

  log(`end-to-end ask latency at ${LARGE_N} passages`);
  const root = mkdtempSync(join(tmpdir(), 'bench-ask-'));
  try {
    const built = buildStore(join(root, 'data'), vectors, 'synthetic-384', { graph: largeGraph });
    results.storeBuildSeconds = built.seconds;
    const inference = real.embeddings ?? fake;
    results.askLatency = await benchAskLatency(built.store, built.texts, new SyntheticQueryEmbeddings('synthetic-384', DIM, query), inference);
    log(`scoped against unscoped search at ${LARGE_N} passages (a server's sources)`);
    results.scopedSearch = await benchScopedSearch(built.store, built.texts, vectors, queries);
    built.store.close();
    if (process.env.DATABASE_URL) {
      // The same workloads on PostgreSQL, printed beside SQLite's.
      results.postgres = await benchPostgres(
        process.env.DATABASE_URL,
        {
          articles: ARTICLES,
          ingestEmbeddings,
          texts: built.texts,
          writes: built.writes,
          model: 'synthetic-384',
          queryEmbeddings: new SyntheticQueryEmbeddings('synthetic-384', DIM, query),
          inference,
        },
        log,
      );
    }
    log('resident memory with the store loaded (child process)');
    const probe = (...extra: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [...siblingScript(join(import.meta.dirname, '..', '..', 'bench'), 'memoryProbe').args, join(root, 'data'), ...extra], {
          encoding: 'utf8',
        })
          .trim()
          .split('\n')
          .at(-1)!,
      );
    results.memory = probe();

    if (standIn) {
      const threads = defaultEmbeddingThreads();
      const model: Record<string, unknown> = {};
      for (const precision of ['int8', 'fp32'] as Precision[]) {
        log(`stand-in model, ${precision}: embedding costs (worker process, EMBEDDING_THREADS=${threads})`);
        const costs = await measureEmbeddingCosts(standIn, precision, { threads, articles: MODEL_ARTICLES, log });
        log(`stand-in model, ${precision}: ask latency with question inference at ${LARGE_N} passages`);
        const inference = await ProcessEmbeddings.start({ model: standIn, cacheDir: standIn, precision, threads });
        const synthetic = new SyntheticQueryEmbeddings('synthetic-384', DIM, query);
        const reopened = SqliteStore.open(join(root, 'data'));
        const ask = await benchAskLatency(reopened, built.texts, new InferredQueryEmbeddings(inference, synthetic), inference, 100);
        await reopened.close();
        if (precision === 'int8') {
          log('ANN recall on stand-in model vectors');
          const sample = await standInVectors(inference, small ? 1500 : 3000, 100);
          results.vectorSearchStandIn = benchVectorSearch(sample.vectors, sample.queries).result;
        }
        await inference.close();
        log(`stand-in model, ${precision}: bot memory with the model and ${LARGE_N} passages`);
        const memory = probe(standIn, precision);
        log(`stand-in model, ${precision}: cold start to first answer`);
        const coldStart = benchColdStart(3, { folder: standIn, precision });
        model[precision] = { ...costs, ask, memory, coldStart };
      }
      results.model = {
        folder: standIn,
        note: 'random weights of the exact multilingual-e5-small shape: costs only, its vectors mean nothing',
        threads,
        ...model,
      };
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  if (standIn) {
    log(`Discord during a re-ingest of ${REINGEST_ARTICLES} articles with the stand-in (int8)`);
    results.discord = await benchDiscordDuringReingest({ modelFolder: standIn, precision: 'int8', articles: REINGEST_ARTICLES, log });
  }
  results.totalSeconds = (performance.now() - started) / 1000;

  const outDir = join(projectRoot(), 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatTable(results));
  console.log(`\nJSON: bench/results/latest.json (total ${f(results.totalSeconds as number)} s)`);
}

/** Scoped (a server's sources) against unscoped search, as ratios side by side. */
function formatScopedSearch(s: any): string[] {
  const u = s.unscoped;
  const ratio = (a: number, b: number) => `${f(a / b, 2)}x`;
  const lines = [
    `| search in a scope at ${s.passages} passages (50 candidates) | passages | vector strategy | lexical p50 / p95 ms | vs unscoped | vector p50 / p95 ms | vs unscoped | first ms | recall@10 | scan / filtered graph p50 ms | filtered recall@10 |`,
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| unscoped | ${s.passages} | graph | ${f(u.lexicalP50Ms, 2)} / ${f(u.lexicalP95Ms, 2)} | 1.00x | ${f(u.vectorP50Ms, 2)} / ${f(u.vectorP95Ms, 2)} | 1.00x | | | | |`,
  ];
  for (const row of s.scopes)
    lines.push(
      `| ${f(row.share * 100, 0)}% of sources | ${row.passages} | ${row.strategy} | ${f(row.lexicalP50Ms, 2)} / ${f(row.lexicalP95Ms, 2)} | ${ratio(row.lexicalP50Ms, u.lexicalP50Ms)} | ` +
        `${f(row.vectorP50Ms, 2)} / ${f(row.vectorP95Ms, 2)} | ${ratio(row.vectorP50Ms, u.vectorP50Ms)} | ${f(row.vectorFirstMs, 1)} | ${f(row.recallAt10, 3)} | ` +
        `${f(row.exactScanP50Ms, 2)} / ${f(row.filteredGraphP50Ms, 2)} | ${f(row.filteredGraphRecallAt10, 3)} |`,
    );
  return lines;
}

function formatTable(r: Record<string, any>): string {
  const lines: string[] = [];
  lines.push(
    `Embedders: ingestion ${r.embedders.usedForIngestion}${r.embedders.configuredLoaded ? '' : ` (configured ${r.embedders.configured} could not be loaded: deterministic fake)`}; vector figures on ${r.embedders.usedForVectors}`,
  );
  lines.push('');
  lines.push(`| vector search (hnswlib vs exact scan, default ef) | N | build s | brute-force q/s | ANN q/s | speed-up | ANN recall@10 |`);
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const vectorRow = (label: string, v: any) =>
    `| ${label} | ${v.n} | ${f(v.buildSeconds)} | ${f(v.bruteQps)} | ${f(v.annQps)} | ${f(v.speedup)}x | ${f(v.recallAt10, 3)} |`;
  for (const v of r.vectorSearch) lines.push(vectorRow('clustered', v));
  for (const v of r.vectorSearchHarder) lines.push(vectorRow('harder (anisotropic, uneven clusters, near-duplicates)', v));
  if (r.vectorSearchStandIn) lines.push(vectorRow('stand-in model vectors (int8, short texts)', r.vectorSearchStandIn));
  lines.push('');
  const opt = (x: number | null, d: number) => (x === null ? '' : f(x, d));
  lines.push(
    `| store (N = ${r.storeComparison.n}, ${r.storeComparison.distribution} distribution), results hydrated | build s | query ms | recall@10 | save s | load s |`,
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.storeComparison.rows)
    lines.push(
      `| ${s.system} | ${opt(s.buildSeconds, 2)} | ${f(s.queryMs, 3)} | ${opt(s.recallAt10, 3)} | ${opt(s.saveSeconds, 3)} | ${opt(s.loadSeconds, 3)} |`,
    );
  const storeRow = (start: string) => r.storeComparison.rows.find((s: { system: string }) => s.system.startsWith(start));
  const [ours, botHybrid, lcDefault, lcSameEf] = ['newsdesk vector-only', 'newsdesk hybrid, bot', 'langchain HNSWLib (', 'langchain HNSWLib, ef'].map(storeRow);
  if (ours && botHybrid && lcDefault && lcSameEf) {
    const ratio = (a: number, b: number) => `${f(a / b, 2)}x`;
    lines.push(
      '',
      `Ratios (query time, lower is faster): vector-only / HNSWLib default ${ratio(ours.queryMs, lcDefault.queryMs)}, / HNSWLib at our ef ${ratio(ours.queryMs, lcSameEf.queryMs)} (target < 1); ` +
        `bot hybrid / HNSWLib default ${ratio(botHybrid.queryMs, lcDefault.queryMs)}, / HNSWLib at our ef ${ratio(botHybrid.queryMs, lcSameEf.queryMs)} (target <= 2); load ${ratio(ours.loadSeconds, lcDefault.loadSeconds)} (target <= 1).`,
    );
  }
  const pg = r.postgres;
  const ingestRow = (backend: string, i: any) =>
    `| ${backend} | ${i.embedder} | ${i.articles} | ${i.passages} | ${f(i.firstSeconds, 2)} | ${f(i.articlesPerSecond)} | ${f(i.embeddingSeconds, 2)} | ${f(i.shareOutsideModel * 100)}% | ${f(i.overheadMsPerArticle, 2)} | ${f(i.reingestSeconds, 2)} | ${f(i.reingestSpeedup)}x |`;
  lines.push('');
  lines.push(
    '| ingestion | embedder | articles | passages | first s | articles/s | in embedder s | share outside model | overhead ms/article | re-ingest s | re-ingest speed-up |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  lines.push(ingestRow('SQLite', r.ingestion));
  if (pg) lines.push(ingestRow('PostgreSQL', pg.ingestion));
  if (r.ingestion.diskBytes)
    lines.push(
      '',
      `SQLite data folder after the first ingest: ${f(r.ingestion.diskBytes / 2 ** 20)} MB for ${r.ingestion.articles} articles (${r.ingestion.passages} passages, 384-d vectors).`,
    );
  const askRow = (backend: string, a: any) =>
    `| ${backend} | ${a.passages} | ${f(a.p50Ms)} | ${f(a.p95Ms)} | ${f(a.inferenceP50Ms, 2)} (${a.inferenceModel}) | ${a.answered}/${a.questions} |`;
  lines.push('');
  lines.push('| ask (warm, retrieval + extractive answer) | passages | p50 ms | p95 ms | query inference p50 ms (separate) | answered |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  lines.push(askRow('SQLite: FTS5 BM25 + hnswlib', r.askLatency));
  if (pg) {
    lines.push(askRow(`PostgreSQL: BM25 in SQL + ${pg.vectorSearch}`, pg.askLatency));
    lines.push('');
    lines.push(
      `PostgreSQL store: written in ${f(pg.storeBuildSeconds)} s (one transaction per article); first vector search ${f(pg.firstSearchSeconds, 2)} s (${pg.vectorSearch}); target warm ask p95 <= 100 ms.`,
    );
  } else {
    lines.push('');
    lines.push('PostgreSQL: not measured (set DATABASE_URL to print it beside SQLite).');
  }
  if (r.scopedSearch) lines.push('', ...formatScopedSearch(r.scopedSearch));
  const m = r.memory;
  lines.push('');
  lines.push(`Resident memory with ${m.passages} passages loaded: ${f(m.rssMb)} MB RSS (heap ${f(m.heapUsedMb)} MB, graph file ${f(m.graphOnDiskMb)} MB).`);
  const c = r.coldStart;
  lines.push('');
  lines.push('| cold start | runs | wall p50 ms | wall max ms | peak RSS p50 MB | target | answered |');
  lines.push('| --- | ---: | ---: | ---: | ---: | --- | --- |');
  lines.push(
    c.runs === 0
      ? `| ${c.command} | 0 | - | - | - | <= 500 ms, <= 120 MB | ${c.note} |`
      : `| ${c.command} | ${c.runs} | ${f(c.wallP50Ms)} | ${f(c.wallMaxMs)} | ${f(c.maxRssMbP50)} | <= 500 ms, <= 120 MB | ${c.answered ? 'yes' : 'NO'} |`,
  );
  if (r.model) lines.push('', ...formatModel(r.model));
  if (r.discord) lines.push('', ...formatDiscord(r.discord));
  return lines.join('\n');
}

function formatModel(m: Record<string, any>): string[] {
  const p = ['int8', 'fp32'].filter((k) => m[k]);
  const row = (label: string, cell: (x: any) => string) => `| ${label} | ${p.map((k) => cell(m[k])).join(' | ')} |`;
  const lines = [
    `Stand-in for Xenova/multilingual-e5-small (${m.note}); embedding in a worker process with EMBEDDING_THREADS=${m.threads}.`,
    '',
    `| real-size model | ${p.join(' | ')} |`,
    `| --- | ${p.map(() => '---:').join(' | ')} |`,
    row('model load s (worker start to ready)', (x) => f(x.loadSeconds, 2)),
    row('tokens per passage (words)', (x) => `${f(x.tokensPerPassage, 0)} (${f(x.wordsPerPassage, 0)})`),
    ...[0, 1, 2].map((i) => row(`passages/s, batch ${p.length ? m[p[0]!].byBatch[i]?.batchSize : ''}`, (x) => f(x.byBatch[i]?.passagesPerSecond ?? 0))),
    row('question embedding p50 / p95 ms', (x) => `${f(x.queryP50Ms)} / ${f(x.queryP95Ms)}`),
    row('first ingest: articles/s (articles, passages)', (x) => `${f(x.ingestion.articlesPerSecond, 2)} (${x.ingestion.articles}, ${x.ingestion.passages})`),
    row('share of ingest time outside the model (target <= 15%)', (x) => `${f(x.ingestion.shareOutsideModel * 100)}%`),
    row(`ask incl. question inference at ${p.length ? m[p[0]!].ask.passages : ''} passages p50 / p95 ms`, (x) => `${f(x.ask.p50Ms)} / ${f(x.ask.p95Ms)}`),
    row(
      'bot memory with the model: main + worker = total MB',
      (x) => `${f(x.memory.rssMb, 0)} + ${f(x.memory.workerRssMb ?? 0, 0)} = ${f(x.memory.rssMb + (x.memory.workerRssMb ?? 0), 0)}`,
    ),
    row('worker RSS after a first ingest MB', (x) => f(x.workerRssMb ?? 0, 0)),
    row(
      'cold start to first answer (npm run ask) wall p50 ms / peak RSS MB',
      (x) => `${f(x.coldStart.wallP50Ms ?? 0, 0)} / ${f(x.coldStart.maxRssMbP50 ?? 0, 0)}${x.coldStart.answered ? '' : ' (NOT answered)'}`,
    ),
  ];
  return lines;
}

function formatDiscord(d: Record<string, any>): string[] {
  const row = (label: string, w: any) =>
    `| ${label} | ${w.asks} | ${f(w.firstResponseP50Ms, 0)} | ${f(w.firstResponseP99Ms, 0)} | ${f(w.answerP50Ms, 0)} | ${f(w.answerP99Ms, 0)} | ${f(w.eventLoopDelayP99Ms)} | ${f(w.eventLoopDelayMaxMs)} | ${w.answered}/${w.asks} |`;
  return [
    `Discord bot (discord.js against the fake Discord on 127.0.0.1, ${d.model}), waves of 50 concurrent /ask:`,
    '',
    '| | asks | first response p50 ms | p99 ms | answer p50 ms | p99 ms | event-loop delay p99 ms | max ms | answered |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('no re-ingest', d.idle),
    row(`during /reingest of ${d.articles} articles (${d.passagesEmbedded} passages embedded in ${f(d.reingestSeconds, 0)} s)`, d.duringReingest),
    '',
    `Targets during the re-ingest: first response p99 <= 250 ms, event-loop delay p99 <= 50 ms. Gateway heartbeats (interval ${d.heartbeatIntervalMs} ms): longest gap ${d.longestHeartbeatGapMs} ms, missed ${d.missedHeartbeats}, reconnects ${d.reconnects}.`,
  ];
}

runMain('bench failed', main, { withStack: true });
