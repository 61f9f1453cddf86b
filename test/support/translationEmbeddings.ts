import { HashingEmbeddings } from '../../src/embeddings/hashingEmbeddings.js';

/**
 * A fake multilingual model: texts that mention the same concept, in whatever language, get
 * nearly the same vector (the concept dominates; a small hashing part keeps texts apart), and
 * texts about none of the concepts get unrelated hashing vectors. Stands in for
 * multilingual-e5, which places translations close together, where no model can be loaded.
 */
export class TranslationEmbeddings extends HashingEmbeddings {
  /** How much of a vector the words themselves decide, next to the concept. */
  private static readonly WORD_SHARE = 0.25;

  constructor(private readonly concepts: string[][], dimension = 384) {
    super(dimension);
  }

  override embedText(text: string): Float32Array {
    const words = super.embedText(text);
    const lower = text.toLowerCase();
    const vector = new Float32Array(this.dimension);
    let matched = false;
    this.concepts.forEach((phrases, i) => {
      if (!phrases.some((p) => lower.includes(p.toLowerCase()))) return;
      matched = true;
      const concept = super.embedText(`concept-${i}`);
      for (let d = 0; d < vector.length; d++) vector[d]! += concept[d]!;
    });
    if (!matched) return words;
    let norm = 0;
    for (let d = 0; d < vector.length; d++) {
      vector[d] = vector[d]! + TranslationEmbeddings.WORD_SHARE * words[d]!;
      norm += vector[d]! * vector[d]!;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < vector.length; d++) vector[d]! /= norm;
    return vector;
  }
}
