import type { NewsEmbeddings } from '../../src/core/ports/newsEmbeddings.js';
import { embedPassages, embedQuery } from '../../src/core/ports/newsEmbeddings.js';
import { makeVocabulary, sentence, zipfSampler } from '../synthetic.js';

/**
 * Vectors from the stand-in model for the ANN recall check: its random weights give a
 * distribution nobody tuned the graph for (strongly anisotropic, like untrained encoders).
 */
export async function standInVectors(
  embeddings: NewsEmbeddings,
  count: number,
  queries: number,
): Promise<{ vectors: Float32Array[]; queries: Float32Array[] }> {
  const word = zipfSampler(makeVocabulary(20_000), 31);
  const texts = Array.from({ length: count }, () => sentence(word, 12));
  const vectors = await embedPassages(embeddings, texts);
  const questionVectors: Float32Array[] = [];
  for (let i = 0; i < queries; i++) questionVectors.push(await embedQuery(embeddings, sentence(word, 8)));
  return { vectors, queries: questionVectors };
}
