/**
 * Deterministic synthetic data for the benchmark: clustered unit vectors (real sentence
 * embeddings are clustered by topic, unlike uniform noise) and news-like text drawn from a
 * Zipf-distributed vocabulary so BM25 posting lists have realistic lengths.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}

export function clusteredVectors(count: number, dim: number, seed = 7, clusters = 1000): { vectors: Float32Array[]; query: (i: number) => Float32Array } {
  const random = seededRandom(seed);
  const centers = Array.from({ length: clusters }, () => Float32Array.from({ length: dim }, () => random() - 0.5));
  const sample = (c: number) => {
    const center = centers[c % clusters]!;
    return normalize(Float32Array.from({ length: dim }, (_, j) => center[j]! + 0.6 * (random() - 0.5)));
  };
  const vectors = Array.from({ length: count }, (_, i) => sample(i));
  return { vectors, query: (i) => sample(i * 7919) };
}

const SYLLABLES = ['ka', 'lo', 'ren', 'tu', 'mi', 'sa', 'vor', 'den', 'bi', 'ha', 'nel', 'po', 'ster', 'qua', 'lin', 'gro', 'mat', 'zen', 'fi', 'ral'];

/** A vocabulary of pseudo-words; word i is drawn with probability ~ 1/(i+1) (Zipf). */
export function makeVocabulary(size: number, seed = 11): string[] {
  const random = seededRandom(seed);
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

export function zipfSampler(vocabulary: string[], seed = 13): () => string {
  const random = seededRandom(seed);
  const weights = vocabulary.map((_, i) => 1 / (i + 1));
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
}

export function sentence(word: () => string, length: number): string {
  const words = Array.from({ length }, word);
  return `${words[0]!.charAt(0).toUpperCase()}${words[0]!.slice(1)} ${words.slice(1).join(' ')}.`;
}

/**
 * A harder vector distribution, closer to real sentence embeddings than clusteredVectors:
 * anisotropic (a shared mean direction gives every pair a high baseline cosine, and variance
 * decays across dimensions as in embedding spectra), clusters of very uneven size (Zipf), and
 * near-duplicates (syndicated copies of one article). Queries are fresh draws of the same kind.
 */
export function harderVectors(count: number, dim: number, seed = 17): { vectors: Float32Array[]; query: (i: number) => Float32Array } {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const scale = Float32Array.from({ length: dim }, (_, j) => (j + 1) ** -0.6);
  const mean = Float32Array.from({ length: dim }, () => gaussian() * 0.12);
  const clusters = 500;
  const centers = Array.from({ length: clusters }, () => Float32Array.from({ length: dim }, (_, j) => gaussian() * scale[j]!));
  const clusterWeights = Array.from({ length: clusters }, (_, c) => 1 / (c + 1));
  const totalWeight = clusterWeights.reduce((a, b) => a + b, 0);
  const pickCluster = (r: () => number) => {
    let target = r() * totalWeight;
    for (let c = 0; c < clusters; c++) {
      target -= clusterWeights[c]!;
      if (target <= 0) return c;
    }
    return clusters - 1;
  };
  const draw = (r: () => number) => {
    const center = centers[pickCluster(r)]!;
    return normalize(Float32Array.from({ length: dim }, (_, j) => mean[j]! * 2.5 + center[j]! + 0.7 * gaussian() * scale[j]!));
  };
  const vectors: Float32Array[] = [];
  for (let i = 0; i < count; i++) {
    // One in ten is a near-copy of an earlier vector.
    if (i > 0 && random() < 0.1) {
      const original = vectors[Math.floor(random() * i)]!;
      vectors.push(normalize(Float32Array.from(original, (x) => x + 0.01 * gaussian())));
    } else vectors.push(draw(random));
  }
  return { vectors, query: (i) => draw(seededRandom(1_000_003 + i * 7919)) };
}
