import { resolveSourceSpecs } from '../../../ingest/sources/sourceSpecs.js';
import { DEFAULT_SOURCES } from '../../app/bootstrap.js';
import type { Config } from '../../app/config.js';

/**
 * The operator's global sources as source ids: NEWS_SOURCES and NEWS_SOURCES_FILE (the
 * sample articles when neither is set, as ingest reads them). Every server sees them.
 * Throws the configuration's UserFacingError when the sources file cannot be read.
 */
export function globalSourceIds(config: Config): string[] {
  return resolveSourceSpecs({ configured: config.sources, sourcesFile: config.sourcesFile, defaults: DEFAULT_SOURCES }).map((s) => s.id);
}
