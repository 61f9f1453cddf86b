import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { sha256 } from './sha256.js';
import type { SourceEvent } from './sourceEvents.js';

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

async function fileEvent(path: string, sourceId: string, maxBytes: number, explicit: boolean): Promise<SourceEvent> {
  if (!explicit && !TEXT_EXTENSIONS.has(extname(path).toLowerCase())) {
    return { type: 'skipped', location: path, reason: `unsupported file type "${extname(path) || 'none'}" (use .txt, .md or .html)` };
  }
  try {
    const info = await stat(path);
    if (info.size > maxBytes) return { type: 'skipped', location: path, reason: `too large (${info.size} bytes; MAX_ARTICLE_BYTES is ${maxBytes})` };
    if (info.size === 0) return { type: 'skipped', location: path, reason: 'empty file' };
    const bytes = await readFile(path);
    return {
      type: 'article',
      key: path,
      sourceId,
      location: path,
      rawHash: sha256(bytes),
      extract: async (extractor) => ({ article: await extractor(bytes, { location: path, source: basename(path), url: null }), summaryOnly: false }),
    };
  } catch (error) {
    return { type: 'skipped', location: path, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

/**
 * Lists a file, or every file of a folder and its subfolders (by name, hidden ones left
 * out). A file named as the source is read whatever its extension; in a folder only text
 * and HTML files are.
 */
export async function* listPaths(sourceId: string, maxBytes: number): AsyncGenerator<SourceEvent> {
  let info: Stats;
  try {
    info = await stat(sourceId);
  } catch (error) {
    yield { type: 'source-failed', sourceId, reason: `not found (${(error as NodeJS.ErrnoException).code})` };
    return;
  }
  if (!info.isDirectory()) {
    yield await fileEvent(sourceId, sourceId, maxBytes, true);
    return;
  }
  try {
    for await (const path of walk(sourceId)) yield await fileEvent(path, sourceId, maxBytes, false);
  } catch (error) {
    yield { type: 'source-failed', sourceId, reason: `folder unreadable (${(error as Error).message})` };
  }
}
