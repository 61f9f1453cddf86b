import type { DiscordUnderReingestResult, WaveResult } from '../discordDuringReingest.js';
import { fixed } from './fixed.js';

const waveRow = (label: string, w: WaveResult) =>
  `| ${label} | ${w.asks} | ${fixed(w.firstResponseP50Ms, 0)} | ${fixed(w.firstResponseP99Ms, 0)} | ${fixed(w.answerP50Ms, 0)} | ${fixed(w.answerP99Ms, 0)} | ${fixed(w.eventLoopDelayP99Ms)} | ${fixed(w.eventLoopDelayMaxMs)} | ${w.answered}/${w.asks} |`;

export function discordTable(d: DiscordUnderReingestResult): string[] {
  return [
    `Discord bot (discord.js against the fake Discord on 127.0.0.1, ${d.model}), waves of 50 concurrent /ask:`,
    '',
    '| | asks | first response p50 ms | p99 ms | answer p50 ms | p99 ms | event-loop delay p99 ms | max ms | answered |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    waveRow('no re-ingest', d.idle),
    waveRow(`during /reingest of ${d.articles} articles (${d.passagesEmbedded} passages embedded in ${fixed(d.reingestSeconds, 0)} s)`, d.duringReingest),
    '',
    `Targets during the re-ingest: first response p99 <= 250 ms, event-loop delay p99 <= 50 ms. Gateway heartbeats (interval ${d.heartbeatIntervalMs} ms): longest gap ${d.longestHeartbeatGapMs} ms, missed ${d.missedHeartbeats}, reconnects ${d.reconnects}.`,
  ];
}
