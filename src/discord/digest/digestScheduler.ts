import { composeDigest } from '../../core/digest/composeDigest.js';
import { knowledgeBaseSources } from '../../core/digest/topicMatch.js';
import { withSummaries } from '../../core/digest/summaries.js';
import type { DigestSummarizer } from '../../core/digest/digest.js';
import { localParts } from '../../core/digest/zonedTime.js';
import type { KnowledgeBase } from '../../core/knowledgeBase.js';
import type { DigestSchedule } from '../../core/ports/digests.js';
import type { Logger } from '../../logger.js';
import type { DeskScopes } from '../desks/deskScopes.js';
import { digestMessages } from './digestFormat.js';

/** How often every shard looks for a due digest: a schedule's minute is never missed by more than this. */
export const DIGEST_CHECK_MS = 60_000;

const DAY_MS = 86_400_000;

export interface DigestSchedulerParts {
  kb: KnowledgeBase;
  scopes: DeskScopes;
  /** Posts one message in a channel (through REST: any shard can post in any server's channel). */
  post(channelId: string, content: string): Promise<void>;
  clock: () => Date;
  logger: Logger;
  summarizer?: DigestSummarizer | null;
}

/** Whether a schedule is due at an instant: its local time has come today (server's zone) and today has not run. */
export function isDue(schedule: DigestSchedule, local: { date: string; time: string }): boolean {
  return local.time >= schedule.time && schedule.lastRunDate !== local.date;
}

/**
 * One look at every schedule. A due one is claimed in the store (one conditional update: of
 * all shards exactly one wins the day), then composed from what arrived since its last run
 * (24 hours the first time) in the scope of its channel and posted; a day with nothing new
 * posts nothing, and stays claimed so it is not tried again.
 */
export async function runDueDigests(parts: DigestSchedulerParts): Promise<number> {
  const store = parts.kb.store;
  const now = parts.clock();
  const zones = new Map<string, string>();
  let posted = 0;
  for (const schedule of await store.digestSchedules()) {
    if (!zones.has(schedule.guildId)) zones.set(schedule.guildId, (await store.serverSettings(schedule.guildId)).timeZone);
    const timeZone = zones.get(schedule.guildId)!;
    const local = localParts(now, timeZone);
    if (!isDue(schedule, local)) continue;
    if (!(await store.claimDigestRun(schedule.id, local.date, now.toISOString()))) continue;
    try {
      if (await postDigest(parts, schedule, now, timeZone)) posted++;
    } catch (error) {
      // The day stays claimed: posting twice (from another shard retrying) is worse than a missed digest, which the log shows.
      parts.logger.warn({ err: error, guild: schedule.guildId, channel: schedule.channelId }, 'scheduled digest failed');
    }
  }
  return posted;
}

async function postDigest(parts: DigestSchedulerParts, schedule: DigestSchedule, now: Date, timeZone: string): Promise<boolean> {
  const since = schedule.lastRunAt ? new Date(schedule.lastRunAt) : new Date(now.getTime() - DAY_MS);
  const scope = await parts.scopes.forPlace({ guildId: schedule.guildId, channelId: schedule.channelId });
  const digest = await composeDigest(
    { period: { since, until: now, by: 'arrival' }, scope, topic: schedule.topic, language: schedule.language, timeZone },
    knowledgeBaseSources(parts.kb),
  );
  const where = { guild: schedule.guildId, channel: schedule.channelId, stories: digest.stories.length };
  if (digest.stories.length === 0) {
    parts.logger.info(where, 'scheduled digest skipped: nothing new');
    return false;
  }
  const summarized = await withSummaries(digest, parts.summarizer, (m) => parts.logger.warn(m));
  for (const piece of digestMessages(summarized)) await parts.post(schedule.channelId, piece);
  parts.logger.info(where, 'scheduled digest posted');
  return true;
}

/** Starts looking for due digests every `intervalMs` (at once, then on each tick; never two looks at a time); returns what stops it. */
export function startDigestScheduler(parts: DigestSchedulerParts, intervalMs = DIGEST_CHECK_MS): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runDueDigests(parts)
      .catch((error: unknown) => parts.logger.warn({ err: error }, 'digest schedules could not be checked'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
