/**
 * A SentencePiece-style Unigram tokenizer (XLM-R's format: <s> <pad> </s> <unk> ... <mask>,
 * "▁" marks a word start) with exactly `size` pieces, for the stand-in model. The pieces are
 * characters, letter bigrams and trigrams and generated syllable words — not XLM-R's
 * learned vocabulary — so texts split into somewhat more tokens than with the real one;
 * the bench reports tokens per passage so the difference is visible.
 */
const SPECIAL = ['<s>', '<pad>', '</s>', '<unk>'];
const MASK = '<mask>';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
const SINGLES = [...LETTERS, ...LETTERS.map((l) => l.toUpperCase()), ...'àáâäçèéêëìíîïñòóôöùúûüßœæ0123456789.,;:!?\'"()[]-–—/%€$£&@#*+='.split('')];
const CONSONANTS = 'bcdfghklmnprstvwz'.split('');
const VOWELS = 'aeiou'.split('');

/** Pieces in a fixed order: common ones first, so a small vocabulary keeps the basics. */
function* pieces(): Generator<string> {
  yield '▁';
  for (const c of SINGLES) {
    yield c;
    yield `▁${c}`;
  }
  for (const a of LETTERS)
    for (const b of LETTERS) {
      yield a + b;
      yield `▁${a}${b}`;
      yield `▁${a.toUpperCase()}${b}`;
    }
  for (const a of LETTERS)
    for (const b of LETTERS)
      for (const c of LETTERS) {
        yield a + b + c;
        yield `▁${a}${b}${c}`;
      }
  // Syllable words (CV, CVC chains) until the vocabulary is full.
  const syllables = CONSONANTS.flatMap((c) => VOWELS.flatMap((v) => [c + v, ...CONSONANTS.map((e) => c + v + e)]));
  for (const s1 of syllables)
    for (const s2 of syllables) {
      yield s1 + s2;
      yield `▁${s1}${s2}`;
    }
}

export function standInTokenizerFiles(size: number): Record<string, unknown> {
  const vocab: Array<[string, number]> = SPECIAL.map((t) => [t, 0]);
  const seen = new Set<string>(SPECIAL);
  for (const piece of pieces()) {
    if (vocab.length >= size - 1) break;
    if (seen.has(piece)) continue;
    seen.add(piece);
    // Longer pieces score higher, so Viterbi prefers fewer tokens, as trained vocabularies do.
    const length = piece.replace('▁', '').length;
    vocab.push([piece, -12 + length * 1.5 + (piece.startsWith('▁') ? 0.5 : 0)]);
  }
  if (vocab.length !== size - 1) throw new Error(`could not generate ${size} pieces`);
  vocab.push([MASK, 0]);
  const special = (content: string, id: number) => ({
    id,
    content,
    single_word: false,
    lstrip: content === MASK,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [...SPECIAL.map(special), special(MASK, size - 1)],
    normalizer: { type: 'NFKC' },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', add_prefix_space: true },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '<s>', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
      ],
      special_tokens: { '<s>': { id: '<s>', ids: [0], tokens: ['<s>'] }, '</s>': { id: '</s>', ids: [2], tokens: ['</s>'] } },
    },
    decoder: { type: 'Metaspace', replacement: '▁', add_prefix_space: true },
    model: { type: 'Unigram', unk_id: 3, vocab },
  };
  const tokens = { bos_token: '<s>', eos_token: '</s>', unk_token: '<unk>', sep_token: '</s>', cls_token: '<s>', pad_token: '<pad>', mask_token: MASK };
  return {
    'tokenizer.json': tokenizer,
    'tokenizer_config.json': { tokenizer_class: 'XLMRobertaTokenizer', model_max_length: 512, ...tokens },
    'special_tokens_map.json': tokens,
  };
}
