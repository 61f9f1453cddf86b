import { describe, expect, it } from 'vitest';
import { HostCooldowns, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../ingest/sources/hostCooldowns.js';
import { HostLimiter } from '../../ingest/sources/hostLimiter.js';

describe('HostLimiter', () => {
  it('limits concurrency per host and forgets a host once it is idle', async () => {
    const limiter = new HostLimiter(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
    };
    const all = Promise.all([...Array(6)].map(() => limiter.run('a.example', task)));
    expect(limiter.size).toBe(1);
    await all;
    expect(peak).toBe(2);
    await Promise.all([...Array(500)].map((_, i) => limiter.run(`host${i}.example`, async () => undefined)));
    expect(limiter.size).toBe(0);
    await expect(limiter.run('b.example', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limiter.size).toBe(0);
  });
});

describe('HostCooldowns', () => {
  it('drops pauses that have ended and keeps at most its cap, the longest ones', () => {
    const cooldowns = new HostCooldowns(3);
    const now = 1_000_000;
    cooldowns.pause('a', now + 100, now);
    expect(cooldowns.get('a', now)).toBe(now + 100);
    expect(cooldowns.get('a', now + 100)).toBeNull();
    expect(cooldowns.size).toBe(0);
    for (let i = 1; i <= 10; i++) cooldowns.pause(`h${i}`, now + i * 1000, now);
    expect(cooldowns.size).toBe(3);
    expect(['h8', 'h9', 'h10'].map((h) => cooldowns.get(h, now))).toEqual([now + 8000, now + 9000, now + 10000]);
    cooldowns.pause('late', now + 5_000_000, now + 20_000); // the others have ended by then
    expect(cooldowns.size).toBeLessThanOrEqual(3);
    expect(cooldowns.get('late', now + 20_000)).toBe(now + 5_000_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('2026-03-01', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    // Hostile values are cut to a day (a pause of years would also overflow a Date).
    expect(parseRetryAfter('99999999999999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 9999 00:00:00 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});
