import type { CopyDetector } from '../copies/copyDetector.js';
import type { Extractor } from '../sources/sourceEvents.js';
import type { SourceSpec } from '../sources/sourceSpecs.js';
import type { Extracted } from './articleStates.js';
import { detectChanges, lookUpListed } from './detectChanges.js';
import type { WriteQueue } from './embedAndWrite.js';
import { ExtractionWindow } from './extractArticles.js';
import { throwIfAborted } from './ingestAborted.js';
import type { SourceListing } from './listCandidates.js';
import { prepareWrite } from './prepareWrite.js';
import type { RunContext } from './runContext.js';

/** The stages one article goes through, shared by all sources of a run. */
export interface ArticleStages {
  run: RunContext;
  listing: SourceListing;
  extractor: Extractor;
  /** Near-identical copies of a story (other URLs, other outlets) are stored without passages. */
  copies: CopyDetector;
  writes: WriteQueue;
}

/**
 * Reads one source: each candidate not stored unchanged is extracted (several at once, in
 * a window), checked for changes and copies, and queued for embedding and writing, in the
 * order the source listed them. Any failure of one article is a skip that costs no other.
 */
export async function ingestSource(spec: SourceSpec, stages: ArticleStages): Promise<void> {
  const read = await stages.listing.open(spec);
  if (!read) return;
  const window = new ExtractionWindow(stages.extractor);
  for await (const candidate of read.candidates()) {
    const listed = await lookUpListed(candidate, stages.run);
    if (!listed) continue;
    window.start(listed);
    if (window.full) await queueWrite(await window.takeOldest(), stages);
  }
  while (!window.empty) {
    throwIfAborted(stages.run.signal);
    await queueWrite(await window.takeOldest(), stages);
  }
  await read.finish();
}

/** An extracted article goes to the write queue when it is new or changed (and is not a duplicate). */
async function queueWrite(extracted: Extracted, stages: ArticleStages): Promise<void> {
  const changed = await detectChanges(extracted, stages.run, stages.writes);
  if (changed) await stages.writes.add(await prepareWrite(changed, stages.copies), changed.passages.length);
}
