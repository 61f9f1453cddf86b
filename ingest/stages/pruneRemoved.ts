import type { SourceSpec } from '../sources/sourceSpecs.js';
import type { RunContext } from './runContext.js';

/** What pruning needs from listing: the keys listed this run and the sources that were not read. */
export interface ListedThisRun {
  seenKeys: ReadonlySet<string>;
  unreadSources: ReadonlySet<string>;
}

/**
 * Articles whose source no longer lists them: removed only when asked (`prune` for all
 * sources, or the source's own setting), never after a failed read, and never when another
 * source still brings them (they are in that source's scope: another server's news desk);
 * otherwise counted as kept.
 */
export async function pruneRemoved(run: RunContext, sources: SourceSpec[], listed: ListedThisRun, prune: boolean): Promise<void> {
  for (const spec of sources) {
    if (listed.unreadSources.has(spec.id)) continue;
    const gone = (await run.store.keysForSource(spec.id)).filter((key) => !listed.seenKeys.has(key));
    if (gone.length === 0) continue;
    const shared = prune || spec.prune ? await run.store.keysBroughtByOthers(spec.id, gone) : new Set<string>();
    const removable = prune || spec.prune ? gone.filter((key) => !shared.has(key)) : [];
    if (removable.length > 0) await run.store.removeKeys(removable);
    run.summary.removed += removable.length;
    run.summary.missingKept += gone.length - removable.length;
  }
}
