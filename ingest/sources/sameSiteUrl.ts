import { getDomain } from 'tldts';

/**
 * The URL an article is cited under. A page's rel=canonical / og:url is the publisher's own
 * word for its address, so it is kept only when it stays on the fetched page's site: the
 * same registrable domain (news.example.co.uk and www.example.co.uk are one site;
 * example.co.uk and other.co.uk are not), from the Public Suffix List via tldts. Private
 * suffixes count (alice.github.io and bob.github.io are different owners). Otherwise a
 * page could make its citation claim another outlet; the fetched URL is used instead.
 */
export function sameSiteUrl(claimed: string | null, fetched: string): string {
  if (!claimed || claimed === fetched) return fetched;
  let claimedUrl: URL;
  let fetchedUrl: URL;
  try {
    claimedUrl = new URL(claimed);
    fetchedUrl = new URL(fetched);
  } catch {
    return fetched;
  }
  if (claimedUrl.protocol !== 'http:' && claimedUrl.protocol !== 'https:') return fetched;
  return siteOf(claimedUrl) === siteOf(fetchedUrl) ? claimedUrl.href : fetched;
}

/** The registrable domain, or for an IP address or a bare name (localhost) the host itself. */
function siteOf(url: URL): string {
  return getDomain(url.hostname, { allowPrivateDomains: true }) ?? url.hostname;
}
