import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One configured source: a file, a folder, a web page or a feed. */
export interface SourceSpec {
  /** Stable identity: absolute path, or the URL as written. */
  id: string;
  kind: 'path' | 'url';
  /** Remove stored articles that this source no longer lists (per-source policy). */
  prune: boolean;
}

export function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** Parses one source entry: "path-or-url [prune]". */
export function parseSourceEntry(entry: string, baseDir = process.cwd()): SourceSpec {
  const [location, ...flags] = entry.trim().split(/\s+/);
  if (!location) throw new Error('empty source entry');
  const prune = flags.some((f) => /^(prune|prune=true)$/i.test(f));
  if (isUrl(location)) return { id: location.replace(/#.*$/, ''), kind: 'url', prune };
  return { id: resolve(baseDir, location), kind: 'path', prune };
}

/**
 * The sources to ingest: command-line ones when given, otherwise NEWS_SOURCES plus the
 * lines of NEWS_SOURCES_FILE ("#" starts a comment). Relative paths in the sources file
 * are relative to that file's folder.
 */
export function resolveSourceSpecs(options: { cliSources?: string[]; configured: string[]; sourcesFile?: string; defaults?: string[] }): SourceSpec[] {
  const specs: SourceSpec[] = [];
  if (options.cliSources && options.cliSources.length > 0) {
    specs.push(...options.cliSources.map((s) => parseSourceEntry(s)));
  } else {
    specs.push(...options.configured.map((s) => parseSourceEntry(s)));
    if (options.sourcesFile) {
      const file = resolve(options.sourcesFile);
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (error) {
        throw new Error(`NEWS_SOURCES_FILE ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Fix the path in .env.`);
      }
      for (const line of content.split('\n')) {
        const entry = line.replace(/(^|\s)#.*$/, '').trim();
        if (entry) specs.push(parseSourceEntry(entry, resolve(file, '..')));
      }
    }
    if (specs.length === 0 && options.defaults) specs.push(...options.defaults.map((s) => parseSourceEntry(s)));
  }
  const unique = new Map(specs.map((s) => [s.id, s]));
  return [...unique.values()];
}
