import { createHash } from 'node:crypto';
import { foldText, wordTokens } from '../../src/core/text/normalize.js';

/**
 * MinHash over word shingles, with LSH banding (Broder 1997; Leskovec, Rajaraman & Ullman,
 * "Mining of Massive Datasets", ch. 3). Written here rather than taken from npm: the
 * maintained package (bloom-filters) hashes numbers with random parameters that are not
 * stable across processes unless exported, and has no banding; `minhash` is unmaintained.
 *
 * The numbers were measured with `node dist/src/cli/benchCopyJaccard.js` (docs/ingestion.md, "Copies of one
 * story"): with 3-word shingles, pairs of distinct paragraphs of one Wikipedia article
 * (squad-it-dev, 41,310 pairs) have a median Jaccard of 0.000 and a 99.9th percentile of
 * 0.041, pairs of distinct articles (extraction benchmark, 16,290 pairs) at most 0.166, and
 * lightly edited copies (a line added: 0.97-1.0; one word in 100 changed: 0.84-0.99).
 */

/**
 * Words per shingle. 2 lets distinct texts share common word pairs (99.9th percentile 0.08);
 * 4 and 5 drop a lightly edited copy further (one changed word breaks 4-5 shingles: minimum
 * 0.79 and 0.75 against 0.84); 3 separates both best.
 */
export const SHINGLE_WORDS = 3;
/** Signature length: bands x rows. 128 keeps the estimate's standard error under 0.045 at any Jaccard. */
export const SIGNATURE_LENGTH = 128;
/**
 * 32 bands of 4 rows: a pair at Jaccard 0.8 meets in some band with probability 1 - 1e-9,
 * at 0.5 with 0.87, at 0.2 with 0.05 (measured: 542 of 543 copies found, none of 16,290
 * distinct pairs a candidate). Candidates are then checked against the threshold.
 */
export const BANDS = 32;
export const ROWS_PER_BAND = SIGNATURE_LENGTH / BANDS;
/** Names the scheme in band keys, so keys of another shingle size or seed never meet these. */
const SCHEME = 'mh1';

/** Per-function seeds, derived once from a fixed string: the same in every process and release. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_LENGTH);
  const bytes = createHash('sha512').update(`${SCHEME}:seeds`).digest();
  let block = bytes;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    if ((i * 4) % block.length === 0 && i > 0) block = createHash('sha512').update(block).digest();
    seeds[i] = block.readUInt32LE((i * 4) % block.length);
  }
  return seeds;
})();

/** FNV-1a over a string's UTF-16 code units: a fast 32-bit hash for shingles. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: a bijection on 32 bits that mixes every input bit into every output bit. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The distinct word shingles of a text (folded: case and accents do not count), as 32-bit
 * hashes. Each word is hashed once and a shingle's hash combines its words' hashes in order
 * (joining the words into strings first took half the time of a fingerprint).
 */
export function shingleHashes(text: string): Set<number> {
  const words = wordTokens(foldText(text)).map(fnv1a);
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let hash = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE_WORDS; j++) hash = mix32(Math.imul(hash ^ words[j]!, 0x01000193));
    hashes.add(hash);
  }
  return hashes;
}

/**
 * The MinHash signature: for each of SIGNATURE_LENGTH hash functions (mix32 of the shingle
 * hash xor a seed, a random permutation of 32-bit values), the least value over the shingles.
 */
export function signatureOf(shingles: Set<number>): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const h = mix32(shingle ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** The share of signature positions two signatures agree on: an unbiased estimate of the Jaccard similarity. */
export { signatureAgreement as estimatedJaccard } from '../../src/store/stories.js';

/** The exact Jaccard similarity of two shingle sets (for measurement and tests). */
export function exactJaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** One key per band ("mh1:band:hash of its rows"): two texts are candidates when any key is equal. */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = signature.subarray(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND);
    const digest = createHash('sha1')
      .update(Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength))
      .digest('hex')
      .slice(0, 16);
    keys.push(`${SCHEME}:${band}:${digest}`);
  }
  return keys;
}

/** Probability that a pair at Jaccard `j` shares at least one band: 1 - (1 - j^r)^b. */
export function candidateProbability(j: number): number {
  return 1 - (1 - j ** ROWS_PER_BAND) ** BANDS;
}
