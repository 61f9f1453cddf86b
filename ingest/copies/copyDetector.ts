import { foldText } from '../../src/core/text/normalize.js';
import type { ExtractedArticle, ExtractedComment, PassageDraft } from '../../src/core/types.js';
import type { Fingerprint, KnowledgeStore } from '../../src/core/ports/knowledgeStore.js';
import { chunkArticle } from '../chunk.js';
import { bandKeys, estimatedJaccard, shingleHashes, signatureOf } from './minhash.js';

/** From what estimated Jaccard similarity two articles are one story: a storage rule too (src/store/stories.ts). */
export { COPY_JACCARD_THRESHOLD } from '../../src/store/stories.js';
import { COPY_JACCARD_THRESHOLD } from '../../src/store/stories.js';
/**
 * Fewer distinct shingles than this (about a 40-word paragraph) is too little evidence: feed
 * summaries and briefs share their few shingles by chance or by formula, and are never merged.
 */
export const MIN_COPY_SHINGLES = 40;

/**
 * The MinHash fingerprint of an article's body, or null when it is not eligible as a copy or
 * head: a feed summary, or a text too short to judge. Reader comments are left out (outlets
 * republishing one story each have their own), except under a body too short to judge alone
 * (a teaser above a reader thread): the same thread word for word is the same page mirrored.
 */
export function fingerprintOf(article: Pick<ExtractedArticle, 'body' | 'comments'>, summaryOnly: boolean): Fingerprint | null {
  if (summaryOnly) return null;
  let shingles = shingleHashes(article.body.join('\n'));
  if (shingles.size < MIN_COPY_SHINGLES) shingles = shingleHashes([...article.body, ...article.comments.map((c) => c.text)].join('\n'));
  if (shingles.size < MIN_COPY_SHINGLES) return null;
  const signature = signatureOf(shingles);
  return { signature, bands: bandKeys(signature) };
}

/**
 * Fingerprints the articles a store held before copies were recognised (schema version 4),
 * so that copies arriving now find them as heads; afterwards a run finds none to do.
 */
export async function fingerprintStoredArticles(store: Pick<KnowledgeStore, 'articlesWithoutFingerprint' | 'setFingerprint'>): Promise<number> {
  let count = 0;
  for (;;) {
    const batch = await store.articlesWithoutFingerprint(200);
    if (batch.length === 0) return count;
    for (const stored of batch) {
      const comments = stored.comments.map((text) => ({ author: null, published: null, text }));
      await store.setFingerprint(stored.id, fingerprintOf({ body: stored.body, comments }, stored.summaryOnly));
    }
    count += batch.length;
  }
}

/** What becomes of an article: a story's head, or a copy of one keeping only its own reader comments. */
export interface StoryPlace {
  /** Key of the story's head when the article is a copy of it. */
  copyOf: string | null;
  fingerprint: Fingerprint | null;
  /** A copy's reader comments that its head does not have (those stay searchable); all of a head's. */
  ownComments: ExtractedComment[];
}

/**
 * The passages an article is stored with: all of a story head's; of a copy only those of its
 * own reader comments (its body would repeat the head's passages and crowd searches).
 */
export function passagesFor(place: StoryPlace, article: ExtractedArticle, all: PassageDraft[]): PassageDraft[] {
  return place.copyOf ? chunkArticle({ ...article, body: [], comments: place.ownComments }) : all;
}

/** How comments are compared between a copy and its head: folded, whitespace collapsed. */
function commentKey(text: string): string {
  return foldText(text).replace(/\s+/g, ' ').trim();
}

interface KnownHead {
  key: string;
  signature: Uint32Array;
  comments: string[];
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

  /** The story's head this article copies, or null when it is a story of its own. */
  private async headFor(key: string, fingerprint: Fingerprint): Promise<KnownHead | null> {
    const candidates = new Map<string, KnownHead>();
    for (const band of fingerprint.bands) for (const head of this.pendingByBand.get(band) ?? []) candidates.set(head.key, head);
    for (const head of await this.store.copyCandidates(fingerprint.bands)) if (!candidates.has(head.key)) candidates.set(head.key, head);
    let best: { head: KnownHead; similarity: number } | null = null;
    for (const head of candidates.values()) {
      if (head.key === key) continue; // its own earlier version
      const similarity = estimatedJaccard(fingerprint.signature, head.signature);
      if (similarity >= COPY_JACCARD_THRESHOLD && (!best || similarity > best.similarity)) best = { head, similarity };
    }
    return best?.head ?? null;
  }

  /**
   * Whether an article about to be written is a copy (`copyOf`: its story's head) or heads a
   * story; a head is remembered, so its copies later in this run find it before it is stored.
   */
  async classify(key: string, article: ExtractedArticle, summaryOnly: boolean): Promise<StoryPlace> {
    const fingerprint = fingerprintOf(article, summaryOnly);
    const head = fingerprint ? await this.headFor(key, fingerprint) : null;
    if (!head) {
      if (fingerprint) this.rememberHead(key, fingerprint, article.comments);
      return { copyOf: null, fingerprint, ownComments: article.comments };
    }
    const headComments = new Set(head.comments.map(commentKey));
    return { copyOf: head.key, fingerprint, ownComments: article.comments.filter((c) => !headComments.has(commentKey(c.text))) };
  }

  /** An article about to be written as a story's head: its copies later in this run find it before it is stored. */
  private rememberHead(key: string, fingerprint: Fingerprint, comments: ExtractedComment[]): void {
    const head = { key, signature: fingerprint.signature, comments: comments.map((c) => c.text) };
    for (const band of fingerprint.bands) {
      const heads = this.pendingByBand.get(band) ?? [];
      heads.push(head);
      this.pendingByBand.set(band, heads);
    }
  }
}
