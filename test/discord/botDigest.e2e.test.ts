import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFromConfig } from '../../src/app/bootstrap.js';
import { loadConfig } from '../../src/app/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/logger.js';
import { renderedConstructs } from '../support/discordRendering.js';
import { OPTION, replyEditTexts } from '../support/discordReplies.js';
import { APP_ID, FakeDiscord, GUILD_ID, MANAGE_GUILD } from '../support/fakeDiscord.js';
import { NEWS_EVENTS, writeNewsEvents, type CorpusArticle } from '../support/newsEventsCorpus.js';
import { tempDir } from '../support/tempDir.js';

const SUBCOMMAND = 1;
const CHANNEL = 7;

/** A story whose headline and lead try to render markdown, mention everyone and embed a link. */
const HOSTILE: CorpusArticle = {
  file: 'hostile.html',
  story: 'hostile',
  outlet: 'Prank Post',
  url: 'https://prank-post.example/2026/11/06/markdown',
  published: '2026-11-06',
  language: 'en',
  title: '**Harbour** news @everyone [click](https://evil.example) `code`',
  paragraphs: [
    '# Big ferry news: the harbour ferry timetable ||changes|| on Monday, says <@123456789012345678> at https://evil.example/ferry today.',
    'The new timetable adds two crossings in the evening and one early on Sunday mornings for the island residents.',
  ],
};

