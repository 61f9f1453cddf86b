import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ExtractedArticle } from '../../src/core/types.js';
import { decodeText, sniffCharset } from '../extract/decode.js';
import { extractFromHtml } from '../extract/html.js';
import { normalizeStatedDate } from '../extract/dates.js';
import { extractFromText, markdownToText } from '../extract/plainText.js';
import { fetchResource, type FetchLimits } from './fetchResource.js';
import { looksLikeFeed, parseFeed, type FeedItem } from './feeds.js';
import type { SourceSpec } from './sourceSpecs.js';

/** An article found in a source, not yet extracted: extraction runs only when the raw hash changed. */
export interface Candidate {
  type: 'article';
  key: string;
  sourceId: string;
  location: string;
  rawHash: string;
  extract: () => Promise<ExtractedArticle>;
}

export interface Skipped {
  type: 'skipped';
  location: string;
  reason: string;
}

/** Reported when a whole source failed: its stored articles must not be treated as gone. */
export interface SourceFailed {
  type: 'source-failed';
  sourceId: string;
  reason: string;
}

export type SourceEvent = Candidate | Skipped | SourceFailed;

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);
const MIN_FULL_ARTICLE_WORDS = 150;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Extracts from bytes by kind: HTML, Markdown or plain text (sniffed when the extension says nothing). */
function extractBytes(bytes: Uint8Array, origin: { location: string; source: string; url: string | null; contentType?: string | null }): ExtractedArticle {
  const { text } = decodeText(bytes, sniffCharset(origin.contentType ?? null, bytes));
  const ext = extname(origin.url ? new URL(origin.url).pathname : origin.location).toLowerCase();
  const isHtml = /html/i.test(origin.contentType ?? '') || ext === '.html' || ext === '.htm' || ext === '.xhtml' || /^\s*(<!doctype html|<html)/i.test(text.slice(0, 500));
  if (isHtml) return extractFromHtml(text, origin);
  if (ext === '.md' || ext === '.markdown') return extractFromText(markdownToText(text), origin);
  return extractFromText(text, origin);
}

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

async function fileEvent(path: string, sourceId: string, maxBytes: number, explicit: boolean): Promise<SourceEvent | null> {
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
      extract: async () => extractBytes(bytes, { location: path, source: basename(path), url: null }),
    };
  } catch (error) {
    return { type: 'skipped', location: path, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

function feedItemEvent(item: FeedItem, feedUrl: string, sourceId: string, limits: FetchLimits, outlet: string | null): SourceEvent {
  const link = item.link ? new URL(item.link, feedUrl).toString() : null;
  const key = link ?? `${feedUrl}#${item.id ?? item.title ?? ''}`;
  const published = normalizeStatedDate(item.published);
  const summaryWords = item.html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
  const hints = { title: item.title ?? undefined, published, outlet: outlet ?? undefined };
  const fromSummary = () => extractFromHtml(`<html><body><article>${item.html}</article></body></html>`, { location: key, url: link, source: link ?? feedUrl, hints });
  return {
    type: 'article',
    key,
    sourceId,
    location: key,
    rawHash: sha256(`${item.title}\n${item.published}\n${item.html}`),
    extract: async () => {
      if ((item.hasFullContent && summaryWords >= MIN_FULL_ARTICLE_WORDS) || !link) return fromSummary();
      // Only a summary: the article itself is at the item's link.
      try {
        const page = await fetchResource(link, limits);
        const article = extractBytes(page.bytes, { location: link, source: link, url: link, contentType: page.contentType });
        return { ...article, published: article.published ?? published, title: article.title || item.title || link };
      } catch {
        return fromSummary();
      }
    },
  };
}

/** Lists the articles of one source. Never throws: failures become Skipped/SourceFailed events. */
export async function* listSource(spec: SourceSpec, limits: FetchLimits): AsyncGenerator<SourceEvent> {
  if (spec.kind === 'path') {
    let info;
    try {
      info = await stat(spec.id);
    } catch (error) {
      yield { type: 'source-failed', sourceId: spec.id, reason: `not found (${(error as NodeJS.ErrnoException).code})` };
      return;
    }
    if (info.isDirectory()) {
      try {
        for await (const path of walk(spec.id)) {
          const event = await fileEvent(path, spec.id, limits.maxBytes, false);
          if (event) yield event;
        }
      } catch (error) {
        yield { type: 'source-failed', sourceId: spec.id, reason: `folder unreadable (${(error as Error).message})` };
      }
    } else {
      const event = await fileEvent(spec.id, spec.id, limits.maxBytes, true);
      if (event) yield event;
    }
    return;
  }

  let page;
  try {
    page = await fetchResource(spec.id, limits);
  } catch (error) {
    yield { type: 'source-failed', sourceId: spec.id, reason: (error as Error).message };
    return;
  }
  let text: string;
  try {
    text = decodeText(page.bytes, sniffCharset(page.contentType, page.bytes)).text;
  } catch (error) {
    yield { type: 'source-failed', sourceId: spec.id, reason: (error as Error).message };
    return;
  }
  if (looksLikeFeed(text, page.contentType)) {
    let feed;
    try {
      feed = parseFeed(text);
    } catch (error) {
      yield { type: 'source-failed', sourceId: spec.id, reason: (error as Error).message };
      return;
    }
    const outlet = feed.title ?? new URL(spec.id).hostname.replace(/^www\./, '');
    for (const item of feed.items) yield feedItemEvent(item, page.finalUrl, spec.id, limits, outlet);
    return;
  }
  const url = spec.id;
  yield {
    type: 'article',
    key: url,
    sourceId: spec.id,
    location: url,
    rawHash: sha256(page.bytes),
    extract: async () => extractBytes(page.bytes, { location: url, source: url, url: page.finalUrl, contentType: page.contentType }),
  };
}
