import { describe, expect, it } from 'vitest';
import { allowListAdmits, classifyAddress, parseAllowedHosts } from '../../ingest/sources/addressGuard.js';
import { FetchPolicy } from '../../ingest/sources/fetchPolicy.js';

describe('address classification (ipaddr.js ranges)', () => {
  it.each([
    ['127.0.0.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'], // cloud instance metadata
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['192.0.2.10', 'reserved'], // documentation
    ['198.18.0.1', 'reserved'], // benchmarking
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::7f00:1', 'ipv4Compatible'],
  ])('%s is not public (%s)', (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ public: false, range });
  });

  it('judges IPv6 forms that embed an IPv4 address by that address', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toMatchObject({ public: false, range: 'ipv4Mapped of 127.0.0.1, loopback' });
    expect(classifyAddress('[::ffff:7f00:2]')).toMatchObject({ public: false, range: 'ipv4Mapped of 127.0.0.2, loopback' });
    expect(classifyAddress('64:ff9b::a00:1')).toMatchObject({ public: false, range: 'rfc6052 of 10.0.0.1, private' }); // NAT64
    expect(classifyAddress('2002:a9fe:a9fe::1')).toMatchObject({ public: false, range: '6to4 of 169.254.169.254, linkLocal' });
    expect(classifyAddress('::ffff:8.8.8.8')).toMatchObject({ public: true });
    expect(classifyAddress('64:ff9b::808:808')).toMatchObject({ public: true });
  });

  it('lets ordinary public addresses through', () => {
    expect(classifyAddress('8.8.8.8').public).toBe(true);
    expect(classifyAddress('93.184.216.34').public).toBe(true);
    expect(classifyAddress('2606:4700:4700::1111').public).toBe(true);
  });

  it('refuses numeric host spellings of loopback before any connection (the URL parser normalises them)', () => {
    const strict = new FetchPolicy();
    for (const url of [
      'http://2130706433/',
      'http://0x7f.1/',
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0/',
    ]) {
      expect(() => strict.dispatcherFor(new URL(url)), url).toThrow(/resolves to a private address/);
    }
    expect(() => strict.dispatcherFor(new URL('http://8.8.8.8/'))).not.toThrow();
  });

  it('trusts the operator origin only (scheme, host and port), and what the allow-list or the switch names', () => {
    const policy = new FetchPolicy({ operatorUrls: ['http://127.0.0.1:8080/feed.xml'], allowedHosts: ['intranet.example', '10.0.0.0/8'] });
    expect(policy.trusts(new URL('http://127.0.0.1:8080/other'))).toBe(true);
    expect(policy.trusts(new URL('http://127.0.0.1:8081/other'))).toBe(false);
    expect(policy.trusts(new URL('https://127.0.0.1:8080/other'))).toBe(false);
    expect(() => policy.dispatcherFor(new URL('http://127.0.0.2:8080/'))).toThrow(/127\.0\.0\.2 \(loopback\)/);
    expect(() => policy.dispatcherFor(new URL('http://10.1.2.3/'))).not.toThrow();
    expect(new FetchPolicy({ allowPrivateNetworks: true }).trusts(new URL('http://127.0.0.2/'))).toBe(true);
  });

  it('parses FETCH_ALLOWED_HOSTS entries and rejects malformed ones', () => {
    const allowed = parseAllowedHosts(['Intranet.Example', '10.0.0.0/8', 'fd00::/8', '127.0.0.2']);
    expect(allowListAdmits(allowed, 'intranet.example', '192.168.0.9')).toBe(true);
    expect(allowListAdmits(allowed, 'other.example', '10.9.9.9')).toBe(true);
    expect(allowListAdmits(allowed, 'other.example', '::ffff:10.9.9.9')).toBe(true);
    expect(allowListAdmits(allowed, 'other.example', 'fd00::5')).toBe(true);
    expect(allowListAdmits(allowed, '127.0.0.2')).toBe(true);
    expect(allowListAdmits(allowed, 'other.example', '192.168.0.9')).toBe(false);
    expect(() => parseAllowedHosts(['10.0.0.0/33'])).toThrow(/not a valid CIDR/);
    expect(() => parseAllowedHosts(['bad host!'])).toThrow(/neither a host name nor a CIDR/);
  });

  it('refuses the local-use NAT64 prefix whatever IPv4 address its low bits seem to carry', () => {
    expect(classifyAddress('64:ff9b:1:a00:1:0:808:808')).toMatchObject({ public: false, range: 'localUseNat64' });
    expect(classifyAddress('64:ff9b::808:808').public).toBe(true); // the well-known prefix of a public IPv4 host
  });
});
