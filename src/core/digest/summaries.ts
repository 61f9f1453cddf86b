import type { Digest, DigestSummarizer } from './digest.js';
import { digestPhrasesFor } from './digestPhrases.js';

/**
 * The digest with the LLM's checked summaries when a summariser is configured and the digest
 * has stories; on any failure of the model, the offline digest with a short note saying so.
 */
export async function withSummaries(digest: Digest, summarizer: DigestSummarizer | null | undefined, log?: (message: string) => void): Promise<Digest> {
  if (!summarizer || digest.stories.length === 0) return digest;
  try {
    return await summarizer.summarize(digest);
  } catch (error) {
    log?.(`digest summaries failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ...digest, notes: [...digest.notes, digestPhrasesFor(digest.language).summaryFallback] };
  }
}
