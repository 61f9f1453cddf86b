import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserFacingError } from '../../src/core/errors.js';

/** One configured source: a file, a folder, a web page or a feed. */
export interface SourceSpec {
  /** Stable identity: absolute path, or the URL as written. */
  id: string;
  kind: 'path' | 'url';
  /** Remove stored articles that this source no longer lists (per-source policy). */
  prune: boolean;
  /** Named on the command line for this run: fetched even while the source is backing off after failures. */
  explicit?: boolean;
  /**
   * Added by a Discord server (/feeds add), not by the operator: its URL is fetched under the
   * public-address guard like any link found in a feed, never trusted as a local origin.
   */
  fromDesk?: boolean;
}

export function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/**
 * A location as written: an http(s) URL, a file:// URL (read as the path it names), or a
 * path, which may contain spaces. Any other scheme is refused with one clear line.
 */
export function parseLocation(location: string, baseDir = process.cwd(), prune = false): SourceSpec {
  if (!location) throw new UserFacingError('bad_source', 'empty source entry');
  if (isUrl(location)) return { id: location.replace(/#.*$/, ''), kind: 'url', prune };
  if (/^file:\/\//i.test(location)) return { id: fileURLToPath(location), kind: 'path', prune };
  const scheme = location.match(/^([a-z][a-z0-9+.-]*):\/\//i)?.[1];
  if (scheme)
    throw new UserFacingError('bad_source', `unsupported source "${location}": ${scheme}:// is not supported (use http://, https://, file:// or a path)`);
  return { id: resolve(baseDir, location), kind: 'path', prune };
}

/**
 * One line of NEWS_SOURCES_FILE: a location, optionally quoted ("/data/news dir"), optionally
 * followed by the word `prune`. Unquoted paths may contain spaces: only a final `prune`
 * (or `prune=true`) is a flag.
 */
export function parseSourceEntry(entry: string, baseDir = process.cwd()): SourceSpec {
  const trimmed = entry.trim();
  const quoted = trimmed.match(/^(["'])(.*?)\1(?:\s+(.*))?$/);
  if (quoted) return parseLocation(quoted[2]!, baseDir, /^prune(=true)?$/i.test((quoted[3] ?? '').trim()));
  const flagged = trimmed.match(/^(.*\S)\s+prune(=true)?$/i);
  return flagged ? parseLocation(flagged[1]!, baseDir, true) : parseLocation(trimmed, baseDir);
}

/**
 * The sources to ingest: command-line ones when given (each argument is one location, spaces
 * and all), otherwise NEWS_SOURCES plus the lines of NEWS_SOURCES_FILE ("#" at the start of a
 * line or after a space starts a comment). Relative paths in the sources file are relative to
 * that file's folder.
 */
export function resolveSourceSpecs(options: { cliSources?: string[]; configured: string[]; sourcesFile?: string; defaults?: string[] }): SourceSpec[] {
  const specs: SourceSpec[] = [];
  if (options.cliSources && options.cliSources.length > 0) {
    specs.push(...options.cliSources.map((s) => ({ ...parseLocation(s.trim()), explicit: true })));
  } else {
    specs.push(...options.configured.map((s) => parseSourceEntry(s)));
    if (options.sourcesFile) {
      const file = resolve(options.sourcesFile);
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UserFacingError(
          'bad_source',
          `NEWS_SOURCES_FILE ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Fix the path in .env.`,
        );
      }
      content.split('\n').forEach((line, index) => {
        const entry = line.replace(/(^|\s)#.*$/, '').trim();
        if (!entry) return;
        try {
          specs.push(parseSourceEntry(entry, resolve(file, '..')));
        } catch (error) {
          throw new UserFacingError('bad_source', `${file}:${index + 1}: ${(error as Error).message}`);
        }
      });
    }
    if (specs.length === 0 && options.defaults) specs.push(...options.defaults.map((s) => parseSourceEntry(s)));
  }
  const unique = new Map(specs.map((s) => [s.id, s]));
  return [...unique.values()];
}
