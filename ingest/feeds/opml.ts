import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlText, escapeXml } from './xmlText.js';

/**
 * OPML, the subscription-list format every feed reader imports and exports (Feedly,
 * Inoreader, Miniflux, FreshRSS, NetNewsWire). Readers nest feeds in folders of outlines;
 * the folders are flattened here, since a news desk has no folders. The file comes from a
 * Discord user, so it is bounded (size, feeds, nesting) and parsed with entity processing
 * off: entities are decoded by xmlText.ts in a single pass, and a file declaring its own
 * (<!ENTITY>, the "billion laughs" shape) is refused before parsing.
 */
export interface OpmlFeed {
  /** The feed's address (xmlUrl), http or https. */
  url: string;
  title: string;
  /** The site's home page, when the file names one. */
  htmlUrl?: string;
}

export interface OpmlRejection {
  /** The entry's title, or its address when it has none. */
  entry: string;
  reason: string;
}

export interface OpmlImport {
  title: string | null;
  feeds: OpmlFeed[];
  /** Entries that name a feed but cannot be subscribed to, each with why. */
  rejected: OpmlRejection[];
}

/** The whole file is refused with this error (malformed, too large, not OPML). */
export class OpmlError extends Error {
  override name = 'OpmlError';
}

/** Large exports (Inoreader with a few thousand feeds) are ~1 MB; beyond 2 MB it is not a subscription list. */
export const MAX_OPML_CHARS = 2_000_000;
/** Feeds one import may add; a news desk polling more would poll each rarely anyway. */
export const MAX_OPML_FEEDS = 1_000;
/** Folder nesting read: readers export one or two levels; deep nesting only costs stack. */
export const MAX_OUTLINE_DEPTH = 16;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'outline',
});

type Outline = Record<string, unknown> & { outline?: Outline[] };

/** Parses an OPML 1.0/2.0 subscription list. Throws OpmlError for a file that cannot be read as one. */
export function parseOpml(xml: string): OpmlImport {
  const doc = parseDocument(xml);
  const opml = doc.opml as Record<string, unknown> | undefined;
  const body = opml?.body;
  if (!opml || body === undefined) throw new OpmlError('not an OPML file (no <opml> root with a <body>)');
  const result: OpmlImport = { title: headTitle(opml.head), feeds: [], rejected: [] };
  const seen = new Set<string>();
  collect(typeof body === 'object' ? ((body as Outline).outline ?? []) : [], 1, result, seen);
  return result;
}

function parseDocument(xml: string): Record<string, unknown> {
  if (xml.length > MAX_OPML_CHARS) throw new OpmlError(`the OPML file is larger than ${MAX_OPML_CHARS} characters`);
  if (/<!ENTITY/i.test(xml)) throw new OpmlError('the OPML file declares XML entities (<!ENTITY>), which are not accepted');
  const validation = XMLValidator.validate(xml);
  if (validation !== true) throw new OpmlError(`malformed OPML at line ${validation.err.line}: ${validation.err.msg}`);
  try {
    return parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    // The parser's own limits (e.g. more than 100 nested tags) end the read with a plain Error.
    throw new OpmlError(`the OPML file could not be read: ${(error as Error).message}`);
  }
}

function headTitle(head: unknown): string | null {
  const title = head && typeof head === 'object' ? (head as Record<string, unknown>).title : undefined;
  return typeof title === 'string' ? decodeXmlText(title).trim() || null : null;
}

/** An attribute by name, ignoring case: exporters write xmlUrl, xmlurl and xmlURL. */
function attribute(outline: Outline, name: string): string | null {
  const wanted = `@_${name}`.toLowerCase();
  const key = Object.keys(outline).find((k) => k.toLowerCase() === wanted);
  const value = key === undefined ? undefined : outline[key];
  return typeof value === 'string' ? decodeXmlText(value).trim() || null : null;
}

/** Walks outlines depth first, in document order: feeds are added in the order the user sees them in their reader. */
function collect(outlines: Outline[], depth: number, result: OpmlImport, seen: Set<string>): void {
  if (outlines.length > 0 && depth > MAX_OUTLINE_DEPTH) throw new OpmlError(`the OPML file nests folders more than ${MAX_OUTLINE_DEPTH} levels deep`);
  for (const outline of outlines) {
    if (typeof outline !== 'object' || outline === null) continue;
    const xmlUrl = attribute(outline, 'xmlUrl');
    if (xmlUrl !== null) addFeed(outline, xmlUrl, result, seen);
    else if (!outline.outline && isFeedEntry(outline)) result.rejected.push({ entry: labelOf(outline, '(untitled)'), reason: 'no feed address (xmlUrl)' });
    collect(outline.outline ?? [], depth + 1, result, seen);
  }
}

/** An outline without children that still claims to be a subscription (a type or a site address); a plain one is an empty folder or a note. */
function isFeedEntry(outline: Outline): boolean {
  return /^(rss|atom|feed)$/i.test(attribute(outline, 'type') ?? '') || attribute(outline, 'htmlUrl') !== null;
}

function labelOf(outline: Outline, fallback: string): string {
  return (attribute(outline, 'title') ?? attribute(outline, 'text') ?? fallback).slice(0, 200);
}

/** A feed listed in several folders is added once, where it first appears. */
function addFeed(outline: Outline, xmlUrl: string, result: OpmlImport, seen: Set<string>): void {
  const url = webAddress(xmlUrl);
  if (typeof url !== 'string') {
    result.rejected.push({ entry: labelOf(outline, xmlUrl), reason: url.reason });
    return;
  }
  if (seen.has(url)) return;
  if (result.feeds.length >= MAX_OPML_FEEDS) throw new OpmlError(`the OPML file lists more than ${MAX_OPML_FEEDS} feeds`);
  seen.add(url);
  const htmlUrl = attribute(outline, 'htmlUrl');
  const site = htmlUrl === null ? null : webAddress(htmlUrl);
  result.feeds.push({ url, title: labelOf(outline, url), ...(typeof site === 'string' ? { htmlUrl: site } : {}) });
}

/** The normalised http(s) URL, or why the text is not one. */
function webAddress(text: string): string | { reason: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { reason: `not a valid URL: ${text.slice(0, 200)}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: `not an http or https address (${url.protocol.slice(0, 20)})` };
  return url.href;
}

export interface OpmlWriteOptions {
  title: string;
  /** The head's dateCreated; omitted when not given, so the same feeds give the same file. */
  dateCreated?: Date;
}

/** An OPML 2.0 document listing the feeds, every value escaped; parseOpml reads it back unchanged. */
export function writeOpml(feeds: readonly OpmlFeed[], options: OpmlWriteOptions): string {
  const head = [`    <title>${escapeXml(options.title)}</title>`];
  if (options.dateCreated) head.push(`    <dateCreated>${options.dateCreated.toUTCString()}</dateCreated>`);
  const outlines = feeds.map((feed) => {
    const title = escapeXml(feed.title);
    const htmlUrl = feed.htmlUrl ? ` htmlUrl="${escapeXml(feed.htmlUrl)}"` : '';
    return `    <outline type="rss" text="${title}" title="${title}" xmlUrl="${escapeXml(feed.url)}"${htmlUrl}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    ...head,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
