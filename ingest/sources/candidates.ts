import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ExtractedArticle } from '../../src/core/types.js';
import { decodeText, sniffCharset } from '../extract/decode.js';
import type { BytesOrigin } from '../extract/extractBytes.js';
import { normalizeStatedDate } from '../extract/dates.js';
import { FetchPolicy } from './fetchPolicy.js';
import { fetchResource, FetchError, RefusedFetchError, type FetchLimits, type Validators } from './fetchResource.js';
import { looksLikeFeed, parseFeed, type FeedItem } from './feeds.js';
import { sameSiteUrl } from './sameSiteUrl.js';
import type { SourceSpec } from './sourceSpecs.js';

/** Turns raw bytes into an article; the pipeline runs it in worker threads with a time limit. */
export type Extractor = (bytes: Uint8Array, origin: BytesOrigin) => Promise<ExtractedArticle>;

export interface Extraction {
  article: ExtractedArticle;
  /** Only the feed's summary could be stored: the article page failed. Retried on later ingests. */
  summaryOnly: boolean;
}

/** An article found in a source, not yet extracted: extraction runs only when the raw hash changed. */
export interface Candidate {
  type: 'article';
  key: string;
  sourceId: string;
  location: string;
  rawHash: string;
  extract: (extractor: Extractor) => Promise<Extraction>;
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

/** The server said the source has not changed since the last ingest (HTTP 304). */
export interface SourceNotModified {
  type: 'not-modified';
  sourceId: string;
}

export type SourceEvent = Candidate | Skipped | SourceFailed | SourceNotModified;

/** Remembers ETag / Last-Modified per URL between ingests, for conditional requests. */
export interface HttpValidatorCache {
  get(url: string): Validators | undefined;
  set(url: string, validators: Validators): void;
}

export interface ListOptions extends FetchLimits {
  /** Overall time for one feed's item pages; items not fetched by then are stored as summaries. */
  feedDeadlineMs: number;
  validators?: HttpValidatorCache;
  /** Fetch this source in full even if unchanged (it has summary-only articles to retry). */
  forceRefetch?: (sourceId: string) => boolean;
  /** Told of every link the address guard refused (reported in the ingest summary). */
  onRefused?: (location: string, reason: string) => void;
  /** Told why an item page could not be fetched (its item falls back to the feed's summary). */
  onPageFailed?: (location: string, reason: string) => void;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml']);
/** A feed item with at least this many words of content carries the article itself, not a teaser. */
const MIN_FULL_ARTICLE_WORDS = 150;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
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

/** The extracted article, cited under its canonical URL only when that is on the fetched page's own site. */
function citedAt(article: ExtractedArticle, fetchedUrl: string | null): ExtractedArticle {
  return fetchedUrl ? { ...article, url: sameSiteUrl(article.url, fetchedUrl) } : article;
}

function feedItemEvent(item: FeedItem, feedUrl: string, sourceId: string, limits: ItemLimits, outlet: string | null): SourceEvent {
  let link: string | null = null;
  try {
    const parsed = item.link ? new URL(item.link, feedUrl) : null;
    // Only web links are fetched or cited (a file:, javascript: or data: "link" is neither).
    link = parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.toString() : null;
  } catch {
    link = null;
  }
  const key = link ?? `${feedUrl}#${item.id ?? item.title ?? ''}`;
  const published = normalizeStatedDate(item.published);
  const summaryWords = item.html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
  const hints = { title: item.title ?? undefined, published, outlet: outlet ?? undefined };
  const summaryPage = new TextEncoder().encode(`<!doctype html><html><body><article>${item.html}</article></body></html>`);
  return {
    type: 'article',
    key,
    sourceId,
    location: key,
    rawHash: sha256(`${item.title}\n${item.published}\n${item.html}`),
    extract: async (extractor) => {
      // `citable` is the link the summary is cited under: none for a refused link (no citation may point into a private network).
      const fromSummary = async (summaryOnly: boolean, citable = link) => {
        const article = await extractor(summaryPage, { location: key, url: citable, source: citable ?? feedUrl, hints, contentType: 'text/html' });
        return { article: citable ? citedAt(article, citable) : { ...article, url: null }, summaryOnly };
      };
      if ((item.hasFullContent && summaryWords >= MIN_FULL_ARTICLE_WORDS) || !link) return fromSummary(false);
      // Only a summary: the article itself is at the item's link.
      try {
        const page = await fetchResource(link, limits);
        const article = citedAt(await extractor(page.bytes, { location: link, source: link, url: page.finalUrl, contentType: page.contentType, hints }), page.finalUrl);
        return { article: { ...article, published: article.published ?? published, title: article.title || item.title || link }, summaryOnly: false };
      } catch (error) {
        if (!(error instanceof RefusedFetchError)) {
          limits.onPageFailed?.(link, (error as Error).message);
          return fromSummary(true);
        }
        limits.onRefused?.(link, error.reason);
        // Kept as "summary only" when the feed gave one; otherwise skipped with the refusal as its reason.
        if (summaryWords === 0) throw new FetchError(`not fetched: the link ${error.reason}`);
        return fromSummary(true, null);
      }
    },
  };
}

type ItemLimits = FetchLimits & Pick<ListOptions, 'onRefused' | 'onPageFailed'>;

/** Lists the articles of one source. Never throws: failures become Skipped/SourceFailed events. */
export async function* listSource(spec: SourceSpec, options: ListOptions): AsyncGenerator<SourceEvent> {
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
        for await (const path of walk(spec.id)) yield await fileEvent(path, spec.id, options.maxBytes, false);
      } catch (error) {
        yield { type: 'source-failed', sourceId: spec.id, reason: `folder unreadable (${(error as Error).message})` };
      }
    } else {
      yield await fileEvent(spec.id, spec.id, options.maxBytes, true);
    }
    return;
  }

  // Without a policy from the caller, the operator's URL (this source) is the one trusted origin.
  const policy = options.policy ?? new FetchPolicy({ operatorUrls: [spec.id] });
  let page;
  try {
    const validators = options.forceRefetch?.(spec.id) ? {} : options.validators?.get(spec.id);
    page = await fetchResource(spec.id, { ...options, policy }, validators);
  } catch (error) {
    if (error instanceof RefusedFetchError) options.onRefused?.(spec.id, error.message);
    yield { type: 'source-failed', sourceId: spec.id, reason: (error as Error).message };
    return;
  }
  if (page.notModified) {
    yield { type: 'not-modified', sourceId: spec.id };
    return;
  }
  let text: string;
  try {
    text = decodeText(page.bytes, sniffCharset(page.contentType, page.bytes)).text;
  } catch (error) {
    yield { type: 'source-failed', sourceId: spec.id, reason: (error as Error).message };
    return;
  }
  const remember = () => options.validators?.set(spec.id, { etag: page.etag, lastModified: page.lastModified });
  if (looksLikeFeed(text, page.contentType)) {
    let feed;
    try {
      feed = parseFeed(text);
    } catch (error) {
      yield { type: 'source-failed', sourceId: spec.id, reason: (error as Error).message };
      return;
    }
    const outlet = feed.title ?? new URL(spec.id).hostname.replace(/^www\./, '');
    // One deadline for all of the feed's item pages: a host that hangs costs the feed at most this long.
    const deadline = AbortSignal.timeout(options.feedDeadlineMs);
    const itemLimits: ItemLimits = {
      ...options,
      policy,
      signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline,
      deadlineAt: Date.now() + options.feedDeadlineMs,
    };
    for (const item of feed.items) yield feedItemEvent(item, page.finalUrl, spec.id, itemLimits, outlet);
    remember();
    return;
  }
  const url = spec.id;
  const bytes = page.bytes;
  yield {
    type: 'article',
    key: url,
    sourceId: spec.id,
    location: url,
    rawHash: sha256(bytes),
    extract: async (extractor) => ({ article: citedAt(await extractor(bytes, { location: url, source: url, url: page.finalUrl, contentType: page.contentType }), page.finalUrl), summaryOnly: false }),
  };
  remember();
}
