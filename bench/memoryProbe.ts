/**
 * Run in a child process by the benchmark: opens a store as the bot does (vector graph and
 * in-memory lexical index), answers a few questions, and prints its resident memory as JSON. A separate process so nothing the
 * benchmark itself allocated is counted. With a model folder (and precision) as further
 * arguments, the bot's embedding worker is loaded too and each question runs the model;
 * the worker's memory is reported beside the bot's.
 */
import { KnowledgeBase } from '../src/core/knowledgeBase.js';
import { ProcessEmbeddings } from '../src/embeddings/processEmbeddings.js';
import { SqliteStore } from '../src/store/sqlite/sqliteStore.js';
import { residentMb } from './processMemory.js';
import { clusteredVectors } from './synthetic.js';
import { InferredQueryEmbeddings, SyntheticQueryEmbeddings } from './queryEmbeddings.js';

const [dataDir, modelFolder, precision] = process.argv.slice(2) as [string, string | undefined, 'int8' | 'fp32' | undefined];
const store = SqliteStore.open(dataDir);
if (process.env.BENCH_NO_LEXICON !== '1') await store.warmUpForQuestions(); // as the bot does
const space = (await store.vectorSpace())!;
const { query } = clusteredVectors(1, space.dim);
const synthetic = new SyntheticQueryEmbeddings(space.model, space.dim, query);
const model = modelFolder ? await ProcessEmbeddings.start({ model: modelFolder, cacheDir: modelFolder, precision: precision ?? 'int8', threads: 1 }) : null;
const embeddings = model ? new InferredQueryEmbeddings(model, synthetic) : synthetic;
const kb = new KnowledgeBase({ store, embeddings, embeddingStatus: { model: space.model, available: true, dimension: space.dim, reason: null } });
for (let i = 0; i < 20; i++) await kb.ask(`What about question number ${i} kalo renmi?`);
const memory = process.memoryUsage();
const workerRssMb = model?.workerPid ? residentMb(model.workerPid) : null;
console.log(
  JSON.stringify({
    passages: await store.passageCount(),
    rssMb: memory.rss / 2 ** 20,
    heapUsedMb: memory.heapUsed / 2 ** 20,
    graphOnDiskMb: store.annBytesOnDisk() / 2 ** 20,
    workerRssMb,
  }),
);
await model?.close();
await store.close();
