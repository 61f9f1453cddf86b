/**
 * The embedding worker process (child of ProcessEmbeddings): loads the transformers.js model,
 * then embeds one job per message. onnxruntime-node runs inference synchronously on the
 * calling thread, so this process — not the bot's event loop — is the one it holds.
 *
 * Why a process and not a worker thread: onnxruntime-node 1.14's native addon loads once per
 * process ("Module did not self-register" in a second thread), so a crashed thread could not
 * be replaced; a process also keeps a native crash away from the bot.
 *
 * How EMBEDDING_THREADS is enforced: the process is pinned to that many CPUs (see
 * startChildProcess) and runs at lower priority. onnxruntime-node 1.14 ignores a session's
 * intraOpNumThreads (measured: its thread count does not move), so the cap is the OS's.
 */
import { setPriority } from 'node:os';
import { TransformersEmbeddings, type TransformersEmbeddingsOptions } from './transformersEmbeddings.js';

export type EmbeddingJobKind = 'passages' | 'query';
export type EmbeddingProcessMessage =
  | { type: 'listening' }
  | { type: 'ready'; modelId: string; dimension: number }
  | { type: 'failed'; reason: string }
  | { type: 'done'; id: number; vectors: Float32Array[] }
  | { type: 'error'; id: number; message: string };

export type EmbeddingProcessRequest =
  | { type: 'start'; options: TransformersEmbeddingsOptions }
  | { type: 'job'; id: number; kind: EmbeddingJobKind; texts: string[] };

const send = (message: EmbeddingProcessMessage) => process.send!(message);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
let embeddings: TransformersEmbeddings | null = null;

// Below the bot in the scheduler: where both want the same core, questions go first.
try {
  setPriority(10);
} catch {
  // Not permitted here: the CPU pinning (EMBEDDING_THREADS) still applies.
}

// The bot went away (crash, SIGKILL): nothing is left to embed for.
process.on('disconnect', () => process.exit(0));

process.on('message', async (request: EmbeddingProcessRequest) => {
  if (request.type === 'start') {
    const loading = new TransformersEmbeddings(request.options);
    try {
      await loading.load();
      embeddings = loading;
      send({ type: 'ready', modelId: loading.modelId, dimension: loading.dimension });
    } catch (error) {
      send({ type: 'failed', reason: reason(error) });
    }
    return;
  }
  try {
    if (!embeddings) throw new Error('embedding model not loaded');
    const vectors =
      request.kind === 'query' ? [Float32Array.from(await embeddings.embedQuery(request.texts[0]!))] : await embeddings.embedPassages(request.texts);
    send({ type: 'done', id: request.id, vectors });
  } catch (error) {
    send({ type: 'error', id: request.id, message: reason(error) });
  }
});

// Asked for the options only now that the handler above is registered, so no request is lost.
send({ type: 'listening' });
