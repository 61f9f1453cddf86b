import type { EmbeddersResult } from '../benchResults.js';

export function embeddersLine(e: EmbeddersResult): string[] {
  const fallback = e.configuredLoaded ? '' : ` (configured ${e.configured} could not be loaded: deterministic fake)`;
  return [`Embedders: ingestion ${e.usedForIngestion}${fallback}; vector figures on ${e.usedForVectors}`];
}
