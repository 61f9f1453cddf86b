/**
 * The real embedding worker, made as slow per passage as a real-size model: each passage job
 * first holds the process for 40 ms (onnxruntime runs synchronously, so the real one does too).
 * Question vectors (kind "query") are not delayed.
 */
process.on('message', (request: { type: string; kind?: string }) => {
  if (request.type !== 'job' || request.kind !== 'passages') return;
  const end = Date.now() + 40;
  while (Date.now() < end);
});
await import('../../src/embeddings/embeddingProcess.js');
