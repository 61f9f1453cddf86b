import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../app/config.js';
import type { Logger } from '../logger.js';

/** A shard must log in within this time: model loading and opening the store come first. */
const SHARD_READY_TIMEOUT_MS = 180_000;

/**
 * Discord lets one bot identify at most `max_concurrency` shards every 5 seconds; discord.js
 * spaces shard start-ups by this delay (its own default).
 */
const SHARD_SPAWN_DELAY_MS = 5_500;

export interface RunningShards {
  count: number;
  /** Stops every shard (each finishes its answers in flight) and waits for them to exit. */
  stop(): Promise<void>;
}

/** The shard count Discord recommends for this bot (`GET /gateway/bot`), through DISCORD_API_URL when set. */
export async function recommendedShardCount(config: Config): Promise<number> {
  const rest = new REST(config.discord.apiUrl ? { api: config.discord.apiUrl } : {}).setToken(config.discord.token!);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  if (!Number.isInteger(gateway.shards) || gateway.shards! < 1) throw new Error('Discord did not say how many shards to run; set DISCORD_SHARDS to a number');
  return gateway.shards!;
}

/**
 * `DISCORD_SHARDS`: this process becomes a ShardingManager and starts one bot process per
 * shard (this same program; discord.js tells each child its shard through the environment).
 * The manager holds no store and no model; dead shards are restarted by discord.js.
 */
export async function startShards(config: Config, logger: Logger, entryFile: string): Promise<RunningShards> {
  const count = config.discord.shards === 'auto' ? await recommendedShardCount(config) : config.discord.shards!;
  if (!config.databaseUrl) {
    logger.warn(
      'DISCORD_SHARDS without DATABASE_URL: the shards share the SQLite store on this machine, but rate limits hold per shard; use PostgreSQL to share them',
    );
  }
  const manager = new ShardingManager(entryFile, {
    totalShards: count,
    token: config.discord.token!,
    mode: 'process',
    respawn: true,
    // Children run like this process (e.g. with a TypeScript loader in development).
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, shards: count }, 'shard starting');
    shard.on('death', (child) =>
      logger.warn({ shard: shard.id, exitCode: 'exitCode' in child ? child.exitCode : null }, 'shard exited; discord.js restarts it'),
    );
  });
  logger.info({ shards: count }, 'starting shards');
  await manager.spawn({ amount: count, delay: SHARD_SPAWN_DELAY_MS, timeout: SHARD_READY_TIMEOUT_MS });
  logger.info({ shards: count }, 'all shards ready');

  return {
    count,
    async stop() {
      await Promise.all(
        [...manager.shards.values()].map((shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return Promise.resolve();
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          // Shard#kill detaches the respawn listener first, then sends SIGTERM: the shard shuts down gracefully.
          shard.kill();
          return exited;
        }),
      );
    },
  };
}
