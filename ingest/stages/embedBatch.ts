import { embedPassages } from '../../src/core/ports/newsEmbeddings.js';
import type { PendingArticle } from './prepareWrite.js';
import { errorMessage, type RunContext } from './runContext.js';

/**
 * Embeds batches of articles' passages with the run's model, and counts the time during
 * which any embedding was in progress (batches overlap: counted once).
 */
export class BatchEmbedder {
  private active = 0;
  private since = 0;

  constructor(private readonly run: RunContext) {}

  /**
   * The batch with vectors attached (unchanged without a model). When the model fails on the
   * batch, its articles are embedded one at a time to find the one it fails on: that one is
   * skipped, the rest are returned.
   */
  async embed(batch: PendingArticle[]): Promise<PendingArticle[]> {
    const { embeddings } = this.run;
    if (!embeddings || batch.length === 0) return batch;
    if (this.active++ === 0) this.since = Date.now();
    try {
      const vectors = await embedPassages(
        embeddings,
        batch.flatMap((p) => p.embedTexts),
      );
      let offset = 0;
      for (const p of batch) {
        p.write.vectors = vectors.slice(offset, offset + p.embedTexts.length);
        p.write.model = embeddings.modelId;
        offset += p.embedTexts.length;
      }
      return batch;
    } catch (error) {
      if (batch.length === 1) {
        this.run.skip(batch[0]!.location, `embedding failed (${errorMessage(error)})`);
        return [];
      }
      const ok: PendingArticle[] = [];
      for (const p of batch) ok.push(...(await this.embed([p])));
      return ok;
    } finally {
      if (--this.active === 0) this.run.summary.embeddingMs += Date.now() - this.since;
    }
  }
}
