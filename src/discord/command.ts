import type { AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandOptionsOnlyBuilder } from 'discord.js';
import type { Config } from '../app/config.js';
import type { KnowledgeBase } from '../core/knowledgeBase.js';
import type { Logger } from '../logger.js';
import type { AnswerQueue } from './answerQueue.js';
import type { ConversationMemory } from './conversations.js';
import type { QuestionRateLimit } from '../core/ports/questionRateLimit.js';
import type { ReingestCoordinator } from './reingestJob.js';
import type { DeskServices } from './desks/deskServices.js';
import type { DigestSummarizer } from '../core/digest/digest.js';

/** Everything a command needs, passed in (no globals), so tests can build it directly. */
export interface BotContext {
  config: Config;
  kb: KnowledgeBase;
  logger: Logger;
  rateLimiter: QuestionRateLimit;
  reingest: ReingestCoordinator;
  /** Each server's own sources (/feeds): the scope of its questions, and reading them now. */
  desks: DeskServices;
  conversations: ConversationMemory;
  /** Where questions wait their turn to be answered. */
  answerQueue: AnswerQueue;
  startedAt: number;
  /** Set when this process is one shard of several (DISCORD_SHARDS). */
  shard?: ShardInfo | null;
  /** The clock digests and their schedules read (/digest); the system clock when absent (tests move it). */
  digestClock?: () => Date;
  /** Writes checked summaries into digests when an LLM is configured; offline digests otherwise. */
  digestSummarizer?: DigestSummarizer | null;
}

/** This process's place among the bot's shards, and the servers all of them serve. */
export interface ShardInfo {
  ids: number[];
  count: number;
  /** Servers across every shard (asked of the other shard processes); null when they do not answer. */
  serversAcrossShards(): Promise<number | null>;
}

/** A slash command module: `export default { data, execute } satisfies Command`. */
export interface Command {
  data: Pick<SlashCommandOptionsOnlyBuilder, 'name' | 'toJSON'>;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  /** Suggestions for an option marked autocomplete, as the member types. */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

export function isCommand(value: unknown): value is Command {
  const candidate = value as Partial<Command> | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.execute === 'function' &&
    typeof candidate.data?.name === 'string' &&
    typeof candidate.data?.toJSON === 'function'
  );
}
