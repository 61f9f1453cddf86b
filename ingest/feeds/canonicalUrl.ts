/**
 * An article URL's identity for duplicate detection: the same story reached from a feed, a
 * newsletter and a share button arrives under different URLs that differ only in tracking
 * parameters. Those parameters are removed, the fragment (a place in the page, not another
 * page) dropped; host case and default ports are normalised by the WHATWG URL parser. Every
 * other query parameter is kept, in its order and with its original encoding: it may select
 * the article (?p=123, ?id=), and re-encoding could turn two different URLs into one.
 */

/**
 * Parameters added by analytics, ad and mail tools, never by the site to select content.
 * Sources: the global rules of ClearURLs and Firefox's query-parameter stripping list, kept to
 * names that are unambiguous across sites (a bare `ref` or `source` may select content, so
 * they stay). Compared case-insensitively.
 */
export const TRACKING_PARAMETERS: ReadonlySet<string> = new Set([
  // Google Analytics / Ads, Search Ads 360, Google Shopping
  '_ga',
  '_gl',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'srsltid',
  // Meta (Facebook, Instagram)
  'fbclid',
  'fb_action_ids',
  'fb_action_types',
  'fb_ref',
  'fb_source',
  'igshid',
  // Microsoft Ads, Yandex, Twitter/X, TikTok, LinkedIn
  'msclkid',
  'yclid',
  '_openstat',
  'twclid',
  'ref_src',
  'ref_url',
  '__twitter_impression',
  'ttclid',
  'li_fat_id',
  // Mailchimp, HubSpot, Marketo, Vero, Mailerlite, Olytics, Klaviyo, Wicked Reports, Rakuten, Adobe
  'mc_cid',
  'mc_eid',
  'mc_tc',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'vero_id',
  'vero_conv',
  'ml_subscriber',
  'ml_subscriber_hash',
  'oly_anon_id',
  'oly_enc_id',
  '_kx',
  'wickedid',
  'rb_clickid',
  's_cid',
]);

/** Families of tracking parameters named by prefix: Urchin/Google (utm_source, utm_medium, ...), and its in-site variant (itm_). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_', 'itm_'];

export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMETERS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The query without tracking parameters; each kept `name=value` piece is left exactly as written. */
function queryWithoutTrackers(search: string): string {
  const kept = search
    .slice(1)
    .split('&')
    .filter((piece) => piece !== '' && !isTrackingParameter(parameterName(piece)));
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

function parameterName(piece: string): string {
  const raw = piece.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a stray % is not a tracker's name either way
  }
}

/**
 * The canonical form of an http(s) URL (relative ones resolved against `base`), or null when
 * it is not one. A `#!` fragment is kept: on sites built for Google's old AJAX crawling
 * scheme it is the article's address (example.com/#!/story/42), not a place in a page.
 */
export function canonicalUrl(text: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.search = queryWithoutTrackers(url.search);
  if (!url.hash.startsWith('#!')) url.hash = '';
  return url.href;
}
