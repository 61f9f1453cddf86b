import { embedQuery } from '../ports/newsEmbeddings.js';
import type { NewsEmbeddings } from '../ports/newsEmbeddings.js';
import type { KnowledgeStore } from '../ports/knowledgeStore.js';
import { countWords, splitSentences } from '../text/sentences.js';
import { cosine } from './cosine.js';
import { jaccard, NEAR_DUPLICATE_SIMILARITY, wordShingles } from '../retrieval/diversity.js';
import { BACKGROUND_QUESTIONS } from './backgroundQuestions.js';
import { summarizeProbes, type VectorCalibration } from './vectorCalibration.js';

/**
 * How many probe sentences are embedded: 200 questions' worth of model time (about 2 s with
 * multilingual-e5-small int8 on one core), enough for a 99th percentile that is not just the
 * maximum of a handful.
 */
export const MAX_PROBES = 200;
/** Sentences taken from one passage at most, so a small store still yields a spread of probes. */
const PROBES_PER_PASSAGE = 3;
/** Nearest passages read per probe: enough to find the best one from another article. */
const NEIGHBOURS = 12;
/** A store whose passage count moved by more than this factor since it was measured is measured again. */
export const REMEASURE_GROWTH = 1.5;

/**
 * The probe: a sentence of a stored passage, embedded as a question is (e5's "query:"
 * prefix), compared with its own passage (related text) and with the most similar passage of
 * any other article (unrelated text; the best one, because that is what an off-topic
 * question's retrieval meets). Sentences rather than headlines: headlines are missing for
 * files and shared by every paragraph of some corpora (a Wikipedia article's sections), and a
 * sentence is question-sized. The related score is an upper estimate (the sentence is part of
 * its passage), which is why only the unrelated side sets the gate (its 99th percentile).
 * Questions of general knowledge no news store covers (backgroundQuestions.ts) add unrelated
 * samples in the form askers use.
 */
function probeSentences(text: string, language: string): string[] {
  const sentences = splitSentences(text, language).filter((s) => countWords(s) >= 5 && countWords(s) <= 60);
  if (sentences.length <= PROBES_PER_PASSAGE) return sentences;
  const step = sentences.length / PROBES_PER_PASSAGE;
  return Array.from({ length: PROBES_PER_PASSAGE }, (_, i) => sentences[Math.floor(i * step + step / 2)]!);
}

/** Measures the loaded model on this store (`vectors`: how many passages have vectors now); null when the store has too little to measure on (fewer than two articles with vectors). */
export async function measureCalibration(
  store: KnowledgeStore,
  embeddings: NewsEmbeddings,
  vectors: number,
  now = new Date(),
): Promise<VectorCalibration | null> {
  const space = await store.vectorSpace();
  if (!space || space.model !== embeddings.modelId) return null;
  const passages = await store.probePassages(space.model, MAX_PROBES);
  if (new Set(passages.map((p) => p.documentId)).size < 2) return null;
  const probes = passages.flatMap((p) => probeSentences(p.text, p.language).map((sentence) => ({ passage: p, sentence }))).slice(0, MAX_PROBES);
  const pairs: Array<{ related: number; unrelated: number }> = [];
  for (const { passage, sentence } of probes) {
    const query = await embedQuery(embeddings, sentence);
    const hits = await store.vectorSearch(query, NEIGHBOURS);
    const hydrated = new Map((await store.passagesByIds(hits.map((h) => h.id))).map((p) => [p.id, p]));
    const own = wordShingles(passage.text);
    // Unrelated: another article's passage that does not repeat this one (a republished copy is related text).
    const unrelatedTo = (id: number) => {
      const hit = hydrated.get(id);
      return hit !== undefined && hit.documentId !== passage.documentId && jaccard(own, wordShingles(hit.text)) <= NEAR_DUPLICATE_SIMILARITY;
    };
    const other = hits.find((h) => unrelatedTo(h.id));
    // Every neighbour from the probe's own article (or a copy): the best unrelated one scores at most the last neighbour's similarity.
    const unrelated = other?.similarity ?? hits[hits.length - 1]?.similarity;
    if (unrelated === undefined) continue;
    pairs.push({ related: cosine(query, passage.vector), unrelated });
  }
  if (pairs.length === 0) return null;
  // Questions the store does not cover: their best match anywhere is unrelated text too.
  const uncovered: number[] = [];
  for (const question of BACKGROUND_QUESTIONS) {
    const [best] = await store.vectorSearch(await embedQuery(embeddings, question), 1);
    if (best) uncovered.push(best.similarity);
  }
  return summarizeProbes(pairs, { model: space.model, dim: space.dim, passages: vectors, measuredAt: now.toISOString() }, uncovered);
}

/** Whether a stored calibration still describes this store's vectors: same space, and not many more or fewer vectors since. */
export function calibrationIsCurrent(calibration: VectorCalibration | null, space: { model: string; dim: number } | null, passages: number): boolean {
  if (!calibration || !space || calibration.model !== space.model || calibration.dim !== space.dim) return false;
  const ratio = Math.max(passages, 1) / Math.max(calibration.passages, 1);
  return ratio <= REMEASURE_GROWTH && ratio >= 1 / REMEASURE_GROWTH;
}
