import { Agent, type Dispatcher } from 'undici';
import { AddressRefusedError, allowListAdmits, classifyAddress, isAddressLiteral, parseAllowedHosts, refusalReason, type AllowedHost } from './addressGuard.js';
import { guardedAgent, systemResolver, type Resolver } from './safeAgent.js';

export interface FetchPolicyOptions {
  /** URLs the operator configured (NEWS_SOURCES, NEWS_SOURCES_FILE, command line): their origins may be local. */
  operatorUrls?: string[];
  /** FETCH_ALLOW_PRIVATE_NETWORKS: no address check at all. */
  allowPrivateNetworks?: boolean;
  /** FETCH_ALLOWED_HOSTS: host names or CIDR ranges fetched wherever they resolve. */
  allowedHosts?: string[];
  /** DNS for guarded connections (tests inject one). */
  resolver?: Resolver;
}

/** Connections to origins the operator named, and everything when the guard is off: no address check. */
const unguarded = new Agent();

/**
 * Who may be fetched where. The operator's own source URLs, and anything on the same origin
 * (scheme, host and port) as one of them, are trusted: an operator may run a feed on
 * 127.0.0.1. Every other URL (feed items, redirects, discovered links) connects only to
 * public addresses, checked at connect time by the guarded agent.
 */
export class FetchPolicy {
  private readonly trustedOrigins: Set<string>;
  private readonly allowed: AllowedHost[];
  private guarded: Agent | null = null;

  constructor(private readonly options: FetchPolicyOptions = {}) {
    this.trustedOrigins = new Set((options.operatorUrls ?? []).flatMap((u) => originOf(u) ?? []));
    this.allowed = parseAllowedHosts(options.allowedHosts ?? []);
  }

  /**
   * The policy for reading one source: only that source's own origin is trusted, so a feed
   * configured on one host cannot lead the bot to another local source's origin (a feed on
   * a public site linking to the operator's 127.0.0.1:8080 admin). A source a Discord server
   * added (`operatorSource` false) trusts nothing, even on an operator's origin. Shares the guarded agent.
   */
  forSource(sourceUrl: string, operatorSource = true): FetchPolicy {
    const trusted = operatorSource && this.trustedOrigins.has(originOf(sourceUrl) ?? '');
    const scoped = new FetchPolicy({ ...this.options, operatorUrls: trusted ? [sourceUrl] : [] });
    scoped.guarded = this.guardedAgent();
    return scoped;
  }

  private guardedAgent(): Agent {
    this.guarded ??= guardedAgent(this.options.resolver ?? systemResolver, this.allowed);
    return this.guarded;
  }

  /** Whether a URL is on an operator-configured origin (or the guard is off). */
  trusts(url: URL): boolean {
    return Boolean(this.options.allowPrivateNetworks) || this.trustedOrigins.has(url.origin);
  }

  /**
   * The dispatcher to fetch `url` with. Throws AddressRefusedError for an untrusted URL whose
   * host is a literal non-public address (http://2130706433/, [::1]): no DNS lookup happens
   * for those, so they are judged here.
   */
  dispatcherFor(url: URL): Dispatcher {
    if (this.trusts(url)) return unguarded;
    const host = url.hostname;
    if (isAddressLiteral(host) && !allowListAdmits(this.allowed, host)) {
      const found = classifyAddress(host);
      if (!found.public) throw new AddressRefusedError(refusalReason(found));
    }
    return this.guardedAgent();
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
