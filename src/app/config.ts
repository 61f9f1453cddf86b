import { existsSync, statfsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { defaultEmbeddingThreads } from '../embeddings/embeddingDefaults.js';
import type { GateThresholds } from '../core/calibration/operatingPoint.js';
import { ConfigError } from '../core/errors.js';
import type { LlmSettings } from '../llm/llmSettings.js';
import { parseAllowedHosts } from '../../ingest/sources/addressGuard.js';

/**
 * The one place environment variables are read. Everything else receives a Config.
 * Each variable is documented in .env.example; errors name the variable and where to set it.
 */
const booleanFlag = z.string().transform((v) => ['1', 'true', 'yes', 'on'].includes(v.trim().toLowerCase()));

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const schema = z.object({
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalText.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'must start with postgres:// (or leave it empty for the embedded SQLite store)',
  ),
  NEWS_SOURCES: optionalText,
  NEWS_SOURCES_FILE: optionalText,
  EMBEDDING_MODEL: z.string().default('Xenova/multilingual-e5-small'),
  EMBEDDING_DISABLED: booleanFlag.default(false),
  EMBEDDING_PRECISION: z.enum(['int8', 'fp32']).default('int8'),
  EMBEDDING_THREADS: optionalText.refine((v) => v === undefined || /^[1-9]\d*$/.test(v), 'must be a whole number of threads (1 or more)'),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  MAX_ARTICLE_BYTES: z.coerce.number().int().positive().default(5_000_000),
  EXTRACTION_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  FEED_DEADLINE_MS: z.coerce.number().int().positive().default(120_000),
  FEED_MIN_INTERVAL_MINUTES: z.coerce.number().positive().default(15),
  FETCH_USER_AGENT: z.string().min(1).optional(),
  FETCH_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
  FETCH_ALLOWED_HOSTS: optionalText.superRefine((v, ctx) => {
    try {
      parseAllowedHosts(splitList(v));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${(error as Error).message}; list host names or CIDR ranges separated by commas` });
    }
  }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Answer gate overrides (npm run calibrate stores fitted values in the store)
  ANSWER_MIN_RELEVANCE: optionalText.refine((v) => v === undefined || (Number(v) >= 0 && Number(v) <= 1), 'must be a number from 0 to 1'),
  ANSWER_MIN_VECTOR_MARGIN: optionalText.refine(
    (v) => v === undefined || v === 'never' || Number.isFinite(Number(v)),
    'must be a number (a calibrated margin, e.g. 0.5) or "never"',
  ),
  // Discord
  DISCORD_TOKEN: optionalText,
  DISCORD_CLIENT_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: optionalText,
  DISCORD_SHARDS: optionalText.refine((v) => v === undefined || v === 'auto' || /^[1-9]\d*$/.test(v), 'must be "auto" or a whole number of shards (1 or more)'),
  ADMIN_USER_IDS: optionalText,
  INGEST_INTERVAL_MINUTES: z.coerce.number().min(0).default(0),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(5),
  MAX_QUESTION_LENGTH: z.coerce.number().int().positive().default(500),
  MAX_SOURCES_PER_SERVER: z.coerce.number().int().min(0).default(50),
  FEEDBACK_RETENTION_DAYS: optionalText.refine(
    (v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) <= 36_500),
    'must be a whole number of days from 0 (keep answers and feedback for good) to 36500',
  ),
  // LLM answering
  LLM_PROVIDER: z.enum(['none', 'openai', 'ollama']).default('none'),
  LLM_MODEL: optionalText,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  OPENAI_BASE_URL: optionalText,
  OPENAI_API_KEY: optionalText,
  OLLAMA_BASE_URL: optionalText,
});

export type RawConfig = z.infer<typeof schema>;

export interface Config {
  dataDir: string;
  /** PostgreSQL knowledge base shared by several processes; undefined = SQLite in dataDir. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema to use instead of the default (eval and bench use a throwaway one). */
  databaseSchema?: string;
  sources: string[];
  sourcesFile: string | undefined;
  embeddingModel: string;
  embeddingDisabled: boolean;
  /** int8 (model_quantized.onnx, the default) or fp32 (model.onnx). */
  embeddingPrecision: 'int8' | 'fp32';
  /** onnxruntime threads for embedding; default one less than the cores, at least 1. */
  embeddingThreads: number;
  fetchTimeoutMs: number;
  maxArticleBytes: number;
  extractionTimeoutMs: number;
  feedDeadlineMs: number;
  /** FEED_MIN_INTERVAL_MINUTES: no feed is polled more often than this, however often it publishes. */
  feedMinIntervalMinutes: number;
  userAgent: string | undefined;
  /** FETCH_ALLOW_PRIVATE_NETWORKS: links found in feeds may lead to private addresses (guard off). */
  fetchAllowPrivateNetworks: boolean;
  /** FETCH_ALLOWED_HOSTS: host names and CIDR ranges fetched even when they resolve to private addresses. */
  fetchAllowedHosts: string[];
  logLevel: RawConfig['LOG_LEVEL'];
  /** FEEDBACK_RETENTION_DAYS: recorded answers and their 👍/👎 older than this are deleted (0: kept for good; default 90). */
  feedbackRetentionDays: number;
  /** Answer-gate thresholds set by the operator; they win over a stored calibration. */
  answerGate: Partial<GateThresholds>;
  discord: {
    token: string | undefined;
    clientId: string | undefined;
    guildId: string | undefined;
    apiUrl: string | undefined;
    /** Run one process per shard under discord.js's ShardingManager: a count, 'auto' (Discord's advice), or undefined (one process, no sharding). */
    shards: number | 'auto' | undefined;
    adminUserIds: string[];
    ingestIntervalMinutes: number;
    rateLimitPerMinute: number;
    maxQuestionLength: number;
    /** MAX_SOURCES_PER_SERVER: sources one server may add with /feeds (0: servers add none). */
    maxSourcesPerServer: number;
  };
  llm: LlmSettings;
}

/** Days recorded answers and their feedback are kept when FEEDBACK_RETENTION_DAYS is not set. */
export const DEFAULT_FEEDBACK_RETENTION_DAYS = 90;

/** Splits a comma-separated list, dropping blanks. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reads and validates configuration from `env` (process.env plus .env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'configuration');
    throw new ConfigError(`${variable} is invalid: ${issue.message}. Set it in your environment or in .env (see .env.example).`);
  }
  const c = parsed.data;
  return {
    dataDir: checkDataDir(resolve(c.DATA_DIR)),
    databaseUrl: c.DATABASE_URL,
    sources: splitList(c.NEWS_SOURCES),
    sourcesFile: c.NEWS_SOURCES_FILE,
    embeddingModel: c.EMBEDDING_MODEL,
    embeddingDisabled: c.EMBEDDING_DISABLED,
    embeddingPrecision: c.EMBEDDING_PRECISION,
    embeddingThreads: c.EMBEDDING_THREADS === undefined ? defaultEmbeddingThreads() : Number(c.EMBEDDING_THREADS),
    fetchTimeoutMs: c.FETCH_TIMEOUT_MS,
    maxArticleBytes: c.MAX_ARTICLE_BYTES,
    extractionTimeoutMs: c.EXTRACTION_TIMEOUT_MS,
    feedDeadlineMs: c.FEED_DEADLINE_MS,
    feedMinIntervalMinutes: c.FEED_MIN_INTERVAL_MINUTES,
    userAgent: c.FETCH_USER_AGENT,
    fetchAllowPrivateNetworks: c.FETCH_ALLOW_PRIVATE_NETWORKS,
    fetchAllowedHosts: splitList(c.FETCH_ALLOWED_HOSTS),
    logLevel: c.LOG_LEVEL,
    feedbackRetentionDays: c.FEEDBACK_RETENTION_DAYS === undefined ? DEFAULT_FEEDBACK_RETENTION_DAYS : Number(c.FEEDBACK_RETENTION_DAYS),
    answerGate: answerGateOverrides(c),
    discord: discordSettings(c),
    llm: llmSettings(c),
  };
}

/** ANSWER_MIN_RELEVANCE and ANSWER_MIN_VECTOR_MARGIN, only those set ("never": no margin is enough). */
function answerGateOverrides(c: RawConfig): Partial<GateThresholds> {
  return {
    ...(c.ANSWER_MIN_RELEVANCE !== undefined ? { minRelevance: Number(c.ANSWER_MIN_RELEVANCE) } : {}),
    ...(c.ANSWER_MIN_VECTOR_MARGIN !== undefined
      ? { minVectorMargin: c.ANSWER_MIN_VECTOR_MARGIN === 'never' ? Infinity : Number(c.ANSWER_MIN_VECTOR_MARGIN) }
      : {}),
  };
}

function discordSettings(c: RawConfig): Config['discord'] {
  return {
    token: c.DISCORD_TOKEN,
    clientId: c.DISCORD_CLIENT_ID,
    guildId: c.DISCORD_GUILD_ID,
    apiUrl: c.DISCORD_API_URL,
    shards: c.DISCORD_SHARDS === undefined || c.DISCORD_SHARDS === 'auto' ? c.DISCORD_SHARDS : Number(c.DISCORD_SHARDS),
    adminUserIds: splitList(c.ADMIN_USER_IDS),
    ingestIntervalMinutes: c.INGEST_INTERVAL_MINUTES,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    maxQuestionLength: c.MAX_QUESTION_LENGTH,
    maxSourcesPerServer: c.MAX_SOURCES_PER_SERVER,
  };
}

function llmSettings(c: RawConfig): LlmSettings {
  return {
    provider: c.LLM_PROVIDER,
    model: c.LLM_MODEL,
    timeoutMs: c.LLM_TIMEOUT_MS,
    openaiBaseUrl: c.OPENAI_BASE_URL,
    openaiApiKey: c.OPENAI_API_KEY,
    ollamaBaseUrl: c.OLLAMA_BASE_URL,
  };
}

/** For long-running entry points: the configuration, or its one-line error on stderr and exit 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/** File systems that are views of the kernel, never storage (proc, sysfs, devpts, debugfs, cgroup). */
const VIRTUAL_FILE_SYSTEMS = new Set([0x9fa0, 0x62656572, 0x1cd1, 0x64626720, 0x27e0eb, 0x63677270]);

/**
 * DATA_DIR must be a folder, or creatable as one, on a real file system. Checked once here so
 * the operator gets one line naming the variable instead of EEXIST from mkdir (a file in the
 * way) or a mkdir that never returns (a path under /proc).
 */
function checkDataDir(dataDir: string): string {
  let existing = dataDir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const where = 'Set DATA_DIR in your environment or in .env to a folder the bot may write.';
  if (!statSync(existing).isDirectory()) {
    throw new ConfigError(`DATA_DIR is invalid: ${existing === dataDir ? dataDir : existing} is a file, not a folder. ${where}`);
  }
  if (VIRTUAL_FILE_SYSTEMS.has(Number(statfsSync(existing).type))) {
    throw new ConfigError(`DATA_DIR is invalid: ${dataDir} is on a kernel file system (like /proc or /sys), not storage. ${where}`);
  }
  return dataDir;
}

/** process.env overlaid on .env (real environment wins), read once. */
function readEnvironment(): NodeJS.ProcessEnv {
  if (existsSync('.env')) loadDotenv({ path: '.env', quiet: true });
  return process.env;
}
