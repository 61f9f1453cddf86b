import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startBot } from './bot.js';

/** `npm start`: runs the bot until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (!config.discord.token) {
    console.error('DISCORD_TOKEN is not set: put your bot token in .env (see .env.example) or the environment, then run npm start again.');
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  // A stray rejection or exception is logged, never fatal: one bad event must not stop the bot.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'uncaught exception'));

  const bot = await startBot(config, logger);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'signal received');
    bot
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`bot failed to start: ${error instanceof ConfigError ? error.message : (error as Error).message}`);
  process.exit(1);
});
