/**
 * Writes a model folder the production loader reads as a local model: config.json,
 * tokenizer files, onnx/model.onnx (fp32) and onnx/model_quantized.onnx (int8), with
 * random weights of a given encoder shape. For measuring costs only.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEncoderGraph, type EncoderShape, type Precision } from './encoderGraph.js';
import { encodeModel } from './onnxProto.js';
import { standInTokenizerFiles } from './standInTokenizer.js';

export const MODEL_FILES: Record<Precision, string> = { fp32: 'onnx/model.onnx', int8: 'onnx/model_quantized.onnx' };

/** config.json as Hugging Face writes it for a BERT encoder with XLM-R's tokenizer (multilingual-e5-small's form). */
function configFor(shape: EncoderShape): Record<string, unknown> {
  return {
    architectures: ['BertModel'],
    attention_probs_dropout_prob: 0.1,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    hidden_size: shape.hidden,
    initializer_range: 0.02,
    intermediate_size: shape.intermediate,
    layer_norm_eps: 1e-12,
    max_position_embeddings: shape.positions,
    model_type: 'bert',
    num_attention_heads: shape.heads,
    num_hidden_layers: shape.layers,
    pad_token_id: 0,
    position_embedding_type: 'absolute',
    tokenizer_class: 'XLMRobertaTokenizer',
    type_vocab_size: 2,
    vocab_size: shape.vocab,
    stand_in: 'random weights: for measuring costs only, the vectors mean nothing',
  };
}

/**
 * Writes the folder; each file goes to a temporary name first and is renamed into place,
 * so an interrupted run never leaves a truncated model that looks complete.
 */
export function writeStandInModel(folder: string, shape: EncoderShape, precisions: Precision[] = ['int8', 'fp32']): void {
  mkdirSync(join(folder, 'onnx'), { recursive: true });
  const write = (name: string, data: string | Uint8Array) => {
    const target = join(folder, name);
    writeFileSync(`${target}.partial`, data);
    renameSync(`${target}.partial`, target);
  };
  for (const precision of precisions) {
    write(MODEL_FILES[precision], encodeModel(buildEncoderGraph(shape, precision), 17, 'newsdesk-stand-in'));
  }
  for (const [name, content] of Object.entries(standInTokenizerFiles(shape.vocab))) write(name, JSON.stringify(content));
  // config.json last: the loader treats a folder with config.json as a model folder.
  write('config.json', JSON.stringify(configFor(shape), null, 2));
}

export function removeModel(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
