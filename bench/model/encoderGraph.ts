/**
 * A BERT encoder as an ONNX graph with random weights: word/position/token-type embeddings,
 * `layers` blocks of multi-head self-attention and a GELU feed-forward, post-layer norms,
 * output `last_hidden_state` — what transformers.js's feature-extraction pipeline mean-pools.
 *
 * `int8` mirrors onnxruntime's dynamic quantization (what `model_quantized.onnx` exports
 * contain): weights stored as int8 with a scale, each MatMul becomes
 * DynamicQuantizeLinear -> MatMulInteger -> Cast -> Mul(scales), and the word-embedding
 * table is int8 and dequantized after the Gather. Costs, not meaning: the vectors are noise.
 */
import { DataType, type Graph, type Node, type Tensor } from './onnxProto.js';

export interface EncoderShape {
  layers: number;
  hidden: number;
  heads: number;
  intermediate: number;
  vocab: number;
  positions: number;
}

/** Xenova/multilingual-e5-small (a 12-layer MiniLM with XLM-R's vocabulary). */
export const MULTILINGUAL_E5_SMALL: EncoderShape = { layers: 12, hidden: 384, heads: 12, intermediate: 1536, vocab: 250_037, positions: 512 };

export type Precision = 'fp32' | 'int8';

/** xorshift32: fast, deterministic, good enough for weights that only have to cost time. */
function randomSource(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

export function buildEncoderGraph(shape: EncoderShape, precision: Precision, seed = 42): Graph {
  if (shape.hidden % shape.heads !== 0) throw new Error('hidden size must be a multiple of the head count');
  const random = randomSource(seed);
  const nodes: Node[] = [];
  const initializers: Tensor[] = [];
  let counter = 0;
  const fresh = (base: string) => `${base}_${counter++}`;
  const node = (opType: string, input: string[], attribute?: Node['attribute'], outputs = 1): string[] => {
    const output = Array.from({ length: outputs }, () => fresh(opType.toLowerCase()));
    nodes.push({ opType, input, output, attribute });
    return output;
  };
  const op = (opType: string, input: string[], attribute?: Node['attribute']) => node(opType, input, attribute)[0]!;

  const floats = (name: string, dims: number[], fill: (i: number) => number): string => {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = fill(i);
    initializers.push({ name, dims, dataType: DataType.FLOAT, rawData: new Uint8Array(data.buffer) });
    return name;
  };
  const int64s = (name: string, values: number[], dims = [values.length]): string => {
    initializers.push({ name, dims, dataType: DataType.INT64, rawData: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer) });
    return name;
  };
  const scalar = (name: string, value: number) => floats(name, [], () => value);
  const int8Scalar = (name: string) => {
    initializers.push({ name, dims: [], dataType: DataType.INT8, rawData: new Uint8Array(1) });
    return name;
  };
  const WEIGHT = 0.05;
  const uniform = () => (random() * 2 - 1) * WEIGHT;
  // Weights: float, or int8 with one scale (symmetric, zero point 0) as dynamic quantization stores them.
  type Weight = { name: string; scale?: undefined } | { name: string; scale: string; zeroPoint: string };
  const weight = (name: string, dims: number[]): Weight => {
    if (precision === 'fp32') return { name: floats(name, dims, uniform) };
    const count = dims.reduce((a, b) => a * b, 1);
    const data = new Int8Array(count);
    for (let i = 0; i < count; i++) data[i] = Math.round((random() * 2 - 1) * 127);
    initializers.push({ name: `${name}_quantized`, dims, dataType: DataType.INT8, rawData: new Uint8Array(data.buffer) });
    return { name: `${name}_quantized`, scale: scalar(`${name}_scale`, WEIGHT / 127), zeroPoint: int8Scalar(`${name}_zero_point`) };
  };

  const { hidden, heads, intermediate } = shape;
  const headSize = hidden / heads;
  const ones = (name: string, n: number) => floats(name, [n], () => 1);
  const zeros = (name: string, n: number) => floats(name, [n], () => 0);
  const layerNorm = (x: string, name: string) =>
    op(
      'LayerNormalization',
      [x, ones(`${name}.weight`, hidden), zeros(`${name}.bias`, hidden)],
      [
        { name: 'axis', i: -1 },
        { name: 'epsilon', f: 1e-12 },
      ],
    );

  // x @ W + b; with int8 the activation is quantized per call, as onnxruntime's dynamic quantization does.
  const quantizedInputs = new Map<string, string[]>();
  const linear = (x: string, name: string, inSize: number, outSize: number): string => {
    const w = weight(`${name}.weight`, [inSize, outSize]);
    const bias = floats(`${name}.bias`, [outSize], uniform);
    if (w.scale === undefined) return op('Add', [op('MatMul', [x, w.name]), bias]);
    let q = quantizedInputs.get(x);
    if (!q) {
      q = node('DynamicQuantizeLinear', [x], undefined, 3);
      quantizedInputs.set(x, q);
    }
    const [xq, xScale, xZero] = q;
    const product = op('MatMulInteger', [xq!, w.name, xZero!, w.zeroPoint]);
    const scale = op('Mul', [xScale!, w.scale]);
    return op('Add', [op('Mul', [op('Cast', [product], [{ name: 'to', i: DataType.FLOAT }]), scale]), bias]);
  };

  // Embeddings.
  let words: string;
  const table = weight('embeddings.word_embeddings', [shape.vocab, hidden]);
  if (table.scale !== undefined) words = op('DequantizeLinear', [op('Gather', [table.name, 'input_ids']), table.scale, table.zeroPoint]);
  else words = op('Gather', [table.name, 'input_ids']);
  const sequenceLength = op('Slice', [op('Shape', ['input_ids']), int64s('one', [1]), int64s('two', [2])]);
  const positions = op('Slice', [
    floats('embeddings.position_embeddings', [shape.positions, hidden], uniform),
    int64s('zero', [0]),
    sequenceLength,
    int64s('axis0', [0]),
  ]);
  const tokenTypes = op('Gather', [floats('embeddings.token_type_embeddings', [2, hidden], uniform), 'token_type_ids']);
  let x = layerNorm(op('Add', [op('Add', [words, positions]), tokenTypes]), 'embeddings.LayerNorm');

  // Additive attention mask: 0 where attended, -10000 on padding; [batch, 1, 1, sequence].
  const mask = op('Cast', [op('Unsqueeze', ['attention_mask', int64s('mask_axes', [1, 2])])], [{ name: 'to', i: DataType.FLOAT }]);
  const maskBias = op('Mul', [op('Sub', [scalar('one_f', 1), mask]), scalar('mask_value', -10000)]);
  const splitHeads = int64s('split_heads', [0, 0, heads, headSize]);
  const mergeHeads = int64s('merge_heads', [0, 0, hidden]);
  const inverseRootHead = scalar('inverse_root_head', 1 / Math.sqrt(headSize));
  const rootTwo = scalar('root_two', Math.SQRT2);
  const half = scalar('half', 0.5);
  const oneF = 'one_f';

  for (let l = 0; l < shape.layers; l++) {
    const p = `encoder.layer.${l}`;
    const headsOf = (t: string, perm: number[]) => op('Transpose', [op('Reshape', [t, splitHeads])], [{ name: 'perm', ints: perm }]);
    const q = headsOf(linear(x, `${p}.attention.self.query`, hidden, hidden), [0, 2, 1, 3]);
    const k = headsOf(linear(x, `${p}.attention.self.key`, hidden, hidden), [0, 2, 3, 1]);
    const v = headsOf(linear(x, `${p}.attention.self.value`, hidden, hidden), [0, 2, 1, 3]);
    const scores = op('Add', [op('Mul', [op('MatMul', [q, k]), inverseRootHead]), maskBias]);
    const context = op('MatMul', [op('Softmax', [scores], [{ name: 'axis', i: -1 }]), v]);
    const merged = op('Reshape', [op('Transpose', [context], [{ name: 'perm', ints: [0, 2, 1, 3] }]), mergeHeads]);
    const attended = linear(merged, `${p}.attention.output.dense`, hidden, hidden);
    x = layerNorm(op('Add', [attended, x]), `${p}.attention.output.LayerNorm`);
    // GELU (erf form), as BERT exports spell it before onnxruntime fuses it.
    const up = linear(x, `${p}.intermediate.dense`, hidden, intermediate);
    const gelu = op('Mul', [op('Mul', [up, half]), op('Add', [op('Erf', [op('Div', [up, rootTwo])]), oneF])]);
    const down = linear(gelu, `${p}.output.dense`, intermediate, hidden);
    x = layerNorm(op('Add', [down, x]), `${p}.output.LayerNorm`);
  }
  nodes.push({ opType: 'Identity', input: [x], output: ['last_hidden_state'] });

  return {
    name: 'bert-encoder',
    nodes,
    initializers,
    inputs: [
      { name: 'input_ids', elemType: DataType.INT64, dims: ['batch_size', 'sequence_length'] },
      { name: 'attention_mask', elemType: DataType.INT64, dims: ['batch_size', 'sequence_length'] },
      { name: 'token_type_ids', elemType: DataType.INT64, dims: ['batch_size', 'sequence_length'] },
    ],
    outputs: [{ name: 'last_hidden_state', elemType: DataType.FLOAT, dims: ['batch_size', 'sequence_length', hidden] }],
  };
}
