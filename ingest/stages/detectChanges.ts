import type { ExtractedArticle } from '../../src/core/types.js';
import { countWords } from '../extract/words.js';
import { EXTRACTOR_VERSION } from '../extractorVersion.js';
import { sha256 } from '../sources/sha256.js';
import type { Candidate } from '../sources/sourceEvents.js';
import type { ChangedArticle, Extracted, Listed } from './articleStates.js';
import type { WriteQueue } from './embedAndWrite.js';
import type { RunContext } from './runContext.js';

/** Fewer words than this is a label or a button left over, not an article (the shortest news brief is a sentence). */
const MIN_ARTICLE_WORDS = 5;

/** What identifies an article's content, wherever it was found. */
export function contentHashOf(article: ExtractedArticle): string {
  return sha256(JSON.stringify([article.title, article.published, article.body, article.comments.map((c) => c.text)]));
}

/**
 * Before extraction: the candidate with what is stored under its key, or null (counted as
 * unchanged) when the same raw bytes were extracted by this extractor version already.
 */
export async function lookUpListed(candidate: Candidate, run: RunContext): Promise<Listed | null> {
  const existing = await run.store.documentByKey(candidate.key);
  // Stored under another source (or reached by an alias): this source brings it too. No lookup more for the common case.
  if (existing && (existing.viaAlias || existing.sourceId !== candidate.sourceId)) run.noteMember(candidate.sourceId, candidate.key);
  const existingRaw = existing?.viaAlias ? existing.aliasRawHash : existing?.rawHash;
  // A summary-only article is fetched again each time until its full page arrives.
  if (existing && existingRaw === candidate.rawHash && existing.extractorVersion === EXTRACTOR_VERSION && !existing.summaryOnly) {
    run.summary.unchanged++;
    return null;
  }
  return { candidate, existing };
}

/**
 * After extraction: the article when it is to be written, or null when it was skipped (no
 * text), is unchanged in content (only its raw hash is updated), or duplicates an article
 * stored or waiting to be written (then it becomes an alias of that one).
 */
export async function detectChanges(extracted: Extracted, run: RunContext, writes: WriteQueue): Promise<ChangedArticle | null> {
  const { candidate, existing } = extracted;
  if ('error' in extracted) {
    run.skip(candidate.location, extracted.error);
    return null;
  }
  const { article, summaryOnly } = extracted.extraction;
  // Words as Unicode segments them: a Japanese or Chinese paragraph has no spaces to split on.
  const bodyWords = countWords(article.body.join('\n'));
  // A feed summary is kept however short: it is labelled and replaced once the page arrives.
  if (bodyWords < (summaryOnly ? 1 : MIN_ARTICLE_WORDS) && article.comments.length === 0) {
    run.skip(candidate.location, `no article text found (${bodyWords} words; empty or only site chrome)`);
    return null;
  }
  const contentHash = contentHashOf(article);
  if (
    existing &&
    !existing.viaAlias &&
    existing.contentHash === contentHash &&
    existing.extractorVersion === EXTRACTOR_VERSION &&
    existing.summaryOnly === summaryOnly
  ) {
    await run.store.updateRawHash(existing.id, candidate.rawHash);
    run.summary.unchanged++;
    if (summaryOnly) run.summary.summaryOnly++;
    return null;
  }
  if (await isDuplicate(candidate, contentHash, run, writes)) {
    run.summary.duplicates++;
    return null;
  }
  writes.claimContent(contentHash, candidate.key);
  return { candidate, existing, article, summaryOnly, passages: extracted.passages, contentHash };
}

/** Same content as an article stored under another key, or waiting in the write queue: the candidate becomes its alias. */
async function isDuplicate(candidate: Candidate, contentHash: string, run: RunContext, writes: WriteQueue): Promise<boolean> {
  const twin = await run.store.documentByContentHash(contentHash);
  if (twin && twin.key !== candidate.key) {
    await run.store.addAlias(candidate.key, twin.id, candidate.sourceId, candidate.rawHash);
    return true;
  }
  const pendingTwin = writes.pendingKeyOf(contentHash);
  if (pendingTwin) {
    writes.addAlias({ key: candidate.key, twinKey: pendingTwin, sourceId: candidate.sourceId, rawHash: candidate.rawHash });
    return true;
  }
  return false;
}
