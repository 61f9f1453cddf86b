import type { FtsPattern } from '../ftsQuery.js';

/** A built lexicon as plain data: postings in CSR form over `terms` (sorted); transferable between threads. */
export interface LexiconParts {
  generation: number;
  terms: string[];
  start: Int32Array;
  postingPassage: Int32Array;
  postingCount: Int32Array;
  passageIds: Float64Array;
  lengths: Int32Array;
}

/** FTS5's bm25() constants (fts5_aux.c), so both paths rank alike. */
const K1 = 1.2;
const B = 0.75;

/**
 * An in-memory inverted index over the passages' stored index terms, for a process that
 * answers many questions (the bot): BM25 over a few posting lists in typed arrays costs
 * microseconds, where FTS5 computes bm25() through SQL for every matching row. It ranks
 * exactly as FTS5 does (same tokens, same formula, same IDF, prefix patterns as unions), so
 * either path gives the same candidates. It describes one store generation: the store uses
 * it only while the generation matches and falls back to FTS5 otherwise.
 *
 * Layout (compressed sparse rows): the postings of term t are entries start[t]..start[t+1]-1
 * of `postingPassage` (passage positions, ascending) and `postingCount` (occurrences).
 */
export class MemoryLexicon {
  private constructor(
    readonly generation: number,
    /** Distinct terms in ascending order (prefix patterns are ranges of it). */
    private readonly terms: string[],
    private readonly termIndex: Map<string, number>,
    private readonly start: Int32Array,
    private readonly postingPassage: Int32Array,
    private readonly postingCount: Int32Array,
    /** Position -> passage id, and tokens per passage. */
    private readonly passageIds: Float64Array,
    private readonly lengths: Int32Array,
    private readonly averageLength: number,
  ) {
    this.scores = new Float64Array(passageIds.length);
    this.counts = new Int32Array(passageIds.length);
  }

  /** Scratch arrays reused by every search (one search runs at a time: JavaScript is single-threaded). */
  private readonly scores: Float64Array;
  private readonly counts: Int32Array;

  get passageCount(): number {
    return this.passageIds.length;
  }

  /** Approximate bytes held (typed arrays plus the term strings and their map). */
  get bytes(): number {
    const arrays =
      this.start.byteLength +
      this.postingPassage.byteLength +
      this.postingCount.byteLength +
      this.passageIds.byteLength +
      this.lengths.byteLength +
      this.scores.byteLength +
      this.counts.byteLength;
    return arrays + this.terms.reduce((sum, term) => sum + 2 * term.length + 80, 0);
  }

  static builder(): MemoryLexiconBuilder {
    return new MemoryLexiconBuilder();
  }

  /** A lexicon from the builder's output (which may have come from a worker thread). */
  static fromParts(parts: LexiconParts): MemoryLexicon {
    const totalTokens = parts.lengths.reduce((sum, n) => sum + n, 0);
    return new MemoryLexicon(
      parts.generation,
      parts.terms,
      new Map(parts.terms.map((term, t) => [term, t])),
      parts.start,
      parts.postingPassage,
      parts.postingCount,
      parts.passageIds,
      parts.lengths,
      parts.passageIds.length > 0 ? totalTokens / parts.passageIds.length : 0,
    );
  }

  has(term: string): boolean {
    return this.termIndex.has(term);
  }

  /** Term numbers a pattern matches: the term itself, or every term starting with the prefix. */
  private matching(pattern: FtsPattern): number[] {
    if (!pattern.prefix) {
      const t = this.termIndex.get(pattern.term);
      return t === undefined ? [] : [t];
    }
    const found: number[] = [];
    for (let t = this.lowerBound(pattern.term); t < this.terms.length && this.terms[t]!.startsWith(pattern.term); t++) found.push(t);
    return found;
  }

  private lowerBound(value: string): number {
    let low = 0;
    let high = this.terms.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.terms[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Passages holding each matching term, summed over the terms (as the FTS5 vocabulary's `doc` column sums). */
  documentFrequency(pattern: FtsPattern): number {
    return this.matching(pattern).reduce((sum, t) => sum + this.start[t + 1]! - this.start[t]!, 0);
  }

  /**
   * The `limit` best passages for any of the patterns by BM25, as FTS5's `ORDER BY rank`
   * returns them (bm25 negative, best first; ties by passage id). With `allowed`, only those
   * passage ids are ranked (IDF stays the whole index's, as in FTS5).
   */
  search(patterns: FtsPattern[], limit: number, allowed?: Set<number>): Array<{ id: number; bm25: number }> {
    const n = this.passageIds.length;
    if (n === 0 || patterns.length === 0 || limit <= 0) return [];
    const { scores, counts } = this;
    const touched: number[] = []; // passages with a score so far (scores[p] > 0 marks them)
    const hit: number[] = [];
    for (const pattern of patterns) {
      // Occurrences of the pattern per passage (a prefix counts every matching token).
      hit.length = 0;
      for (const t of this.matching(pattern)) {
        for (let at = this.start[t]!, end = this.start[t + 1]!; at < end; at++) {
          const p = this.postingPassage[at]!;
          if (counts[p] === 0) hit.push(p);
          counts[p]! += this.postingCount[at]!;
        }
      }
      let idf = Math.log((n - hit.length + 0.5) / (hit.length + 0.5));
      if (idf <= 0) idf = 1e-6;
      for (const p of hit) {
        const f = counts[p]!;
        counts[p] = 0;
        if (scores[p] === 0) touched.push(p);
        scores[p]! += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * this.lengths[p]!) / this.averageLength));
      }
    }
    const best = this.best(allowed ? touched.filter((p) => allowed.has(this.passageIds[p]!)) : touched, limit);
    const result = best.map((p) => ({ id: this.passageIds[p]!, bm25: -scores[p]! }));
    for (const p of touched) scores[p] = 0;
    return result;
  }

