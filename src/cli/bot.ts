import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from '../app/config.js';
import { createLogger, type Logger } from '../logger.js';
import { startBot } from '../discord/bot.js';
import { startShards } from '../discord/shardManager.js';
import { runMain } from './runMain.js';

/** Set by discord.js's ShardingManager in the processes it starts, one per shard. */
const isShardProcess = Boolean(process.env.SHARDING_MANAGER);

/** How long a shutdown may take in all: the in-flight grace (10 s) and closing connections, with room to spare. */
const SHUTDOWN_DEADLINE_MS = 30_000;

/**
 * `npm start`: runs the bot until SIGINT/SIGTERM. With DISCORD_SHARDS this process only
 * manages shards: it starts this same program once per shard, and each of those runs a bot.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.discord.token) {
    console.error('DISCORD_TOKEN is not set: put your bot token in .env (see .env.example) or the environment, then run npm start again.');
    process.exit(1);
  }
  const baseLogger = createLogger(config.logLevel);
  const logger: Logger = isShardProcess ? baseLogger.child({ shard: Number(process.env.SHARDS), shards: Number(process.env.SHARD_COUNT) }) : baseLogger;
  // A stray rejection or exception is logged, never fatal: one bad event must not stop the bot.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

  const running =
    config.discord.shards !== undefined && !isShardProcess ? await startShards(config, logger, fileURLToPath(import.meta.url)) : await startBot(config, logger);
  let stopping = false;
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutdown requested');
    // In-flight work gets its grace (src/discord/startup/inFlight.ts); whatever else hangs (a
    // connection that never closes) must not leave a half-stopped bot running unmanaged.
    setTimeout(() => {
      logger.error({ reason, afterMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    running
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // A shard whose manager is gone (killed, crashed) stops too, rather than running unmanaged.
  if (isShardProcess) process.once('disconnect', () => shutdown('shard manager gone'));
}

runMain('bot failed to start', main);
