import type { ChildProcess } from 'node:child_process';
import { siblingModule, startChildProcess } from '../processes/startChild.js';
import type { EmbeddingJobKind, EmbeddingProcessMessage, EmbeddingProcessRequest } from './embeddingProcess.js';
import type { EmbedOptions } from '../core/ports/newsEmbeddings.js';
import { LangchainNewsEmbeddings } from './langchainNewsEmbeddings.js';
import { DEFAULT_PASSAGE_BATCH } from './embeddingDefaults.js';
import type { TransformersEmbeddingsOptions } from './transformersEmbeddings.js';

export interface ProcessEmbeddingsOptions extends TransformersEmbeddingsOptions {
  /** CPUs the worker process is pinned to (EMBEDDING_THREADS); the worker itself never sees it. */
  threads: number;
  /** The worker module; tests substitute one that wraps the real worker. */
  workerFile?: URL;
}

/**
 * V8 heap of the embedding worker process. Model weights and inference buffers live in
 * onnxruntime's native memory and in ArrayBuffers, outside this limit (the int8 model's worker
 * is 600-660 MB resident, fp32's 1.7 GB; see docs/answers-and-models.md); the JS heap holds the tokenizer and one
 * batch's texts and vectors. 1 GB is far above that and stops a runaway before it takes the
 * machine: the worker dies, only its job fails, and a new one starts.
 */
export const EMBEDDING_PROCESS_HEAP_MB = 1024;

/** Variables the worker needs beyond the allow-list: transformers.js's token for gated models. */
const EMBEDDING_PROCESS_ENV = ['HF_TOKEN', 'HF_ACCESS_TOKEN'];

interface Job {
  id: number;
  kind: EmbeddingJobKind;
  texts: string[];
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

export class EmbeddingStoppedError extends Error {
  override name = 'EmbeddingStoppedError';
}

/**
 * The transformers.js model in a worker process, as a langchain Embeddings. Inference and
 * tokenization never run on the caller's event loop, so the Discord bot keeps answering and
 * heartbeating while a re-ingest embeds thousands of passages. Questions jump the queue (their
 * vector and their answer's sentences): passages go in batches of `batchSize`, so a question
 * waits for at most one batch of a re-ingest.
 * A worker that crashes is replaced; only the job it held fails (the ingest reports that
 * article and goes on).
 */
export class ProcessEmbeddings extends LangchainNewsEmbeddings {
  modelId = '';
  dimension = 0;
  private worker: ChildProcess | null = null;
  /** Whether the current worker has loaded the model (a replacement is not, at first). */
  private workerReady = false;
  /** Work a waiting question needs, served first; then a re-ingest's passages. */
  private readonly urgent: Job[] = [];
  private readonly background: Job[] = [];
  private running: Job | null = null;
  private nextId = 1;
  private stopped = false;
  private broken: string | null = null;
  private readonly batchSize: number;
  /** Where the worker may run (EMBEDDING_THREADS pins it to that many CPUs). */
  cpus = '';

  private constructor(private readonly options: ProcessEmbeddingsOptions) {
    super({ maxConcurrency: 1 });
    this.batchSize = options.batchSize ?? DEFAULT_PASSAGE_BATCH;
  }

  /** The worker process's id (operators' `ps`, tests). */
  get workerPid(): number | undefined {
    return this.worker?.pid;
  }

  /** Starts the worker and waits until the model is loaded; throws the loader's reason if it cannot. */
  static async start(options: ProcessEmbeddingsOptions): Promise<ProcessEmbeddings> {
    const embeddings = new ProcessEmbeddings(options);
    await embeddings.spawn();
    return embeddings;
  }

