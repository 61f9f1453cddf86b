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
  for (const w of weights) cumulative.push((total += w));
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
