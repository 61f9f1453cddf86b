import { listPaths } from './listPaths.js';
import { listWebSource } from './listWebSource.js';
import type { ListOptions, SourceEvent } from './sourceEvents.js';
import type { SourceSpec } from './sourceSpecs.js';

/** Lists the articles of one source. Never throws: failures become Skipped/SourceFailed events. */
export async function* listSource(spec: SourceSpec, options: ListOptions): AsyncGenerator<SourceEvent> {
  if (spec.kind === 'path') yield* listPaths(spec.id, options.maxBytes);
  else yield* listWebSource(spec.id, options);
}
