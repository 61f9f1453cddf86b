import type { Config } from '../../app/config.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';
import type { SearchScope } from '../../core/ports/newsDesks.js';
import type { Logger } from '../../logger.js';
import { globalSourceIds } from './globalSources.js';
import type { Place } from './place.js';

/**
 * How long "some server has sources of its own" is trusted before the store is asked again.
 * Only that answer is kept: "none" is an empty query, and keeping it would let one shard
 * answer unscoped after another shard's first /feeds add.
 */
const DESKS_EXIST_RECHECK_MS = 10 * 60_000;

/**
 * The sources a question may be answered from: the operator's global sources plus, in a
 * server, that server's desk sources for the whole server or for this channel. While no
 * server has added any source, there is no scope at all: a single-community bot answers from
 * everything it stored, exactly as before news desks (articles from sources once configured
 * and since removed, or ingested from the command line, included).
 */
export class DeskScopes {
  private desksSeenAt = 0;
  private lastGlobal: string[] = [];

  constructor(
    private readonly store: KnowledgeStore,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  /** The global source ids; the last readable list when the sources file cannot be read now (logged, never shown). */
  globalIds(): string[] {
    try {
      this.lastGlobal = globalSourceIds(this.config);
    } catch (error) {
      this.logger.warn({ err: error }, 'the configured sources cannot be read; using the last list read');
    }
    return this.lastGlobal;
  }

  /** Called when a source is added here: this process scopes from now on without asking the store. */
  noteDeskSourceAdded(): void {
    this.desksSeenAt = Date.now();
  }

  async desksExist(): Promise<boolean> {
    if (Date.now() - this.desksSeenAt < DESKS_EXIST_RECHECK_MS) return true;
    if ((await this.store.deskSources()).length === 0) return false;
    this.desksSeenAt = Date.now();
    return true;
  }

  /** The scope of a question asked at `place`; undefined (everything) while no server has sources of its own. */
  async forPlace(place: Place): Promise<SearchScope | undefined> {
    if (!(await this.desksExist())) return undefined;
    const ids = new Set(this.globalIds());
    if (place.guildId) {
      for (const source of await this.store.deskSources(place.guildId)) {
        if (source.channelId === null || source.channelId === place.channelId) ids.add(source.url);
      }
    }
    return { sourceIds: [...ids] };
  }
}
