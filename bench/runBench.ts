import { cpus } from 'node:os';
import type { BenchResults } from './benchResults.js';
import { askLatencySection, memorySection, postgresSection } from './sections/askAndMemory.js';
import { coldStartSection } from './sections/coldStartSection.js';
import { discordSection } from './sections/discordSection.js';
import { chooseEmbedders } from './sections/embedders.js';
import { ingestionSection } from './sections/ingestionSection.js';
import { modelSection, standInModel } from './sections/modelSection.js';
import { scopedSearchSection } from './sections/scopedSearchSection.js';
import { withSyntheticStore } from './sections/syntheticStore.js';
import { clusteredCorpus, clusteredVectorSearch, harderVectorSections } from './sections/vectorSections.js';

/**
 * Runs the bench's sections in order, one line each; each adds its figures to the results,
 * whose keys therefore appear in this order in bench/results/latest.json.
 */
export async function runBench(): Promise<BenchResults> {
  const started = performance.now();
  // Filled section by section; complete once the last one has run.
  const results: Partial<BenchResults> = { date: new Date().toISOString(), node: process.version, cpus: cpus().length };
  const embedders = await chooseEmbedders();
  results.embedders = embedders.description;
  results.coldStart = coldStartSection();
  const clustered = clusteredCorpus();
  const { vectorSearch, largeGraph } = clusteredVectorSearch(clustered);
  results.vectorSearch = vectorSearch;
  Object.assign(results, await harderVectorSections());
  results.ingestion = await ingestionSection(embedders);
  const standIn = standInModel();
  await withSyntheticStore(clustered, largeGraph, async (store) => {
    Object.assign(results, await askLatencySection(store, clustered, embedders));
    results.scopedSearch = await scopedSearchSection(store, clustered);
    // Closed before the sections that reopen its folder (PostgreSQL's copy, the memory probe, the model).
    store.store.close();
    results.postgres = await postgresSection(store, clustered, embedders);
    results.memory = memorySection(store);
    if (standIn) Object.assign(results, await modelSection(standIn, store, clustered));
  });
  if (standIn) results.discord = await discordSection(standIn);
  results.totalSeconds = (performance.now() - started) / 1000;
  return results as BenchResults;
}
