import { embedPassages } from '../ports/newsEmbeddings.js';
import type { NewsEmbeddings } from '../ports/newsEmbeddings.js';
import { splitSentences } from '../text/sentences.js';
import { cosine } from '../calibration/cosine.js';

/** Sentence vectors kept for this many passages (about 1.5 MB at 384 dimensions and 5 sentences each). */
const CACHED_PASSAGES = 2000;

/**
 * Similarity of each sentence of a passage to the question vector, so that sentence
 * selection works across languages: a German sentence can answer an English question that
 * shares none of its words. Each passage's sentence vectors are computed once and kept
 * (least recently used out first), since the same passages answer many questions.
 */
export class SentenceSimilarity {
  private readonly cache = new Map<number, Float32Array[]>();

  constructor(private readonly embeddings: NewsEmbeddings) {}

  private async vectorsFor(passage: { id: number; text: string; language: string }): Promise<Float32Array[]> {
    const cached = this.cache.get(passage.id);
    if (cached) {
      this.cache.delete(passage.id);
      this.cache.set(passage.id, cached);
      return cached;
    }
    const vectors = await embedPassages(this.embeddings, splitSentences(passage.text, passage.language), { forQuestion: true });
    this.cache.set(passage.id, vectors);
    if (this.cache.size > CACHED_PASSAGES) this.cache.delete(this.cache.keys().next().value!);
    return vectors;
  }

  /** Per passage id, the similarity of each of its sentences (in splitSentences order) to the question. */
  async score(passages: Array<{ id: number; text: string; language: string }>, queryVector: Float32Array): Promise<Map<number, number[]>> {
    const result = new Map<number, number[]>();
    for (const passage of passages)
      result.set(
        passage.id,
        (await this.vectorsFor(passage)).map((v) => cosine(v, queryVector)),
      );
    return result;
  }
}
