import { basename, dirname, resolve } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import { isLocalModelFolder, modelIdOf } from './modelId.js';
import { DEFAULT_PASSAGE_BATCH } from './embeddingDefaults.js';
import { LangchainNewsEmbeddings } from './langchainNewsEmbeddings.js';

export interface TransformersEmbeddingsOptions {
  /** A Hugging Face model id ("Xenova/multilingual-e5-small") or a local model folder. */
  model: string;
  /** Where downloaded models are cached (under the data directory). */
  cacheDir: string;
  batchSize?: number;
  /** int8 loads onnx/model_quantized.onnx (transformers.js's default), fp32 onnx/model.onnx. */
  precision?: 'int8' | 'fp32';
}

/**
 * langchain Embeddings backed by transformers.js (ONNX, CPU). E5-family models are trained
 * with "query: " / "passage: " prefixes, and quality drops without them, so they are added
 * automatically for those models.
 */
export class TransformersEmbeddings extends LangchainNewsEmbeddings {
  readonly modelId: string;
  dimension = 0;
  private extractor: FeatureExtractionPipeline | undefined;
  private readonly prefixes: { query: string; passage: string };
  readonly batchSize: number;

  constructor(private readonly options: TransformersEmbeddingsOptions) {
    super({ maxConcurrency: 1 });
    this.modelId = modelIdOf(options.model);
    const isE5 = /(^|[/-])e5[-_]/i.test(basename(options.model)) || /multilingual-e5/i.test(options.model);
    this.prefixes = isE5 ? { query: 'query: ', passage: 'passage: ' } : { query: '', passage: '' };
    this.batchSize = options.batchSize ?? DEFAULT_PASSAGE_BATCH;
  }

  /** Loads the model (download -> cache, or local folder). Throws with the reason if it cannot. */
  async load(): Promise<void> {
    if (this.extractor) return;
    env.cacheDir = this.options.cacheDir;
    let modelName = this.options.model;
    if (isLocalModelFolder(this.options.model)) {
      const folder = resolve(this.options.model);
      env.localModelPath = dirname(folder);
      env.allowLocalModels = true;
      env.allowRemoteModels = false;
      modelName = basename(folder);
    } else {
      env.allowLocalModels = false;
      env.allowRemoteModels = true;
    }
    this.extractor = (await pipeline('feature-extraction', modelName, { quantized: this.options.precision !== 'fp32' })) as FeatureExtractionPipeline;
    const probe = await this.embedBatch(['probe']);
    this.dimension = probe[0]!.length;
  }

  private async embedBatch(texts: string[]): Promise<Float32Array[]> {
    if (!this.extractor) throw new Error('embedding model not loaded');
    const output = await this.extractor(texts, { pooling: 'mean', normalize: true });
    const [rows, dim] = output.dims as [number, number];
    const data = output.data as Float32Array;
    return Array.from({ length: rows }, (_, i) => data.slice(i * dim, (i + 1) * dim));
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      vectors.push(...(await this.embedBatch(texts.slice(i, i + this.batchSize).map((t) => this.prefixes.passage + t))));
    }
    return vectors;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.embedPassages(texts)).map((v) => Array.from(v));
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedBatch([this.prefixes.query + text]);
    return Array.from(vector!);
  }
}
