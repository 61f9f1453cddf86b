import { HashingEmbeddings } from '../../src/embeddings/hashingEmbeddings.js';

export interface FakeModelOptions {
  /**
   * Weight of one direction every text shares: 0 gives a bag-of-words scale (unrelated text
   * about 0); 2 gives multilingual-e5's scale (unrelated text about 0.8, related higher),
   * since cos = (b² + words·words) / (b² + 1) for unit word vectors.
   */
  baseline?: number;
  modelId?: string;
}

/**
 * A fake multilingual model: texts that mention the same concept, in whatever language, get
 * close vectors (each concept phrase adds a concept direction next to the text's own words),
 * other texts are compared by their words (hashing vectors). Stands in for multilingual-e5,
 * which places translations close together, where no model can be loaded. A passage holding
 * a concept stays mostly about its words, as a real model's vector of a long text does.
 */
export class TranslationEmbeddings extends HashingEmbeddings {
  /** A concept's weight against the text's own words (a unit vector). */
  private static readonly CONCEPT_WEIGHT = 1.2;
  override readonly modelId: string;
  private readonly baseline: number;

  constructor(
    private readonly concepts: string[][],
    dimension = 384,
    options: FakeModelOptions = {},
  ) {
    super(dimension);
    this.baseline = options.baseline ?? 0;
    this.modelId = options.modelId ?? `translation-fake-${dimension}${this.baseline ? `-baseline-${this.baseline}` : ''}`;
  }

  override embedText(text: string): Float32Array {
    const vector = super.embedText(text);
    const lower = text.toLowerCase();
    this.concepts.forEach((phrases, i) => {
      if (!phrases.some((p) => lower.includes(p.toLowerCase()))) return;
      const concept = super.embedText(`concept-${i}`);
      for (let d = 0; d < vector.length; d++) vector[d]! += TranslationEmbeddings.CONCEPT_WEIGHT * concept[d]!;
    });
    normalize(vector);
    if (this.baseline > 0) {
      const shared = super.embedText('direction every text shares');
      for (let d = 0; d < vector.length; d++) vector[d]! += this.baseline * shared[d]!;
      normalize(vector);
    }
    return vector;
  }
}

function normalize(vector: Float32Array): void {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < vector.length; d++) vector[d]! /= norm;
}
