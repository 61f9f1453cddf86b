import type { Client } from 'discord.js';
import type { ShardInfo } from '../command.js';

/** How long /status waits for the other shards to report their server counts. */
const SHARD_QUERY_TIMEOUT_MS = 2_000;

/** This process's shards and, asked of the other shard processes, the servers across all of them. */
export function shardInfo(client: Client): ShardInfo {
  const util = client.shard!;
  return {
    ids: util.ids,
    count: util.count,
    async serversAcrossShards() {
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), SHARD_QUERY_TIMEOUT_MS).unref());
      const counts = util
        .fetchClientValues('guilds.cache.size')
        .then((values) => (values as number[]).reduce((sum, n) => sum + n, 0))
        .catch(() => null);
      return Promise.race([counts, timeout]);
    },
  };
}
