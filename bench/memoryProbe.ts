/**
 * Run in a child process by the benchmark: opens a store, loads the vector graph, answers a
 * few questions, and prints its resident memory as JSON. A separate process so nothing the
 * benchmark itself allocated is counted.
 */
import { KnowledgeBase } from '../src/core/knowledgeBase.js';
import { NewsStore } from '../src/store/newsStore.js';
import { clusteredVectors } from './synthetic.js';
import { SyntheticQueryEmbeddings } from './queryEmbeddings.js';

const dataDir = process.argv[2]!;
const store = NewsStore.open(dataDir);
const space = (await store.vectorSpace())!;
const { query } = clusteredVectors(1, space.dim);
const embeddings = new SyntheticQueryEmbeddings(space.model, space.dim, query);
const kb = new KnowledgeBase({ store, embeddings, embeddingStatus: { model: space.model, available: true, dimension: space.dim, reason: null } });
for (let i = 0; i < 20; i++) await kb.ask(`What about question number ${i} kalo renmi?`);
const memory = process.memoryUsage();
console.log(JSON.stringify({ passages: await store.passageCount(), rssMb: memory.rss / 2 ** 20, heapUsedMb: memory.heapUsed / 2 ** 20, graphOnDiskMb: store.annBytesOnDisk() / 2 ** 20 }));
await store.close();
