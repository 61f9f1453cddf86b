import { describe, expect, it } from 'vitest';
import { InProcessRateLimiter } from '../../src/store/sqlite/sqliteRateLimiter.js';

describe('InProcessRateLimiter', () => {
  it('allows N questions a minute per user and says how long to wait', () => {
    let now = 0;
    const limiter = new InProcessRateLimiter(2, () => now);
    expect(limiter.take('a')).toBeNull();
    now = 10_000;
    expect(limiter.take('a')).toBeNull();
    expect(limiter.take('b')).toBeNull();
    now = 20_000;
    expect(limiter.take('a')).toBe(40);
    now = 60_001;
    expect(limiter.take('a')).toBeNull();
  });
});
