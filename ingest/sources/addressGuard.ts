import ipaddr from 'ipaddr.js';

/**
 * Which IP addresses a link found in a feed or page may lead the bot to. Only globally
 * routable unicast addresses are public: everything else (loopback, RFC 1918 private,
 * link-local and the cloud metadata address 169.254.169.254, unique-local, multicast, CGNAT,
 * unspecified, broadcast, documentation/benchmark/reserved ranges, ...) may be a service on the
 * bot's own network. The ranges are ipaddr.js's (maintained, RFC-sourced), not hand-written.
 */
export interface AddressClass {
  address: string;
  /** ipaddr.js's range name (e.g. "loopback", "private", "carrierGradeNat"), or ours for IPv4-compatible forms. */
  range: string;
  public: boolean;
}

/** IPv6 ranges that carry an IPv4 address in their last 32 bits: judged by that address. */
const EMBEDS_IPV4_LOW = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052']);

const LOCAL_USE_NAT64 = ipaddr.parseCIDR('64:ff9b:1::/48') as [ipaddr.IPv6, number];

/** Classifies one textual IPv4 or IPv6 address (brackets and zone ids allowed). Throws on text that is not an address. */
export function classifyAddress(text: string): AddressClass {
  const address = ipaddr.parse(text.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (address.kind() === 'ipv4') {
    const range = address.range();
    return { address: address.toString(), range, public: range === 'unicast' };
  }
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  // 64:ff9b:1::/48 (RFC 8215) is NAT64 for a local translator, whose prefix length (and so
  // where the IPv4 address sits) is the network's choice: it may reach any private host.
  if (v6.match(LOCAL_USE_NAT64)) return { address: v6.toString(), range: 'localUseNat64', public: false };
  const embedded = embeddedIPv4(v6, range);
  if (embedded) {
    const inner = embedded.range();
    // A NAT64 or 6to4 address of a public IPv4 host is a public destination; of a private one, it is not.
    return { address: v6.toString(), range: inner === 'unicast' ? range : `${range} of ${embedded.toString()}, ${inner}`, public: inner === 'unicast' };
  }
  if (range === 'unicast' && v6.parts.slice(0, 6).every((p) => p === 0)) {
    // ::a.b.c.d, the deprecated IPv4-compatible form (RFC 4291 2.5.5.1): never a real public destination.
    return { address: v6.toString(), range: 'ipv4Compatible', public: false };
  }
  return { address: v6.toString(), range, public: range === 'unicast' };
}

function embeddedIPv4(v6: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const ipv4FromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  if (EMBEDS_IPV4_LOW.has(range)) return ipv4FromWords(v6.parts[6]!, v6.parts[7]!);
  // 6to4 (2002::/16) puts the IPv4 address in bits 16-48.
  if (range === '6to4') return ipv4FromWords(v6.parts[1]!, v6.parts[2]!);
  return null;
}

/** Whether a URL host (as `new URL().hostname` gives it) is an IP literal rather than a name. */
export function isAddressLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ''));
}

/** A link refused because it leads to a non-public address; `reason` is the line shown in the ingest summary. */
export class AddressRefusedError extends Error {
  override name = 'AddressRefusedError';
  readonly code = 'ERR_PRIVATE_ADDRESS';
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function refusalReason(found: AddressClass): string {
  return `resolves to a private address ${found.address} (${found.range})`;
}

/** An allow-list entry (FETCH_ALLOWED_HOSTS): a CIDR range or a host name. */
export type AllowedHost = { kind: 'cidr'; range: [ipaddr.IPv4 | ipaddr.IPv6, number] } | { kind: 'name'; name: string };

/** Parses FETCH_ALLOWED_HOSTS entries; throws with the entry named when one is neither a host name nor a CIDR range. */
export function parseAllowedHosts(entries: string[]): AllowedHost[] {
  return entries.map((entry) => {
    const text = entry.trim().toLowerCase();
    if (text.includes('/')) {
      if (!ipaddr.isValidCIDR(text)) throw new Error(`"${entry}" is not a valid CIDR range (write e.g. 10.0.0.0/8 or fd00::/8)`);
      return { kind: 'cidr', range: ipaddr.parseCIDR(text) };
    }
    if (isAddressLiteral(text)) return { kind: 'cidr', range: ipaddr.parseCIDR(`${text.replace(/^\[|\]$/g, '')}/${text.includes(':') ? 128 : 32}`) };
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(text)) {
      throw new Error(`"${entry}" is neither a host name nor a CIDR range`);
    }
    return { kind: 'name', name: text.replace(/\.$/, '') };
  });
}

/** Whether an allow-list admits this host name or this address. */
export function allowListAdmits(allowed: AllowedHost[], hostname: string, address?: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  const parsed = address ?? (isAddressLiteral(name) ? name.replace(/^\[|\]$/g, '') : undefined);
  return allowed.some((entry) => {
    if (entry.kind === 'name') return entry.name === name;
    if (!parsed) return false;
    let ip = ipaddr.parse(parsed);
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
    return ip.kind() === entry.range[0].kind() && ip.match(entry.range);
  });
}
