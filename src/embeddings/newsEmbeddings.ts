import { Embeddings } from '@langchain/core/embeddings';

/**
 * A langchain Embeddings that also says which model it is and its dimension, so the
 * store can record what built the index and refuse to mix embedding spaces.
 */
export abstract class NewsEmbeddings extends Embeddings {
  abstract readonly modelId: string;
  abstract readonly dimension: number;

  /** Releases what the model holds (a worker process); embedding afterwards fails. */
  async close(): Promise<void> {}
}
