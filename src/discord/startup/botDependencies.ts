import { ingestFromConfig, loadEmbeddingsFromConfig, openKnowledgeBase } from '../../app/bootstrap.js';
import type { Config } from '../../app/config.js';
import type { Answerer } from '../../core/knowledgeBase.js';
import type { LoadedEmbeddings } from '../../embeddings/loadEmbeddings.js';
import type { Logger } from '../../logger.js';
import { createAnswerer } from '../../llm/createAnswerer.js';
import { createDigestSummarizer } from '../../llm/createDigestSummarizer.js';
import { AnswerQueue } from '../answerQueue.js';
import type { BotContext } from '../command.js';
import { ConversationMemory } from '../conversations.js';
import { ReingestCoordinator } from '../reingestJob.js';
import { deskReading } from '../desks/deskIngestion.js';
import { DeskScopes } from '../desks/deskScopes.js';

/** What tests (and benchmarks) hand the bot instead of building it from the configuration. */
export interface BotOptions {
  answerer?: Answerer;
  embeddings?: LoadedEmbeddings;
  /** Digests (issue 24 part 3): the clock schedules and /digest read, and how often schedules are checked (tests move time). */
  digestClock?: () => Date;
  digestCheckMs?: number;
  /** This bot as some of several shards without a ShardingManager (tests run two in one process). */
  shards?: { ids: number[]; count: number };
}

/** The bot's own parts, besides the Discord client: what answers, and what shutdown must close. */
export interface BotDependencies {
  context: BotContext;
  embeddings: LoadedEmbeddings;
}

/**
 * Step 1 of start-up: the answerer, the embedding model, the knowledge base over the store,
 * re-ingestion and the question limit, gathered into the context every handler receives.
 */
export async function openBotDependencies(config: Config, logger: Logger, options: BotOptions): Promise<BotDependencies> {
  // Built first: a misconfigured LLM is reported at start-up, naming the variable.
  const answerer = options.answerer ?? (await createAnswerer(config.llm, { log: (m) => logger.warn(m) }));
  const embeddings = options.embeddings ?? (await loadEmbeddingsFromConfig(config));
  if (!embeddings.embeddings)
    logger.warn({ model: embeddings.status.model, reason: embeddings.status.reason }, 'embedding model not loaded: lexical retrieval only');
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
    desks: { scopes: new DeskScopes(kb.store, config, logger), reading: deskReading({ config, store: kb.store, embeddings, logger }) },
    conversations: new ConversationMemory(),
    answerQueue: AnswerQueue.forAnswerer(config.llm.provider),
    startedAt: Date.now(),
    ...(options.digestClock ? { digestClock: options.digestClock } : {}),
    digestSummarizer: await createDigestSummarizer(config.llm, { log: (m) => logger.warn(m) }),
  };
  return { context, embeddings };
}
