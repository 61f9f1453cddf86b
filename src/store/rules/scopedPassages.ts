import type { SearchScope } from '../../core/ports/newsDesks.js';
import type { ExactVectors } from '../exactVectors.js';
import { ChangeStampedCache } from './changeStampedCache.js';

/**
 * The passages a search scope may return, kept per scope until the store changes: a server's
 * questions come in runs, and listing its passages again for each would cost more than the
 * search. `vectors` holds the scope's vectors once an exact scan needed them (exactVectors.ts).
 */
export interface ScopedPassages {
  ids: Set<number>;
  vectors?: ExactVectors;
}

/** One key per set of source ids, whatever their order or repeats. */
export function scopeKey(scope: SearchScope): string {
  return [...new Set(scope.sourceIds)].sort().join('\n');
}

/** The distinct source ids of a scope, as backends bind them. */
export function scopeSourceIds(scope: SearchScope): string[] {
  return [...new Set(scope.sourceIds)];
}

/** Scoped passage sets by (scope, store change stamp); a few dozen servers asking at once fit. */
export class ScopedPassageCache {
  private readonly cache = new ChangeStampedCache<string, ScopedPassages>(64);

  /** The scope's passages at `stamp`, listed by `read` when not kept. */
  at(stamp: string | number, scope: SearchScope, read: (sourceIds: string[]) => number[]): ScopedPassages {
    const values = this.cache.at(stamp);
    const key = scopeKey(scope);
    let found = values.get(key);
    if (!found) {
      found = { ids: new Set(read(scopeSourceIds(scope))) };
      values.set(key, found);
    }
    return found;
  }

  /** As `at`, for a backend whose reads are asynchronous. */
  async get(stamp: string | number, scope: SearchScope, read: (sourceIds: string[]) => Promise<number[]>): Promise<ScopedPassages> {
    return this.cache.get(stamp, scopeKey(scope), async () => ({ ids: new Set(await read(scopeSourceIds(scope))) }));
  }

  forget(): void {
    this.cache.forget();
  }
}
