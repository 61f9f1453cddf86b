import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from '../eval/metrics.js';
import { ingestFromConfig, loadEmbeddingsFromConfig } from '../src/app/bootstrap.js';
import { loadConfig } from '../src/app/config.js';
import { startBot } from '../src/discord/bot.js';
import { createLogger } from '../src/logger.js';
import { APP_ID, FakeDiscord, MANAGE_GUILD } from '../test/support/fakeDiscord.js';
import { writeSyntheticArticles } from './ingestion.js';
import { projectRoot } from './projectPaths.js';

const STRING = 3;
const ADMIN = '600000000000000001';
const HEARTBEAT_MS = 1000;

export interface WaveResult {
  asks: number;
  firstResponseP50Ms: number;
  firstResponseP99Ms: number;
  answerP50Ms: number;
  answerP99Ms: number;
  answered: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

export interface DiscordUnderReingestResult {
  model: string;
  articles: number;
  reingestSeconds: number;
  passagesEmbedded: number;
  idle: WaveResult;
  duringReingest: WaveResult;
  heartbeatIntervalMs: number;
  longestHeartbeatGapMs: number;
  missedHeartbeats: number;
  reconnects: number;
}

/**
 * The Discord bot (real discord.js client, in this process) against the fake Discord on
 * 127.0.0.1, with the stand-in model: 50 concurrent /ask with nothing else going on, then
 * waves of 50 concurrent /ask while a /reingest embeds `articles` new articles. Reports the
 * time to Discord's first response (the deferral), to the answer, the event-loop delay
 * (perf_hooks histogram, 10 ms resolution... of this process: bot, ingestion and the fake
 * server), and gateway heartbeats at a 1 s interval.
 */
export async function benchDiscordDuringReingest(options: {
  modelFolder: string;
  precision: 'int8' | 'fp32';
  articles: number;
  log: (m: string) => void;
}): Promise<DiscordUnderReingestResult> {
  const root = mkdtempSync(join(tmpdir(), 'bench-discord-'));
  const docs = join(root, 'docs');
  cpSync(join(projectRoot(), 'eval', 'docs'), join(docs, 'samples'), { recursive: true });
  const questions = readFileSync(join(projectRoot(), 'eval', 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { question: string }).question);
  const fake = new FakeDiscord({ heartbeatIntervalMs: HEARTBEAT_MS });
  await fake.start();
  const config = loadConfig({
    DATA_DIR: join(root, 'data'),
    EMBEDDING_MODEL: options.modelFolder,
    EMBEDDING_PRECISION: options.precision,
    NEWS_SOURCES: docs,
    DISCORD_TOKEN: 'bench-token',
    DISCORD_CLIENT_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    ADMIN_USER_IDS: ADMIN,
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
  });
  const embeddings = await loadEmbeddingsFromConfig(config);
  if (!embeddings.embeddings) throw new Error(`stand-in model did not load: ${embeddings.status.reason}`);
  await ingestFromConfig(config, { embeddings });
  const bot = await startBot(config, createLogger('silent'), { embeddings });
  await fake.whenReady();
  let userCounter = 0;

  const wave = async (count: number): Promise<Omit<WaveResult, 'eventLoopDelayP99Ms' | 'eventLoopDelayMaxMs'>> => {
    const asked = Array.from({ length: count }, (_, i) => {
      const userId = String(700000000000000000n + BigInt(userCounter++));
      return fake.slashCommand('ask', [{ name: 'question', type: STRING, value: questions[i % questions.length]! }], { userId });
    });
    const firstResponses: number[] = [];
    const answers: number[] = [];
    await fake.waitFor(
      () => {
        firstResponses.length = 0;
        answers.length = 0;
        for (const { id, token, at } of asked) {
          const callback = fake.find('POST', new RegExp(`^/interactions/${id}/`))[0];
          if (callback) firstResponses.push(callback.at - at);
          const final = fake
            .find('PATCH', new RegExp(`^/webhooks/${APP_ID}/${token}/messages/@original$`))
            .find((c) => /Sources:|\[1\]|couldn't find|nicht|non ho/i.test(String(c.body?.content ?? '')));
          if (final) answers.push(final.at - at);
        }
        return answers.length === count;
      },
      300_000,
      `answers to ${count} questions`,
    );
    return {
      asks: count,
      firstResponseP50Ms: percentile(firstResponses, 50)!,
      firstResponseP99Ms: percentile(firstResponses, 99)!,
      answerP50Ms: percentile(answers, 50)!,
      answerP99Ms: percentile(answers, 99)!,
      answered: answers.length,
    };
  };
  const measured = async (run: () => Promise<Array<Omit<WaveResult, 'eventLoopDelayP99Ms' | 'eventLoopDelayMaxMs'>>>): Promise<WaveResult> => {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const waves = await run();
    histogram.disable();
    const all = (key: keyof (typeof waves)[number]) => waves.map((w) => w[key] as number);
    return {
      asks: waves.reduce((n, w) => n + w.asks, 0),
      firstResponseP50Ms: Math.max(...all('firstResponseP50Ms')),
      firstResponseP99Ms: Math.max(...all('firstResponseP99Ms')),
      answerP50Ms: Math.max(...all('answerP50Ms')),
      answerP99Ms: Math.max(...all('answerP99Ms')),
      answered: waves.reduce((n, w) => n + w.answered, 0),
      // The histogram counts the delay beyond the 10 ms sampling interval, in nanoseconds.
      eventLoopDelayP99Ms: histogram.percentile(99) / 1e6,
      eventLoopDelayMaxMs: histogram.max / 1e6,
    };
  };

  try {
    await wave(10); // warm-up: JIT, caches, first model calls
    options.log('Discord: 50 concurrent /ask, no re-ingest');
    const idle = await measured(async () => [await wave(50)]);

    writeSyntheticArticles(join(docs, 'wire'), options.articles);
    const heartbeatsBefore = fake.heartbeatTimes.length;
    const started = performance.now();
    fake.slashCommand('reingest', [], { userId: ADMIN, permissions: MANAGE_GUILD });
    await fake.waitFor(() => bot.context.reingest.current() !== null, 10_000, 're-ingest start');
    options.log(`Discord: re-ingest of ${options.articles} articles running; waves of 50 concurrent /ask meanwhile`);
    const duringReingest = await measured(async () => {
      const waves = [];
      // One wave every ~15 s while the re-ingest runs (at least one).
      do {
        await new Promise((r) => setTimeout(r, 3000));
        waves.push(await wave(50));
        await new Promise((r) => setTimeout(r, 12_000));
      } while (bot.context.reingest.current() !== null);
      return waves;
    });
    await fake.waitFor(() => bot.context.reingest.current() === null, 3_600_000, 're-ingest end');
    const reingestSeconds = (performance.now() - started) / 1000;
    const summary = bot.context.reingest.lastResult?.summary;
    const beats = fake.heartbeatTimes.slice(Math.max(0, heartbeatsBefore - 1));
    const gaps = beats.slice(1).map((t, i) => t - beats[i]!);
    return {
      model: `${embeddings.status.model} (${options.precision})`,
      articles: options.articles,
      reingestSeconds,
      passagesEmbedded: summary?.vectorsAdded ?? 0,
      idle,
      duringReingest,
      heartbeatIntervalMs: HEARTBEAT_MS,
      longestHeartbeatGapMs: Math.max(0, ...gaps),
      // Discord drops a connection that stays silent past the interval; count the gaps that would risk it.
      missedHeartbeats: gaps.filter((g) => g > HEARTBEAT_MS * 1.5).length,
      reconnects: fake.identifyPayloads.length - 1,
    };
  } finally {
    await bot.stop();
    await fake.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
