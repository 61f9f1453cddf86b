import type { Client } from 'discord.js';
import type { Config } from '../app/config.js';
import { UserFacingError } from '../core/errors.js';
import type { Logger } from '../logger.js';
import type { BotContext } from './command.js';
import { loadCommands } from './commandLoader.js';
import { openBotDependencies, type BotOptions } from './startup/botDependencies.js';
import { createDiscordClient, wireClient } from './startup/clientWiring.js';
import { InFlightWork, shutDown } from './startup/inFlight.js';
import { scheduleDigests, scheduleFeedPolling, scheduleReingest } from './startup/schedules.js';
import { scheduleFeedbackRetention } from './startup/feedbackRetention.js';
import { shardInfo } from './startup/shardInfo.js';

export interface RunningBot {
  client: Client;
  context: BotContext;
  /** Stops taking questions, finishes or abandons in-flight work, closes the store. */
  stop(): Promise<void>;
}

/**
 * Starts the bot in order: its dependencies (store, knowledge base, answerer, rate limit),
 * the Discord client and its handlers, the re-ingest schedule and the feed poller, then the login and
 * the daily digests. Dependencies
 * come in as arguments; nothing here is global.
 */
export async function startBot(config: Config, logger: Logger, options: BotOptions = {}): Promise<RunningBot> {
  if (!config.discord.token) throw new UserFacingError('bad_config', 'DISCORD_TOKEN is not set');
  const { context, embeddings } = await openBotDependencies(config, logger, options);
  const commands = await loadCommands();

  const client = createDiscordClient(config, options.shards);
  const inFlight = new InFlightWork(logger);
  context.shard = client.shard ? shardInfo(client) : null;
  wireClient(client, commands, context, inFlight);

  const stopReingests = scheduleReingest(config, context.reingest, logger);
  const stopPolling = scheduleFeedPolling(config, context.kb.store, embeddings, logger);
  let stopDigests: () => Promise<void> = async () => undefined;
  const stopRetention = scheduleFeedbackRetention(config, context.kb.store, logger);
  const stopSchedules = async () => {
    stopRetention();
    stopReingests();
    await Promise.all([stopPolling(), stopDigests()]);
  };
  await client.login(config.discord.token);
  stopDigests = scheduleDigests(client, context, options.digestCheckMs);
  return { client, context, stop: () => shutDown({ inFlight, stopSchedules, context, embeddings, client }) };
}
