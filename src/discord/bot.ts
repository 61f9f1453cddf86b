import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import { ingestFromConfig, loadEmbeddingsFromConfig, openKnowledgeBase } from '../bootstrap.js';
import type { Config } from '../config.js';
import type { Answerer } from '../core/knowledgeBase.js';
import type { LoadedEmbeddings } from '../embeddings/loadEmbeddings.js';
import type { Logger } from '../logger.js';
import { createAnswererFromConfig } from '../llm/createAnswerer.js';
import { AnswerQueue } from './answerQueue.js';
import { NO_MENTIONS } from './answering.js';
import type { BotContext, ShardInfo } from './command.js';
import { loadCommands } from './commandLoader.js';
import { ConversationMemory } from './conversations.js';
import { handleInteraction } from './interactionHandler.js';
import { handleMessage } from './messageHandler.js';
import { ReingestCoordinator } from './reingestJob.js';

export interface RunningBot {
  client: Client;
  context: BotContext;
  /** Stops taking questions, finishes or abandons in-flight work, closes the store. */
  stop(): Promise<void>;
}

/** How long shutdown waits for answers in flight before abandoning them. */
const SHUTDOWN_GRACE_MS = 10_000;

/** How long /status waits for the other shards to report their server counts. */
const SHARD_QUERY_TIMEOUT_MS = 2_000;

function shardInfo(client: Client): ShardInfo {
  const util = client.shard!;
  return {
    ids: util.ids,
    count: util.count,
    async serversAcrossShards() {
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), SHARD_QUERY_TIMEOUT_MS).unref());
      const counts = util.fetchClientValues('guilds.cache.size').then((values) => (values as number[]).reduce((sum, n) => sum + n, 0)).catch(() => null);
      return Promise.race([counts, timeout]);
    },
  };
}

/**
 * Builds the Discord client and wires commands, messages, scheduled re-ingestion and
 * shutdown. Dependencies come in as arguments; nothing here is global.
 */
export async function startBot(config: Config, logger: Logger, options: { answerer?: Answerer; embeddings?: LoadedEmbeddings } = {}): Promise<RunningBot> {
  if (!config.discord.token) throw new Error('DISCORD_TOKEN is not set');
  // Built first: a misconfigured LLM is reported at start-up, naming the variable.
  const answerer = options.answerer ?? (await createAnswererFromConfig(config, { log: (m) => logger.warn(m) }));
  const embeddings = options.embeddings ?? (await loadEmbeddingsFromConfig(config));
  if (!embeddings.embeddings) logger.warn({ model: embeddings.status.model, reason: embeddings.status.reason }, 'embedding model not loaded: lexical retrieval only');
  // The model is always loaded (not only when the store has vectors): later re-ingests add them.
  const kb = await openKnowledgeBase(config, { embeddings, answerer, log: (m: string) => logger.warn(m) });
  if ((await kb.store.stats()).documents === 0) logger.warn('the news index is empty: run "npm run ingest" or /reingest');
  // Built in the background in small steps; questions use full-text search until it is ready.
  void kb.store.warmUpForQuestions((m) => logger.info(m));

  // Re-ingests write through the bot's own store handle: searches see each article as it lands.
  const reingest = new ReingestCoordinator(({ onProgress, signal }) =>
    ingestFromConfig(config, { onProgress, signal, embeddings, store: kb.store, log: (m) => logger.info(m) }),
  );
  const context: BotContext = {
    config,
    kb,
    logger,
    // Shared by every process using the store (in memory for SQLite, a table for PostgreSQL).
    rateLimiter: kb.store.questionRateLimit(config.discord.rateLimitPerMinute),
    reingest,
    conversations: new ConversationMemory(),
    answerQueue: AnswerQueue.forAnswerer(config.llm.provider),
    startedAt: Date.now(),
  };
  const commands = await loadCommands();

  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent],
    partials: [Partials.Channel, Partials.Message],
    allowedMentions: NO_MENTIONS,
    ...(config.discord.apiUrl ? { rest: { api: config.discord.apiUrl } } : {}),
  });

  let accepting = true;
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: () => Promise<unknown>, label: string) => {
    if (!accepting) return;
    const promise = work()
      .catch((error: unknown) => logger.error({ err: error, label }, 'handler failed'))
      .finally(() => inFlight.delete(promise));
    inFlight.add(promise);
  };

  context.shard = client.shard ? shardInfo(client) : null;

  client.on(Events.InteractionCreate, (interaction) => track(() => handleInteraction(interaction, commands, context), 'interaction'));
  client.on(Events.MessageCreate, (message) => track(() => handleMessage(message, context), 'message'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.once(Events.ClientReady, (ready) => logger.info({ user: ready.user.id, guilds: ready.guilds.cache.size }, 'bot ready'));

  let schedule: NodeJS.Timeout | null = null;
  if (config.discord.ingestIntervalMinutes > 0) {
    schedule = setInterval(() => {
      const job = reingest.start('schedule');
      if (!job) return logger.info('scheduled re-ingest skipped: one is already running');
      job.then((s) => logger.info({ added: s.added, updated: s.updated, removed: s.removed }, 'scheduled re-ingest finished')).catch((error: unknown) =>
        logger.warn({ err: error }, 'scheduled re-ingest failed'),
      );
    }, config.discord.ingestIntervalMinutes * 60_000);
    schedule.unref();
  }

  await client.login(config.discord.token);

  return {
    client,
    context,
    async stop() {
      accepting = false;
      if (schedule) clearInterval(schedule);
      logger.info({ inFlight: inFlight.size }, 'shutting down');
      const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.allSettled([...inFlight, reingest.stop()]), grace]);
      // Ends the embedding worker process; a re-ingest still embedding fails its batch and stops.
      await embeddings.embeddings?.close();
      await client.destroy();
      await kb.store.close();
      logger.info('stopped');
    },
  };
}
