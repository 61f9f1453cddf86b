import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ARTICLES } from './articles.js';
import { BotProcess } from './botProcess.js';
import { APP_ID, FakeDiscord } from './fakeDiscord.js';
import { FakeOpenAI } from './fakeOpenAI.js';
import { runScript } from './runScript.js';

/** `root`/docs holding the sample ARTICLES and any `extra` files (name -> text). */
export function newsFolder(root: string, extra: Record<string, string> = {}): string {
  const docs = join(root, 'docs');
  mkdirSync(docs);
  for (const [name, text] of Object.entries({ ...ARTICLES, ...extra })) writeFileSync(join(docs, name), text);
  return docs;
}

/** The environment of a bot (or CLI) over a SQLite store under `root`, with the hashing model, reading `docs`. */
export function sqliteNewsEnv(root: string, docs: string): Record<string, string> {
  return { DATA_DIR: join(root, 'data'), EMBEDDING_MODEL: 'hashing-384', NEWS_SOURCES: docs, LOG_LEVEL: 'info' };
}

/** `npm run ingest` of the configured sources, which must succeed. */
export async function ingestSources(env: Record<string, string>): Promise<void> {
  expect((await runScript('src/cli/ingest.ts', [], env)).code).toBe(0);
}

/** Starts the bot as `npm start` does, against `fake` (DISCORD_API_URL), and waits until it is logged in. */
export async function startBotProcess(fake: FakeDiscord, env: Record<string, string>): Promise<BotProcess> {
  const bot = new BotProcess({ DISCORD_CLIENT_ID: APP_ID, ...env, DISCORD_API_URL: fake.apiUrl });
  await fake.whenReady();
  await bot.waitForLog('bot ready');
  return bot;
}

/** A bot answering through the fake OpenAI-compatible server, over the ingested sample news. */
export interface LlmBot {
  discord: FakeDiscord;
  openai: FakeOpenAI;
  bot: BotProcess;
  root: string;
  docs: string;
  stop(): Promise<void>;
}

/**
 * The setup of the LLM suites: `root`'s news folder (sample articles and `extraDocs`) ingested
 * into SQLite, then a bot with LLM_PROVIDER=openai on the fake OpenAI server and the fake
 * Discord. `beforeStart` changes the folder after the ingest (what a later /reingest meets).
 */
export async function startLlmBot(options: {
  root: string;
  extraDocs?: Record<string, string>;
  beforeStart?: (docs: string) => void;
  env: Record<string, string>;
}): Promise<LlmBot> {
  const docs = newsFolder(options.root, options.extraDocs);
  const storeEnv = sqliteNewsEnv(options.root, docs);
  await ingestSources(storeEnv);
  options.beforeStart?.(docs);
  const discord = new FakeDiscord();
  const openai = new FakeOpenAI();
  await Promise.all([discord.start(), openai.start()]);
  const stopServers = () => Promise.all([discord.stop(), openai.stop()]);
  const bot = await startBotProcess(discord, {
    ...storeEnv,
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: openai.baseUrl,
    OPENAI_API_KEY: 'k',
    ...options.env,
  }).catch(async (error: unknown) => {
    await stopServers();
    throw error;
  });
  return {
    discord,
    openai,
    bot,
    root: options.root,
    docs,
    async stop() {
      bot.child.kill('SIGKILL');
      await stopServers();
    },
  };
}
