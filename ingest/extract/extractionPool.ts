import { childEnvironment } from '../../src/processes/childEnvironment.js';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { siblingModule, startThread } from '../../src/processes/startChild.js';
import type { ExtractedArticle } from '../../src/core/types.js';
import type { BytesOrigin } from './extractBytes.js';

export function extractionTimeoutMessage(timeoutMs: number): string {
  return `extraction took longer than ${timeoutMs} ms (EXTRACTION_TIMEOUT_MS); skipped`;
}

/** Rejects with an Error (extractionTimeoutMessage) when `work` takes longer than `timeoutMs`. */
export function withExtractionTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(extractionTimeoutMessage(timeoutMs))), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * V8 heap (old generation) per extraction worker. Measured with `npx tsx
 * scripts/extraction-heap.ts PAGE` (one page per fresh process, heap held after extracting it):
 * the largest real pages of the article-extraction benchmark (1.5 MB) leave about 90 MB, a
 * 5 MB page of ordinary paragraphs (MAX_ARTICLE_BYTES' default) 170-275 MB across runs; a 5 MB
 * page of table rows needs 1.3 GB and minutes. 512 MB keeps every ordinary page and stops the
 * pathological one early, so four workers cannot take more than about 2 GB between them.
 */
export const EXTRACTION_HEAP_MB = 512;

export function extractionMemoryMessage(limitMb: number): string {
  return `extraction needed more than ${limitMb} MB of memory; skipped`;
}

interface Task {
  id: number;
  bytes: Uint8Array;
  origin: BytesOrigin;
  resolve: (article: ExtractedArticle) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Extraction in worker threads, so a page that takes long to parse neither blocks the bot's
 * event loop nor stalls the run: each article gets `timeoutMs`, after which its worker is
 * terminated (the only way to stop synchronous parsing) and replaced, and the article is
 * reported as skipped. Each worker's heap is capped (`memoryLimitMb`): a page that needs
 * more ends its worker, which is replaced, and only that article is skipped. Workers start
 * with the allow-listed environment only (startThread). Uses up to `size` threads
 * (default: the cores, at most 4).
 */
export class ExtractionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: { timeoutMs: number; size?: number; memoryLimitMb?: number }) {
    const size = options.size ?? Math.min(4, Math.max(1, availableParallelism()));
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const heapMb = this.options.memoryLimitMb ?? EXTRACTION_HEAP_MB;
    // The allow-listed environment plus the ablation switch the extraction code reads (eval only).
    const worker = startThread(siblingModule(import.meta.url, 'extractionThread'), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      env: childEnvironment(['EXTRACTION_DISABLE']),
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, task: null, timer: null };
    worker.on('message', (message: { ready?: boolean; id: number; article?: ExtractedArticle; error?: string }) => {
      if (message.ready) {
        slot.ready = true;
        return this.dispatch();
      }
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      this.finish(slot);
      if (message.article) task.resolve(message.article);
      else task.reject(new Error(message.error ?? 'extraction failed'));
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) =>
      this.replace(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error(extractionMemoryMessage(heapMb)) : error),
    );
    worker.on('exit', (code) => {
      if (slot.task) this.replace(slot, new Error(`extraction worker stopped (exit code ${code})`));
    });
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  /** A crashed or timed-out worker is replaced; its article fails with the reason, the others go on. */
  private replace(slot: Slot, error: Error): void {
    const task = slot.task;
    this.finish(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0 && !this.closed) this.slots[index] = this.spawn();
    task?.reject(error);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => this.replace(slot, new Error(extractionTimeoutMessage(this.options.timeoutMs))), this.options.timeoutMs);
      slot.worker.postMessage({ id: task.id, bytes: task.bytes, origin: task.origin });
    }
  }

  extract(bytes: Uint8Array, origin: BytesOrigin): Promise<ExtractedArticle> {
    if (this.closed) return Promise.reject(new Error('extraction pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, bytes, origin, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('ingestion stopped'));
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.task?.reject(new Error('ingestion stopped'));
        this.finish(slot);
        slot.worker.removeAllListeners();
        await slot.worker.terminate();
      }),
    );
  }
}
