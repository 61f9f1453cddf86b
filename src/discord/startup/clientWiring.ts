import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../../app/config.js';
import { NO_MENTIONS } from '../answering.js';
import type { BotContext, Command } from '../command.js';
import { handleInteraction } from '../interactionHandler.js';
import { handleMessage } from '../messageHandler.js';
import type { InFlightWork } from './inFlight.js';

/** Step 2 of start-up: the discord.js client (through DISCORD_API_URL when set), pinging nobody. */
export function createDiscordClient(config: Config, shards?: { ids: number[]; count: number }): Client {
  return new Client({
    ...(shards ? { shards: shards.ids, shardCount: shards.count } : {}),
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent],
    partials: [Partials.Channel, Partials.Message],
    allowedMentions: NO_MENTIONS,
    ...(config.discord.apiUrl ? { rest: { api: config.discord.apiUrl } } : {}),
  });
}

/** Step 3: slash commands and messages go to their handlers, tracked as work in flight; client errors and warnings to the log. */
export function wireClient(client: Client, commands: Map<string, Command>, context: BotContext, inFlight: InFlightWork): void {
  const { logger } = context;
  client.on(Events.InteractionCreate, (interaction) => inFlight.track(() => handleInteraction(interaction, commands, context), 'interaction'));
  client.on(Events.MessageCreate, (message) => inFlight.track(() => handleMessage(message, context), 'message'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.once(Events.ClientReady, (ready) => logger.info({ user: ready.user.id, guilds: ready.guilds.cache.size }, 'bot ready'));
}
