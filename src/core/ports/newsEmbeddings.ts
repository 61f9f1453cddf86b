/**
 * What core needs of an embedding model: vectors for questions and passages, and which model
 * it is and its dimension, so the store can record what built the index and refuse to mix
 * embedding spaces. Implemented by langchain Embeddings subclasses in src/embeddings/; an
 * interface here so that a lexical answer loads no langchain at all.
 */
export interface NewsEmbeddings {
  readonly modelId: string;
  readonly dimension: number;
  embedQuery(text: string): Promise<number[]>;
  embedDocuments(texts: string[]): Promise<number[][]>;
  /** Passages with the model's own passage prefix, as Float32Array (the transformers adapters). */
  embedPassages?(texts: string[], options?: EmbedOptions): Promise<Float32Array[]>;
  /** Releases what the model holds (a child process); embedding afterwards fails. */
  close(): Promise<void>;
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
  // The transformers adapters embed passages with their "passage: " prefix; others use langchain's interface.
  if (embeddings.embedPassages) return embeddings.embedPassages(texts, options);
  return (await embeddings.embedDocuments(texts)).map((v) => Float32Array.from(v));
}

/** Embeds a question (models with separate query and passage prefixes use the query one). */
export async function embedQuery(embeddings: NewsEmbeddings, text: string): Promise<Float32Array> {
  return Float32Array.from(await embeddings.embedQuery(text));
}
