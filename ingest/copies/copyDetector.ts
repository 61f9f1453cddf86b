import type { ExtractedArticle } from '../../src/core/types.js';
import type { Fingerprint, KnowledgeStore } from '../../src/store/knowledgeStore.js';
import { bandKeys, estimatedJaccard, shingleHashes, signatureOf } from './minhash.js';

/**
 * Estimated Jaccard similarity of 3-word shingles from which two articles are one story.
 * Measured (`node dist/bench/copyJaccard.js`, README "Copies of one story"): lightly edited
 * copies reach 0.84-1.0; the closest distinct texts found were two squad-it-dev paragraphs
 * that share three of four sentences but name different economists (0.66), then distinct
 * articles at 0.17. A copy is stored without passages, so text only it holds is not searched:
 * 0.8 keeps that share small (about a tenth of each text at most) and stands 3.3 standard
 * errors of the 128-value estimate (0.042) above 0.66. Missing a copy costs less than hiding a fact.
 */
export const COPY_JACCARD_THRESHOLD = 0.8;
/**
 * Fewer distinct shingles than this (about a 40-word paragraph) is too little evidence: feed
 * summaries and briefs share their few shingles by chance or by formula, and are never merged.
 */
export const MIN_COPY_SHINGLES = 40;

/**
 * The MinHash fingerprint of an article's body, or null when it is not eligible as a copy
 * or head: a feed summary, a text too short to judge, or an article with reader comments
 * (an outlet's own comments are content a copy without passages would hide from search).
 */
export function fingerprintOf(article: ExtractedArticle, summaryOnly: boolean): Fingerprint | null {
  if (summaryOnly || article.comments.length > 0) return null;
  const shingles = shingleHashes(article.body.join('\n'));
  if (shingles.size < MIN_COPY_SHINGLES) return null;
  const signature = signatureOf(shingles);
  return { signature, bands: bandKeys(signature) };
}

interface KnownHead {
  key: string;
  signature: Uint32Array;
}

/**
 * Finds the story an article is a near-identical copy of: among stored heads that share an
 * LSH band with it, and among heads of this run not written yet (the copies of a story
 * usually arrive in the same ingest as their first article), the most similar one at or
 * above COPY_JACCARD_THRESHOLD.
 */
export class CopyDetector {
  private readonly pendingByBand = new Map<string, KnownHead[]>();

  constructor(private readonly store: Pick<KnowledgeStore, 'copyCandidates'>) {}

  /** The key of the story's first article ("head") this one copies, or null when it is a story of its own. */
  async headFor(key: string, fingerprint: Fingerprint): Promise<string | null> {
    const candidates = new Map<string, KnownHead>();
    for (const band of fingerprint.bands) for (const head of this.pendingByBand.get(band) ?? []) candidates.set(head.key, head);
    for (const head of await this.store.copyCandidates(fingerprint.bands)) if (!candidates.has(head.key)) candidates.set(head.key, head);
    let best: { key: string; similarity: number } | null = null;
    for (const head of candidates.values()) {
      if (head.key === key) continue; // its own earlier version
      const similarity = estimatedJaccard(fingerprint.signature, head.signature);
      if (similarity >= COPY_JACCARD_THRESHOLD && (!best || similarity > best.similarity)) best = { key: head.key, similarity };
    }
    return best?.key ?? null;
  }

  /**
   * Whether an article about to be written is a copy (`copyOf`: its story's head) or heads a
   * story; a head is remembered, so its copies later in this run find it before it is stored.
   */
  async classify(key: string, article: ExtractedArticle, summaryOnly: boolean): Promise<{ copyOf: string | null; fingerprint: Fingerprint | null }> {
    const fingerprint = fingerprintOf(article, summaryOnly);
    if (!fingerprint) return { copyOf: null, fingerprint: null };
    const copyOf = await this.headFor(key, fingerprint);
    if (!copyOf) this.rememberHead(key, fingerprint);
    return { copyOf, fingerprint };
  }

  /** An article about to be written as a story's head: its copies later in this run find it before it is stored. */
  private rememberHead(key: string, fingerprint: Fingerprint): void {
    for (const band of fingerprint.bands) {
      const heads = this.pendingByBand.get(band) ?? [];
      heads.push({ key, signature: fingerprint.signature });
      this.pendingByBand.set(band, heads);
    }
  }
}
