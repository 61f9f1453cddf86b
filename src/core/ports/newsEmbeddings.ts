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

/** What happened when the embedding model was asked for; recorded in the manifest. */
export interface EmbeddingStatus {
  model: string;
  available: boolean;
  dimension: number | null;
  reason: string | null;
}

export interface EmbedOptions {
  /** Text a waiting question needs (its answer's sentences): ahead of a re-ingest's passages. */
  forQuestion?: boolean;
}

/** Embeds passages with any NewsEmbeddings, as Float32Array for compact storage. */
export async function embedPassages(embeddings: NewsEmbeddings, texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
  // The transformers adapter embeds passages with its "passage: " prefix; others use langchain's interface.
  const withPassages = embeddings as NewsEmbeddings & { embedPassages?: (texts: string[], options?: EmbedOptions) => Promise<Float32Array[]> };
  if (typeof withPassages.embedPassages === 'function') return withPassages.embedPassages(texts, options);
  return (await embeddings.embedDocuments(texts)).map((v) => Float32Array.from(v));
}

/** Embeds a question (models with separate query and passage prefixes use the query one). */
export async function embedQuery(embeddings: NewsEmbeddings, text: string): Promise<Float32Array> {
  return Float32Array.from(await embeddings.embedQuery(text));
}
