import { KnowledgeBase } from '../src/core/knowledgeBase.js';
import type { NewsEmbeddings } from '../src/core/ports/newsEmbeddings.js';
import { embedQuery } from '../src/core/ports/newsEmbeddings.js';
import type { KnowledgeStore } from '../src/core/ports/knowledgeStore.js';
import { percentile } from '../eval/metrics.js';
import { seededRandom } from './synthetic.js';

export interface AskLatencyResult {
  passages: number;
  questions: number;
  p50Ms: number;
  p95Ms: number;
  inferenceP50Ms: number;
  inferenceModel: string;
  answered: number;
}

/** Warm end-to-end ask (retrieval + extractive answer) latency; query inference timed apart. */
export async function benchAskLatency(
  store: KnowledgeStore,
  texts: string[],
  queryEmbeddings: NewsEmbeddings,
  inference: NewsEmbeddings,
  count = 200,
): Promise<AskLatencyResult> {
  await store.warmUpForQuestions(); // as the bot does
  const kb = new KnowledgeBase({
    store,
    embeddings: queryEmbeddings,
    embeddingStatus: { model: queryEmbeddings.modelId, available: true, dimension: queryEmbeddings.dimension, reason: null },
  });
  const random = seededRandom(99);
  const questions = Array.from({ length: count }, () => {
    const words = texts[Math.floor(random() * texts.length)]!.replace(/[.]/g, '').split(' ');
    const start = Math.floor(random() * (words.length - 6));
    return `What about ${words.slice(start, start + 5).join(' ')}?`;
  });
  for (const q of questions.slice(0, 10)) await kb.ask(q); // warm-up: caches, JIT, graph load
  const latencies: number[] = [];
  let answered = 0;
  for (const q of questions) {
    const t = performance.now();
    const answer = await kb.ask(q);
    latencies.push(performance.now() - t);
    if (!answer.noAnswer) answered++;
  }
  const inferenceTimes: number[] = [];
  for (const q of questions.slice(0, 50)) {
    const t = performance.now();
    await embedQuery(inference, q);
    inferenceTimes.push(performance.now() - t);
  }
  return {
    passages: await store.passageCount(),
    questions: count,
    p50Ms: percentile(latencies, 50)!,
    p95Ms: percentile(latencies, 95)!,
    inferenceP50Ms: percentile(inferenceTimes, 50)!,
    inferenceModel: inference.modelId,
    answered,
  };
}
