import { NewsEmbeddings } from '../src/embeddings/newsEmbeddings.js';

/**
 * Deterministic fake query embedder for the latency benchmark: returns vectors from the
 * same synthetic distribution as the stored passages, so the vector index does real work.
 * Model inference is measured separately (it is not part of retrieval + answering).
 */
export class SyntheticQueryEmbeddings extends NewsEmbeddings {
  private next = 0;
  constructor(readonly modelId: string, readonly dimension: number, private readonly sample: (i: number) => Float32Array) {
    super({});
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map(() => Array.from(this.sample(this.next++)));
  }
  async embedQuery(): Promise<number[]> {
    return Array.from(this.sample(this.next++));
  }
}
