import { describe, expect, it } from 'vitest';
import { AddressRefusedError } from '../../ingest/sources/addressGuard.js';
import { FetchPolicy } from '../../ingest/sources/fetchPolicy.js';

describe('trust is per source', () => {
  const policy = new FetchPolicy({ operatorUrls: ['http://127.0.0.1:8081/feed.xml', 'http://127.0.0.1:8082/admin-feed.xml'] });

  it('a source trusts its own origin only: a feed cannot lead to another local source of the operator', () => {
    const feedA = policy.forSource('http://127.0.0.1:8081/feed.xml');
    expect(feedA.trusts(new URL('http://127.0.0.1:8081/items/1'))).toBe(true);
    expect(feedA.trusts(new URL('http://127.0.0.1:8082/admin/token'))).toBe(false);
    expect(() => feedA.dispatcherFor(new URL('http://127.0.0.1:8082/admin/token'))).toThrow(AddressRefusedError);
    expect(policy.trusts(new URL('http://127.0.0.1:8082/admin/token'))).toBe(true); // the whole configuration, for its own reads
  });

  it("a source that is not the operator's trusts nothing", () => {
    const other = policy.forSource('http://127.0.0.1:9999/feed.xml');
    expect(other.trusts(new URL('http://127.0.0.1:9999/x'))).toBe(false);
    expect(() => other.dispatcherFor(new URL('http://127.0.0.1:9999/x'))).toThrow(AddressRefusedError);
  });
});
