import { LangchainNewsEmbeddings } from '../src/embeddings/langchainNewsEmbeddings.js';
import type { NewsEmbeddings } from '../src/core/ports/newsEmbeddings.js';

/**
 * Deterministic fake query embedder for the latency benchmark: returns vectors from the
 * same synthetic distribution as the stored passages, so the vector index does real work.
 * Model inference is measured separately (it is not part of retrieval + answering).
 */
export class SyntheticQueryEmbeddings extends LangchainNewsEmbeddings {
  private next = 0;
  constructor(
    readonly modelId: string,
    readonly dimension: number,
    private readonly sample: (i: number) => Float32Array,
  ) {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map(() => Array.from(this.sample(this.next++)));
  }
  async embedQuery(): Promise<number[]> {
    return Array.from(this.sample(this.next++));
  }
}

/**
 * A question's real inference cost with a store of synthetic vectors: runs the model on the
 * question (its time counts in the ask), then returns a synthetic vector so that retrieval
 * works on the synthetic index. The model's own output is discarded: the stand-in's vectors
 * mean nothing anyway.
 */
export class InferredQueryEmbeddings extends LangchainNewsEmbeddings {
  constructor(
    private readonly model: NewsEmbeddings,
    private readonly synthetic: SyntheticQueryEmbeddings,
  ) {
    super({});
  }
  get modelId(): string {
    return this.synthetic.modelId;
  }
  get dimension(): number {
    return this.synthetic.dimension;
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    await this.model.embedDocuments(texts);
    return this.synthetic.embedDocuments(texts);
  }
  async embedQuery(text: string): Promise<number[]> {
    await this.model.embedQuery(text);
    return this.synthetic.embedQuery();
  }
}
