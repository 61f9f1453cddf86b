/**
 * The bench's sizes and its progress log. BENCH_SCALE=small is a quick run (10k instead of
 * 100k vectors).
 */
export const DIM = 384;
export const SMALL = process.env.BENCH_SCALE === 'small';
export const LARGE_N = SMALL ? 10_000 : 100_000;
export const ARTICLES = SMALL ? 300 : 1000;
/** Articles a first ingest with the stand-in embeds per precision, and the Discord re-ingest's size. */
export const MODEL_ARTICLES = SMALL ? 20 : 60;
export const REINGEST_ARTICLES = SMALL ? 100 : 1000;
/** Synthetic questions asked of each vector search. */
export const QUERIES = 200;

/** Progress on stderr, so the printed report on stdout stays clean. */
export const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
