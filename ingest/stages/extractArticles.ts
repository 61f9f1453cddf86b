import { chunkArticle } from '../chunk.js';
import { ExtractionPool, withExtractionTimeout } from '../extract/extractionPool.js';
import type { Extractor } from '../sources/sourceEvents.js';
import { validateArticle } from '../validateArticle.js';
import type { Extracted, Listed } from './articleStates.js';
import { errorMessage } from './runContext.js';

/** Articles extracted (fetched) at once: feed item pages are fetched concurrently, within each host's limit. */
export const EXTRACTION_WINDOW = 8;
const DEFAULT_EXTRACTION_TIMEOUT_MS = 20_000;

/** The run's extraction function, with the time limit per article, and how to stop it. */
export interface OpenedExtractor {
  extract: Extractor;
  close(): Promise<void>;
}

/**
 * Extraction in a worker-thread pool, which terminates a worker that runs over the time
 * limit; a supplied extractor (tests, evaluation) gets the same limit here.
 */
export function openExtractor(options: { extractor?: Extractor; extractionTimeoutMs?: number }): OpenedExtractor {
  const timeoutMs = options.extractionTimeoutMs ?? DEFAULT_EXTRACTION_TIMEOUT_MS;
  const supplied = options.extractor;
  if (supplied) return { extract: (bytes, origin) => withExtractionTimeout(supplied(bytes, origin), timeoutMs), close: async () => undefined };
  const pool = new ExtractionPool({ timeoutMs });
  return { extract: (bytes, origin) => pool.extract(bytes, origin), close: () => pool.close() };
}

/** Extracts one candidate, checks the article and chunks it into passages; any failure becomes its skip reason. */
export async function extractArticle(listed: Listed, extractor: Extractor): Promise<Extracted> {
  try {
    const extraction = await listed.candidate.extract(extractor);
    const article = validateArticle(extraction.article);
    return { ...listed, extraction: { ...extraction, article }, passages: chunkArticle(article) };
  } catch (error) {
    return { ...listed, error: errorMessage(error) };
  }
}

/**
 * Up to EXTRACTION_WINDOW extractions running at once, handed on in the order their
 * candidates were listed (so articles are written in listing order).
 */
export class ExtractionWindow {
  private readonly running: Array<Promise<Extracted>> = [];

  constructor(
    private readonly extractor: Extractor,
    private readonly size = EXTRACTION_WINDOW,
  ) {}

  /** Starts extracting the candidate now. */
  start(listed: Listed): void {
    this.running.push(extractArticle(listed, this.extractor));
  }

  /** No room for another extraction: the oldest must be taken first. */
  get full(): boolean {
    return this.running.length >= this.size;
  }

  get empty(): boolean {
    return this.running.length === 0;
  }

  /** The oldest extraction, once done (never rejects: failures are in its result). */
  takeOldest(): Promise<Extracted> {
    return this.running.shift()!;
  }
}
