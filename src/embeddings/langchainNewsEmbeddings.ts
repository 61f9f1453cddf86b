import { Embeddings } from '@langchain/core/embeddings';
import type { NewsEmbeddings } from '../core/ports/newsEmbeddings.js';

/** The base of this project's embedding adapters: a langchain Embeddings that is also a NewsEmbeddings. */
export abstract class LangchainNewsEmbeddings extends Embeddings implements NewsEmbeddings {
  abstract readonly modelId: string;
  abstract readonly dimension: number;

  /** Releases what the model holds (a child process); embedding afterwards fails. */
  async close(): Promise<void> {}
}
