import pLimit, { type LimitFunction } from 'p-limit';

/**
 * At most `concurrency` tasks per host at a time. A host's entry lives only while it has
 * tasks running or waiting, so the table holds the hosts in use, never every host ever seen.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, { limit: LimitFunction; users: number }>();

  constructor(private readonly concurrency: number) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    let entry = this.hosts.get(host);
    if (!entry) {
      entry = { limit: pLimit(this.concurrency), users: 0 };
      this.hosts.set(host, entry);
    }
    entry.users++;
    try {
      return await entry.limit(task);
    } finally {
      if (--entry.users === 0) this.hosts.delete(host);
    }
  }

  /** Hosts with tasks running or queued. */
  get size(): number {
    return this.hosts.size;
  }
}