  private spawn(): Promise<void> {
    const { workerFile, threads, ...data } = this.options;
    const started = startChildProcess(workerFile ?? siblingModule(import.meta.url, 'embeddingProcess'), {
      cpus: threads,
      maxOldSpaceMb: EMBEDDING_PROCESS_HEAP_MB,
      extraEnv: EMBEDDING_PROCESS_ENV,
    });
    const worker = started.child;
    this.cpus = started.cpus;
    this.worker = worker;
    this.workerReady = false;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: EmbeddingProcessMessage) => {
        if (message.type === 'listening') {
          this.send(worker, { type: 'start', options: data });
        } else if (message.type === 'ready') {
          this.modelId = message.modelId;
          this.dimension = message.dimension;
          this.workerReady = true;
          this.refWhileBusy();
          resolve();
          this.dispatch();
        } else if (message.type === 'failed') {
          if (worker === this.worker) this.worker = null;
          worker.removeAllListeners();
          worker.kill();
          reject(new Error(message.reason));
        } else this.settle(message);
      });
      worker.on('error', (error) => this.crashed(worker, error.message, reject));
      worker.on('exit', (code, signal) => this.crashed(worker, signal ? `killed by ${signal}` : `exit code ${code}`, reject));
    });
  }

  /** The worker died: fail the job it held, start another, carry on with the queue. */
  private crashed(worker: ChildProcess, reason: string, rejectStart: (error: Error) => void): void {
    if (worker !== this.worker || this.stopped) return;
    this.worker = null;
    worker.removeAllListeners();
    rejectStart(new Error(`embedding worker stopped while loading the model (${reason})`));
    const job = this.running;
    this.running = null;
    job?.reject(new Error(`embedding worker crashed (${reason}); a new one was started`));
    this.spawn().catch((error: Error) => {
      // The model no longer loads: every waiting job fails with the reason, and later ones too.
      this.broken = error.message;
      for (const waiting of [...this.urgent.splice(0), ...this.background.splice(0)])
        waiting.reject(new Error(`embedding model unavailable (${error.message})`));
    });
  }

  private settle(message: Extract<EmbeddingProcessMessage, { id: number }>): void {
    const job = this.running;
    if (!job || job.id !== message.id) return;
    this.running = null;
    if (message.type === 'done') job.resolve(message.vectors);
    else job.reject(new Error(message.message));
    this.dispatch();
  }

  private dispatch(): void {
    if (this.running || !this.worker || !this.workerReady) return;
    const job = this.urgent.shift() ?? this.background.shift();
    this.refWhileBusy(job);
    if (!job) return;
    this.running = job;
    this.send(this.worker, { type: 'job', id: job.id, kind: job.kind, texts: job.texts });
  }

  private send(worker: ChildProcess, request: EmbeddingProcessRequest): void {
    worker.send(request);
  }

  /** The worker keeps this process alive only while it has work (an idle model never blocks exit). */
  private refWhileBusy(next: Job | null | undefined = this.running): void {
    const worker = this.worker;
    if (!worker) return;
    const busy = Boolean(next) || this.urgent.length > 0 || this.background.length > 0 || !this.workerReady;
    const channel = worker.channel as { ref(): void; unref(): void } | undefined;
    if (busy) {
      worker.ref();
      channel?.ref();
    } else {
      worker.unref();
      channel?.unref();
    }
  }

  private submit(kind: EmbeddingJobKind, texts: string[], urgent: boolean): Promise<Float32Array[]> {
    if (this.stopped) return Promise.reject(new EmbeddingStoppedError('embedding stopped (shutting down)'));
    if (this.broken) return Promise.reject(new Error(`embedding model unavailable (${this.broken})`));
    return new Promise((resolve, reject) => {
      const job = { id: this.nextId++, kind, texts, resolve, reject };
      (urgent ? this.urgent : this.background).push(job);
      this.dispatch();
    });
  }

  async embedPassages(texts: string[], options: EmbedOptions = {}): Promise<Float32Array[]> {
    const batches: Array<Promise<Float32Array[]>> = [];
    for (let i = 0; i < texts.length; i += this.batchSize)
      batches.push(this.submit('passages', texts.slice(i, i + this.batchSize), options.forQuestion ?? false));
    return (await Promise.all(batches)).flat();
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.embedPassages(texts)).map((v) => Array.from(v));
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.submit('query', [text], true);
    return Array.from(vector!);
  }

  /** Stops the worker: queued and running jobs fail with EmbeddingStoppedError. */
  override async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const error = new EmbeddingStoppedError('embedding stopped (shutting down)');
    for (const job of [...(this.running ? [this.running] : []), ...this.urgent.splice(0), ...this.background.splice(0)]) job.reject(error);
    this.running = null;
    const worker = this.worker;
    this.worker = null;
    if (worker && worker.exitCode === null && worker.signalCode === null) {
      worker.removeAllListeners();
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.ref(); // or nothing may keep this process alive until the exit arrives
      worker.kill('SIGKILL');
      await exited;
    }
  }
}
