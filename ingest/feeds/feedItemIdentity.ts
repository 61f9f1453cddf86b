import { canonicalUrl } from './canonicalUrl.js';

/**
 * When two feed items are the same story. A feed's GUID is its publisher's name for the item
 * and survives a changed URL, so it is used when present; the link, in its canonical form
 * (canonicalUrl.ts), recognises the same story reached with other tracking parameters, or
 * under another GUID (the RSS and Atom feeds of one site, a feed that changed GUID scheme).
 * Either matching means the same item.
 */
export interface IdentifiableItem {
  /** RSS <guid> / Atom <id>. */
  id: string | null;
  link: string | null;
  /** The feed the item came from: a GUID that is not a URL ("42") is unique only within its feed. */
  feedUrl?: string | null;
}

export interface ItemIdentity {
  /** The GUID, canonicalised when it is a URL, prefixed with its feed when it is not; null when the item has no usable one. */
  guid: string | null;
  /** The link's canonical URL; null when it has none or it points at nothing in particular. */
  url: string | null;
}

/** GUIDs that some feed generators write when they have none: they would make every item "the same". */
const PLACEHOLDER_GUIDS = new Set(['', '0', '-', '#', '/', 'null', 'undefined', 'none', 'nil', 'false', 'about:blank']);

/**
 * A URL that names no item: a site's home page (path "/" and no query). Feeds that give every
 * item the home page as link or permalink GUID ("a permalink of nothing") would otherwise
 * merge all their items into one.
 */
function namesNothing(canonical: string): boolean {
  const url = new URL(canonical);
  return url.pathname === '/' && url.search === '' && url.hash === '';
}

function usableUrl(text: string | null, base?: string | null): string | null {
  if (!text) return null;
  const canonical = canonicalUrl(text, base ?? undefined);
  return canonical && !namesNothing(canonical) ? canonical : null;
}

function guidOf(item: IdentifiableItem): string | null {
  const guid = item.id?.trim() ?? '';
  if (PLACEHOLDER_GUIDS.has(guid.toLowerCase())) return null;
  if (/^https?:\/\//i.test(guid)) return usableUrl(guid);
  const feed = item.feedUrl ? (canonicalUrl(item.feedUrl) ?? item.feedUrl) : '';
  return `${feed} ${guid}`;
}

/** A URL GUID stands in for a missing link: in RSS a permalink GUID is the item's address. */
export function itemIdentity(item: IdentifiableItem): ItemIdentity {
  const link = item.link ?? (item.id && /^https?:\/\//i.test(item.id.trim()) ? item.id : null);
  return { guid: guidOf(item), url: usableUrl(link, item.feedUrl) };
}

/**
 * The keys under which an item is remembered as seen: a store or a Set holding these finds
 * a duplicate with one lookup per key. An item with neither a usable GUID nor a usable link
 * has no keys and is never a duplicate of anything.
 */
export function identityKeys(item: IdentifiableItem): string[] {
  const { guid, url } = itemIdentity(item);
  return [...(guid ? [`guid:${guid}`] : []), ...(url ? [`url:${url}`] : [])];
}

export function isSameItem(a: IdentifiableItem, b: IdentifiableItem): boolean {
  const keysOfB = new Set(identityKeys(b));
  return identityKeys(a).some((key) => keysOfB.has(key));
}