describe('/digest through the real discord.js client against the fake Discord', () => {
  let fake: FakeDiscord;
  let bot: RunningBot;

  beforeAll(async () => {
    const root = tempDir();
    const docs = join(root, 'docs');
    mkdirSync(docs);
    writeNewsEvents(docs, [...NEWS_EVENTS, HOSTILE]);
    fake = new FakeDiscord({ guilds: 2 });
    await fake.start();
    const config = loadConfig({
      DATA_DIR: join(root, 'data'),
      EMBEDDING_MODEL: 'hashing-384',
      NEWS_SOURCES: docs,
      DISCORD_TOKEN: 'test-token',
      DISCORD_CLIENT_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      RATE_LIMIT_PER_MINUTE: '100',
      LOG_LEVEL: 'silent',
    });
    await ingestFromConfig(config);
    // The bot's clock stands on 8 November 2026, two days after the corpus's last events.
    bot = await startBot(config, createLogger('silent'), { digestClock: () => new Date('2026-11-08T12:00:00Z') });
    await fake.whenReady();
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
  });

  const digest = (options: object[], by: { permissions?: bigint; dm?: boolean } = {}) => fake.slashCommand('digest', options as never, by);
  /** The reply's text: its last edit and its follow-ups (a long digest is split in messages), once `pattern` is in it. */
  const reply = (token: string, pattern: RegExp) =>
    fake.waitFor(
      () => {
        const edits = replyEditTexts(fake, token);
        const followUps = fake.find('POST', new RegExp(`^/webhooks/${APP_ID}/${token}$`)).map((c) => c.body.content as string);
        const text = [edits.at(-1) ?? '', ...followUps].join('\n');
        return pattern.test(text) ? text : undefined;
      },
      30_000,
      `the reply to ${token}`,
    );
  /** The immediate (not deferred) reply of an interaction: a refusal or a schedule's confirmation. */
  const immediate = (id: string) =>
    fake.waitFor(() => fake.find('POST', new RegExp(`^/interactions/${id}/`)).find((c) => c.body?.type === 4)?.body.data, 20_000, 'the reply');

  it('/digest show since a date lists the main stories with dates, leads, outlets and numbered sources', async () => {
    const { token } = digest([{ name: 'show', type: SUBCOMMAND, options: [{ name: 'since', type: OPTION.STRING, value: '2026-11-04' }] }]);
    const text = await reply(token, /Sources:/);
    expect(text).toMatch(/^\*\*Main stories from 2026-11-04 to 2026-11-08\*\*\n/);
    expect(text).toContain('• 2026-11-06 — Halvik dock strike ends with 6 percent pay deal — The strike at Port Halvik ended on Friday');
    expect(text).toMatch(/• 2026-11-04 — (Mount Kerrow erupts|Flights grounded)/);
    expect(text).toMatch(/\[\d+\] \(1 outlet\)/);
    expect(text).not.toContain('2026-11-02'); // before the period
    expect(text).toMatch(/\n\[1\] .+ — <https:\/\/[^>]+>/); // sources without link previews
  });

  it('escapes what headlines and leads try to render, mention or embed', async () => {
    const { token } = digest([
      {
        name: 'show',
        type: SUBCOMMAND,
        options: [
          { name: 'topic', type: OPTION.STRING, value: 'harbour ferry timetable' },
          { name: 'since', type: OPTION.STRING, value: '2026-11-06' },
        ],
      },
    ]);
    const text = await reply(token, /Sources:/);
    expect(text).toContain('ferry timetable');
    const [heading, ...rest] = text.split('\n');
    expect(renderedConstructs(heading!)).toEqual(['strong']);
    expect(renderedConstructs(rest.join('\n'))).toEqual([]);
    expect(text).not.toContain('@everyone');
  });

  it('/digest with topic and since at the root (no subcommand) is the issue’s form of /digest show; an empty period says so', async () => {
    const root = digest([
      { name: 'topic', type: OPTION.STRING, value: 'Kerrow volcano ash cloud' },
      { name: 'since', type: OPTION.STRING, value: '2026-11-01' },
    ]);
    expect(await reply(root.token, /Sources:/)).toMatch(/Main stories on “Kerrow volcano ash cloud” from 2026-11-01 to 2026-11-08[\s\S]*Kerrow/);
    const empty = digest([
      { name: 'topic', type: OPTION.STRING, value: 'cycle lanes' },
      { name: 'since', type: OPTION.STRING, value: '2026-11-07' },
    ]);
    expect(await reply(empty.token, /Nothing/)).toBe('Nothing on “cycle lanes” since 2026-11-07.');
    const bad = digest([{ name: 'since', type: OPTION.STRING, value: 'the day the music died' }]);
    expect((await immediate(bad.id)).content).toMatch(/not a date I can read/);
  });

  it('only members with Manage Server schedule or stop digests; time, time zone and channel are checked', async () => {
    const channel = fake.channelOf(GUILD_ID);
    const resolved = { channels: { [channel]: { id: channel, type: 0, name: 'news', permissions: '2248473465835073' } } };
    const schedule = (options: object[], permissions?: bigint) =>
      fake.slashCommand('digest', [{ name: 'schedule', type: SUBCOMMAND, options }] as never, { permissions, resolved });
    const options = (time: string, extra: object[] = []) => [
      { name: 'channel', type: CHANNEL, value: channel },
      { name: 'time', type: OPTION.STRING, value: time },
      ...extra,
    ];
    expect((await immediate(schedule(options('08:00')).id)).content).toMatch(/only members with the Manage Server permission/);
    expect(await bot.context.kb.store.digestSchedules(GUILD_ID)).toEqual([]);
    expect((await immediate(schedule(options('25:00'), MANAGE_GUILD).id)).content).toMatch(/HH:MM/);
    const badZone = schedule(options('08:00', [{ name: 'timezone', type: OPTION.STRING, value: 'Mars/Olympus' }]), MANAGE_GUILD);
    expect((await immediate(badZone.id)).content).toMatch(/not a time zone/);
    // Another server's channel is refused, even when an interaction names it.
    const foreign = fake.channelOf(fake.guildIds[1]!);
    const elsewhere = fake.slashCommand(
      'digest',
      [
        {
          name: 'schedule',
          type: SUBCOMMAND,
          options: [
            { name: 'channel', type: CHANNEL, value: foreign },
            { name: 'time', type: OPTION.STRING, value: '08:00' },
          ],
        },
      ] as never,
      { permissions: MANAGE_GUILD, resolved: { channels: { [foreign]: { id: foreign, type: 0, name: 'elsewhere', permissions: '0' } } } },
    );
    expect((await immediate(elsewhere.id)).content).toMatch(/not one of this server’s channels/);
    expect(await bot.context.kb.store.digestSchedules(GUILD_ID)).toEqual([]);

    const made = schedule(
      options('7:30', [
        { name: 'topic', type: OPTION.STRING, value: 'Halvik' },
        { name: 'timezone', type: OPTION.STRING, value: 'Europe/Rome' },
      ]),
      MANAGE_GUILD,
    );
    const confirmation = await immediate(made.id);
    // 13:00 in Rome is past 07:30: the first digest is tomorrow's.
    expect(confirmation.content).toBe(
      `Every day at 07:30 (Europe/Rome) I will post the main stories on “Halvik” in <#${channel}>, starting 2026-11-09. A day with nothing new is skipped. Stop it with /digest unschedule.`,
    );
    expect(confirmation.flags).toBe(64); // only the member sees it
    expect(await bot.context.kb.store.serverSettings(GUILD_ID)).toEqual({ guildId: GUILD_ID, timeZone: 'Europe/Rome' });
    expect(await bot.context.kb.store.digestSchedules(GUILD_ID)).toMatchObject([
      { channelId: channel, time: '07:30', topic: 'Halvik', lastRunDate: '2026-11-08' },
    ]);

    const unscheduleBy = (permissions?: bigint) => fake.slashCommand('digest', [{ name: 'unschedule', type: SUBCOMMAND, options: [] }], { permissions });
    expect((await immediate(unscheduleBy().id)).content).toMatch(/only members with the Manage Server permission/);
    expect((await immediate(unscheduleBy(MANAGE_GUILD).id)).content).toBe(`Stopped the daily digest in <#${channel}>.`);
    expect(await bot.context.kb.store.digestSchedules(GUILD_ID)).toEqual([]);
    const inDm = fake.slashCommand('digest', [{ name: 'unschedule', type: SUBCOMMAND, options: [] }], { dm: true });
    expect((await immediate(inDm.id)).content).toMatch(/posted in a server’s channel/);
  });
});
