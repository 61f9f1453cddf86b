/**
 * Per-host pauses asked for by servers (429 Too Many Requests / 503 Service Unavailable with
 * Retry-After): requests to that host wait until the time given. Bounded: entries whose time
 * has passed are dropped, and at most MAX_HOSTS are kept (the soonest-ending go first), so a
 * feed listing thousands of hosts cannot grow it without end.
 */
export const MAX_COOLDOWN_HOSTS = 1_000;

/** Longest pause taken from a Retry-After: the value is the server's to choose, so absurd ones (years) are cut to a day. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date (RFC 9110 10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(MAX_RETRY_AFTER_MS, Number(text) * 1000);
  const at = Date.parse(text);
  // Only real HTTP dates ("Wed, 21 Oct 2015 07:28:00 GMT"): Date.parse accepts much else.
  if (Number.isNaN(at) || !/GMT$/i.test(text)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}

export class HostCooldowns {
  private readonly until = new Map<string, number>();

  constructor(private readonly maxHosts = MAX_COOLDOWN_HOSTS) {}

  /** The time (epoch ms) before which `host` should not be asked again, or null. */
  get(host: string, now = Date.now()): number | null {
    const at = this.until.get(host);
    if (at === undefined) return null;
    if (at <= now) {
      this.until.delete(host);
      return null;
    }
    return at;
  }

  pause(host: string, until: number, now = Date.now()): void {
    if (until <= now) return;
    this.until.set(host, Math.max(until, this.until.get(host) ?? 0));
    if (this.until.size <= this.maxHosts) return;
    for (const [name, at] of this.until) if (at <= now) this.until.delete(name);
    while (this.until.size > this.maxHosts) {
      const soonest = [...this.until].reduce((a, b) => (b[1] < a[1] ? b : a));
      this.until.delete(soonest[0]);
    }
  }

  get size(): number {
    return this.until.size;
  }
}
