/** A worker (thread or process) that reports the environment and heap limit it was started with. */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';

const report = { env: { ...process.env }, heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) };
if (parentPort) parentPort.postMessage(report);
else process.send!(report, () => process.exit(0));
