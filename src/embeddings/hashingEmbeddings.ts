import { createHash } from 'node:crypto';
import { foldText, wordTokens } from '../core/text/normalize.js';
import { LangchainNewsEmbeddings } from './langchainNewsEmbeddings.js';

/**
 * A deterministic embedding by feature hashing of words and character trigrams. No
 * model, no download. Used by tests and by the benchmark when the real model cannot be
 * loaded; it is never picked silently for a production index.
 */
export class HashingEmbeddings extends LangchainNewsEmbeddings {
  readonly modelId: string;

  constructor(readonly dimension = 384) {
    super({});
    this.modelId = `hashing-${dimension}`;
  }

  embedText(text: string): Float32Array {
    const vector = new Float32Array(this.dimension);
    for (const word of wordTokens(foldText(text))) {
      const padded = ` ${word} `;
      this.addFeature(vector, `w:${word}`, 1);
      for (let i = 0; i + 3 <= padded.length; i++) this.addFeature(vector, `t:${padded.slice(i, i + 3)}`, 0.3);
    }
    let norm = 0;
    for (const x of vector) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
    return vector;
  }

  private addFeature(vector: Float32Array, feature: string, weight: number): void {
    const digest = createHash('md5').update(feature).digest();
    const slot = digest.readUInt32LE(0) % this.dimension;
    vector[slot]! += (digest[4]! & 1 ? 1 : -1) * weight;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => Array.from(this.embedText(t)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return Array.from(this.embedText(text));
  }
}
