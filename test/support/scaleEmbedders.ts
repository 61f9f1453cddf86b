import { join } from 'node:path';
import { writeStandInModel } from '../../bench/model/writeStandInModel.js';
import { HashingEmbeddings } from '../../src/embeddings/hashingEmbeddings.js';
import { loadEmbeddings, type LoadedEmbeddings } from '../../src/embeddings/loadEmbeddings.js';
import { loaded } from './countingEmbeddings.js';
import { suiteTempDir } from './tempDir.js';
import { TranslationEmbeddings } from './translationEmbeddings.js';

/** The real model's form (BERT encoder, XLM-R Unigram tokenizer), tiny, with random weights. */
const TINY_STAND_IN = { layers: 2, hidden: 32, heads: 4, intermediate: 64, vocab: 3000, positions: 512 };

export interface ScaleEmbedder {
  name: string;
  load: () => Promise<LoadedEmbeddings>;
}

/**
 * Three embedders of different score scales, for checks that must hold whatever model is
 * loaded: bag-of-words (unrelated text about 0), a random ONNX model of the real model's form
 * loaded through the production loader (a worker process; vectors that mean little, all
 * fairly similar), and a fake on multilingual-e5's scale (unrelated text about 0.83, related
 * higher), which an absolute cosine threshold of 0.82 would take for relevant every time.
 */
export const SCALE_EMBEDDERS: ScaleEmbedder[] = [
  { name: 'hashing (bag of words, unrelated ~0)', load: async () => loaded(new HashingEmbeddings()) },
  {
    name: 'random ONNX model of the stand-in form',
    load: async () => {
      const folder = join(suiteTempDir('scale-model-'), 'multilingual-e5-random-stand-in');
      writeStandInModel(folder, TINY_STAND_IN, ['int8']);
      return loadEmbeddings({ model: folder, dataDir: suiteTempDir('scale-cache-'), threads: 1 });
    },
  },
  { name: 'e5-like scale (unrelated ~0.83)', load: async () => loaded(new TranslationEmbeddings([], 384, { baseline: 2.2, modelId: 'e5-scale-fake' })) },
];