  /** The `limit` touched passages with the highest scores, best first (a bounded min-heap, then a sort of the few kept). */
  private best(touched: number[], limit: number): number[] {
    const { scores, passageIds } = this;
    // "a ranks below b": lower score, or equal score and higher passage id.
    const below = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && passageIds[a]! > passageIds[b]!);
    const heap: number[] = [];
    for (const p of touched) {
      if (heap.length < limit) {
        heap.push(p);
        for (let i = heap.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!below(heap[i]!, heap[parent]!)) break;
          [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
          i = parent;
        }
      } else if (below(heap[0]!, p)) {
        heap[0] = p;
        for (let i = 0; ; ) {
          const left = 2 * i + 1;
          const right = left + 1;
          let lowest = i;
          if (left < heap.length && below(heap[left]!, heap[lowest]!)) lowest = left;
          if (right < heap.length && below(heap[right]!, heap[lowest]!)) lowest = right;
          if (lowest === i) break;
          [heap[i], heap[lowest]] = [heap[lowest]!, heap[i]!];
          i = lowest;
        }
      }
    }
    return heap.sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
  }
}

/** An Int32Array that grows by doubling (postings are collected before their count is known). */
class GrowableInts {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = new Int32Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
}

/**
 * Collects passages (in ascending id order, as the store reads them) and freezes them into a
 * MemoryLexicon. Postings are gathered as flat (term, passage, count) triples in typed arrays
 * and then placed per term by a counting sort: a map of JavaScript arrays per term would
 * take about three times the memory while building.
 */
export class MemoryLexiconBuilder {
  private readonly termNumbers = new Map<string, number>();
  private readonly postingTerm = new GrowableInts();
  private readonly postingPassage = new GrowableInts();
  private readonly postingCount = new GrowableInts();
  private readonly passageIds: number[] = [];
  private readonly lengths = new GrowableInts();

  /** Adds one passage by its stored index terms (space-separated, as FTS5's unicode61 splits them). */
  add(id: number, terms: string): void {
    const position = this.passageIds.length;
    this.passageIds.push(id);
    const counts = new Map<string, number>();
    let length = 0;
    for (const token of terms.split(' ')) {
      if (token.length === 0) continue;
      length++;
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    this.lengths.push(length);
    for (const [token, count] of counts) {
      let number = this.termNumbers.get(token);
      if (number === undefined) {
        number = this.termNumbers.size;
        this.termNumbers.set(token, number);
      }
      this.postingTerm.push(number);
      this.postingPassage.push(position);
      this.postingCount.push(count);
    }
  }

  finish(generation: number): MemoryLexicon {
    return MemoryLexicon.fromParts(this.parts(generation));
  }

  parts(generation: number): LexiconParts {
    const terms = [...this.termNumbers.keys()].sort();
    const rankOf = new Int32Array(terms.length); // first-seen number -> position in sorted order
    terms.forEach((term, rank) => {
      rankOf[this.termNumbers.get(term)!] = rank;
    });
    const total = this.postingTerm.length;
    const start = new Int32Array(terms.length + 1);
    for (let i = 0; i < total; i++) start[rankOf[this.postingTerm.values[i]!]! + 1]!++;
    for (let t = 0; t < terms.length; t++) start[t + 1]! += start[t]!;
    const next = start.slice(0, terms.length);
    const postingPassage = new Int32Array(total);
    const postingCount = new Int32Array(total);
    // Passages were added in order, so each term's postings stay in ascending passage order.
    for (let i = 0; i < total; i++) {
      const at = next[rankOf[this.postingTerm.values[i]!]!]!++;
      postingPassage[at] = this.postingPassage.values[i]!;
      postingCount[at] = this.postingCount.values[i]!;
    }
    return {
      generation,
      terms,
      start,
      postingPassage,
      postingCount,
      passageIds: Float64Array.from(this.passageIds),
      lengths: this.lengths.values.slice(0, this.lengths.length),
    };
  }
}
