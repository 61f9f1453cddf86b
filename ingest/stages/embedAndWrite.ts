import { EventGrouper } from '../stories/eventGrouper.js';
import { BatchEmbedder } from './embedBatch.js';
import type { PendingArticle } from './prepareWrite.js';
import { errorMessage, type RunContext } from './runContext.js';

/**
 * Passages gathered (across articles) before a batch goes to the model. Small, so the model
 * starts early and always has the next batch queued while this one is written; larger
 * batches only delayed the first embedding (the model embeds one passage per call anyway).
 */
export const EMBED_BATCH_PASSAGES = 16;

/** A duplicate of an article still waiting to be written: stored as its alias once that one is. */
export interface PendingAlias {
  key: string;
  twinKey: string;
  sourceId: string;
  rawHash: string;
}

/**
 * Articles waiting to be embedded and written. One batch is embedded (and then written)
 * while the next one is extracted and chunked, so the model never waits for the pipeline;
 * batches are written in order.
 */
export class WriteQueue {
  private pending: PendingArticle[] = [];
  private pendingPassages = 0;
  /** Content hash -> key of an article queued or being written: its twins become aliases once the batch is written. */
  private readonly pendingByHash = new Map<string, string>();
  private pendingAliases: PendingAlias[] = [];
  /** The batch being embedded and written (resolves when it is in the store). */
  private writing: Promise<void> = Promise.resolve();
  private readonly embedder: BatchEmbedder;
  /** Finds the story of articles reporting the same event (earlier articles, this run's included, are stored by then). */
  private readonly stories: EventGrouper;

  constructor(private readonly run: RunContext) {
    this.embedder = new BatchEmbedder(run);
    this.stories = new EventGrouper(run.store);
  }

  /** The key of the article with this content waiting to be written, if any. */
  pendingKeyOf(contentHash: string): string | undefined {
    return this.pendingByHash.get(contentHash);
  }

  /** Marks this content as being written under `key` (before the article joins the queue). */
  claimContent(contentHash: string, key: string): void {
    this.pendingByHash.set(contentHash, key);
  }

  /** Queues an alias of a waiting article, added after the next batch is written. */
  addAlias(alias: PendingAlias): void {
    this.pendingAliases.push(alias);
  }

  /**
   * Queues an article; a batch goes to the model once enough passages are waiting.
   * `passageCount` is the article's full chunk count (a copy's write holds fewer passages).
   */
  async add(item: PendingArticle, passageCount: number): Promise<void> {
    this.pending.push(item);
    this.pendingPassages += passageCount;
    if (this.pendingPassages >= EMBED_BATCH_PASSAGES) await this.flush();
  }

  /** Starts embedding the waiting articles as one batch; returns once the batch before it is written. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    const aliases = this.pendingAliases;
    this.pending = [];
    this.pendingPassages = 0;
    this.pendingAliases = [];
    const previous = this.writing;
    this.writing = this.embedAndWrite(batch, aliases, previous);
    await previous;
  }

  /** Writes what is still waiting and returns once everything queued is in the store. */
  async finish(): Promise<void> {
    await this.flush();
    await this.writing;
  }

  /** Waits for the batch in progress to be written or fail (after a failed run), never throwing. */
  async settle(): Promise<void> {
    await this.writing.catch(() => undefined);
  }

  private async embedAndWrite(batch: PendingArticle[], aliases: PendingAlias[], previous: Promise<void>): Promise<void> {
    const embedded = await this.embedder.embed(batch);
    await previous;
    for (const p of embedded) await this.write(p);
    const { store } = this.run;
    for (const alias of aliases) {
      const twin = await store.documentByKey(alias.twinKey);
      if (twin) await store.addAlias(alias.key, twin.id, alias.sourceId, alias.rawHash);
    }
    // Twins of these articles are found in the store from now on.
    for (const p of batch) this.pendingByHash.delete(p.write.contentHash);
  }

  /** Writes one article; a failure skips it and costs no other. */
  private async write(p: PendingArticle): Promise<void> {
    const { summary } = this.run;
    try {
      Object.assign(p.write, await this.stories.place(p.write));
      const result = await this.run.store.writeArticle(p.write);
      summary.passagesWritten += result.added.length;
      if (p.write.vectors) summary.vectorsAdded += result.added.length;
      if (p.write.summaryOnly) summary.summaryOnly++;
      if (p.write.copyOf) summary.copies++;
      if (p.isUpdate) summary.updated++;
      else summary.added++;
    } catch (error) {
      this.run.skip(p.location, `could not be stored (${errorMessage(error)})`);
    }
  }
}
