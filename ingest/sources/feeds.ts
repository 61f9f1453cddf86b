import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface FeedItem {
  title: string | null;
  link: string | null;
  id: string | null;
  published: string | null;
  /** Full content when the feed carries it (content:encoded, Atom content), else the summary. */
  html: string;
  hasFullContent: boolean;
}

export interface ParsedFeed {
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

export class MalformedFeedError extends Error {
  override name = 'MalformedFeedError';
}

/** Whether a document is an RSS/Atom/RDF feed rather than a web page. */
export function looksLikeFeed(text: string, contentType: string | null): boolean {
  if (contentType && /(rss|atom)\+xml/i.test(contentType)) return true;
  const head = text.slice(0, 1000);
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

type Node = Record<string, unknown> | string | undefined;

function text(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim() || null;
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') return text((node as Record<string, unknown>)['#text']);
  return null;
}

function atomLink(links: unknown): string | null {
  const list = (Array.isArray(links) ? links : [links]) as Node[];
  const alternate = list.find((l) => typeof l === 'object' && l && (!l['@_rel'] || l['@_rel'] === 'alternate'));
  if (alternate && typeof alternate === 'object') return (alternate['@_href'] as string) ?? null;
  return text(list[0]);
}

/** Parses RSS 2.0, RSS 1.0 (RDF) and Atom. Throws MalformedFeedError with the XML error's line. */
export function parseFeed(xml: string): ParsedFeed {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new MalformedFeedError(`malformed feed XML at line ${validation.err.line}: ${validation.err.msg}`);
  }
  const doc = parser.parse(xml) as Record<string, Record<string, unknown>>;
  if (doc.rss || doc['rdf:RDF']) {
    const channel = (doc.rss?.channel ?? doc['rdf:RDF']?.channel ?? {}) as Record<string, unknown>;
    const rawItems = (doc.rss ? channel.item : doc['rdf:RDF']?.item) as Record<string, unknown>[] | undefined;
    return {
      title: text(channel.title),
      link: text(channel.link),
      items: (rawItems ?? []).map((item) => {
        const full = text(item['content:encoded']);
        return {
          title: text(item.title),
          link: text(item.link) ?? text(item.guid),
          id: text(item.guid) ?? text(item.link),
          published: text(item.pubDate) ?? text(item['dc:date']) ?? null,
          html: full ?? text(item.description) ?? '',
          hasFullContent: Boolean(full),
        };
      }),
    };
  }
  if (doc.feed) {
    const feed = doc.feed;
    const entries = (feed.entry ?? []) as Record<string, unknown>[];
    return {
      title: text(feed.title),
      link: atomLink(feed.link),
      items: entries.map((entry) => {
        const full = text(entry.content);
        return {
          title: text(entry.title),
          link: atomLink(entry.link),
          id: text(entry.id),
          published: text(entry.published) ?? text(entry.updated) ?? null,
          html: full ?? text(entry.summary) ?? '',
          hasFullContent: Boolean(full),
        };
      }),
    };
  }
  throw new MalformedFeedError('not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)');
}
