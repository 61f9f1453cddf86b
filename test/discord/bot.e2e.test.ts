import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotProcess } from '../support/botProcess.js';
import { ingestSources, newsFolder, sqliteNewsEnv, startBotProcess } from '../support/botFixture.js';
import { channelPosts, finalEdit, OPTION, replyEdits } from '../support/discordReplies.js';
import { APP_ID, BOT_THREAD_ID, CHANNEL_ID, DM_CHANNEL_ID, FakeDiscord, MANAGE_GUILD } from '../support/fakeDiscord.js';
import { runScript } from '../support/runScript.js';
import { suiteTempDir, tempDir } from '../support/tempDir.js';

const TOKEN = 'fake-token-SECRET-abc123';
const ADMIN_ALLOWLISTED = '600000000000000001';

/** Four long, distinct sentences about one subject: their answer cannot fit one Discord message. */
const LONG_ARTICLE = `Velmora harbour expansion approved

The Velmora harbour expansion plan foresees two new deep-water quays along the northern pier, each four hundred metres long, designed for container ships of up to eighteen thousand units, with automated stacking cranes, a dedicated rail siding connected to the national freight network, shore power connections so that ships at berth can switch off their diesel generators, and a separate berth for the island ferries that currently share the crowded inner basin with fishing boats and pleasure craft, according to the plan published by the port authority last week.

Under the Velmora harbour expansion plan the shipping channel will also be dredged from eleven to fifteen metres over a length of nine kilometres, an operation that environmental groups have criticised because the sediment contains traces of heavy metals from the former shipyard, and the port authority has promised to store the dredged material in sealed basins on the eastern flats and to monitor water quality at twelve points for a decade after the works, according to the plan published by the port authority last week.

Financing of the Velmora harbour expansion relies on a loan of 640 million euros from the European Investment Bank, a regional grant of 210 million euros, and port fees that are expected to rise by about eight percent for container lines from 2028, while the city council insisted that the fishing cooperative keeps its historic quay rent-free and that local suppliers receive a fair share of the construction contracts worth several hundred million, according to the plan published by the port authority last week.

Residents of the old town near the Velmora harbour expansion site were promised a noise barrier six metres high, a ban on night-time pile driving between ten in the evening and seven in the morning, a new cycle path around the basin, compensation for the shops on the quay road during the three years of construction, and a public viewing platform from which visitors can follow the progress of the works and learn about the history of the port, according to the plan published by the port authority last week.
`;

const PING_ARTICLE = `Council meeting notice

The council secretary wrote @everyone and @here in the minutes of the Tollbridge budget meeting, where the Tollbridge toll was raised to four euros.
`;

let fake: FakeDiscord;
let bot: BotProcess;
let env: Record<string, string>;
let docs: string;

const callbacks = (interactionId: string) => fake.find('POST', new RegExp(`^/interactions/${interactionId}/`));
const followUps = (token: string) => fake.find('POST', new RegExp(`^/webhooks/${APP_ID}/${token}$`));
const lastEdit = (token: string) => replyEdits(fake, token).at(-1)?.body?.content as string | undefined;

beforeAll(async () => {
  const root = suiteTempDir('bot-');
  docs = newsFolder(root, {
    'velmora.txt': LONG_ARTICLE,
    'tollbridge.txt': PING_ARTICLE,
    'web-story.html': `<html><head><title>Ferry service resumes</title><link rel="canonical" href="https://ferries.example/resume"><meta property="og:site_name" content="Ferry News"></head><body><article><h1>Ferry service resumes</h1><p>The Lakeside ferry service resumed on Monday after the storm damage to the Lakeside pier was repaired, the operator said.</p></article></body></html>`,
  });
  // Filler so that a re-ingest takes long enough to overlap a second request.
  const filler = join(docs, 'filler');
  mkdirSync(filler);
  for (let i = 0; i < 150; i++)
    writeFileSync(join(filler, `f${i}.txt`), `Filler report ${i}\n\n${`Routine notice about parking rules in district ${i}. `.repeat(1)}`.repeat(3));
  env = { ...sqliteNewsEnv(root, docs), DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, ADMIN_USER_IDS: ADMIN_ALLOWLISTED, RATE_LIMIT_PER_MINUTE: '5' };
  await ingestSources(env);
  fake = new FakeDiscord();
  await fake.start();
  env.DISCORD_API_URL = fake.apiUrl;
  bot = await startBotProcess(fake, env);
}, 120_000);

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await fake?.stop();
});

describe('Discord bot end to end (real discord.js client, fake Discord on 127.0.0.1)', () => {
  it('identifies through the gateway discovered via DISCORD_API_URL', () => {
    expect(fake.find('GET', /^\/gateway\/bot$/).length).toBeGreaterThan(0);
    expect(fake.identifyPayload.token).toBe(TOKEN);
  });

  it('/ask defers at once, then answers with citations and unfurl-free links', async () => {
    const { id, token, at } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'When did the Lakeside ferry service resume?' }]);
    const [callback] = await fake.waitFor(() => (callbacks(id).length ? callbacks(id) : undefined));
    expect(callback!.body.type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    expect(callback!.at - at).toBeLessThan(3000);
    const content = await finalEdit(fake, token, /Sources:/);
    expect(content).toMatch(/resumed on Monday.*\[1\]/);
    expect(content).toContain('[1] Ferry service resumes — Ferry News, date unknown, en — <https://ferries.example/resume>');
  });

  it('/ask private:true answers ephemerally', async () => {
    const { id, token } = fake.slashCommand(
      'ask',
      [
        { name: 'question', type: OPTION.STRING, value: 'How much have freight rates for gasoil risen?' },
        { name: 'private', type: OPTION.BOOLEAN, value: true },
      ],
      { userId: '500000000000000002' },
    );
    const [callback] = await fake.waitFor(() => (callbacks(id).length ? callbacks(id) : undefined));
    expect(callback!.body.data.flags & 64).toBe(64);
    expect(await finalEdit(fake, token, /Sources:/)).toContain('tripled');
  });

  it('/ask says honestly when the news does not cover a question', async () => {
    const { token } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'Who won the Eurovision Song Contest?' }], {
      userId: '500000000000000003',
    });
    expect(await finalEdit(fake, token)).toMatch(/does not cover/);
  });

  it('/sources lists passages and their sources without synthesis', async () => {
    const { token } = fake.slashCommand('sources', [{ name: 'query', type: OPTION.STRING, value: 'GDL Streik Fernverkehr' }], { userId: '500000000000000004' });
    const content = await finalEdit(fake, token, /\*\*\[1\]/);
    expect(content).toMatch(/^\*\*\[1\] Bahnstreik: GDL kündigt 48-Stunden-Ausstand an\*\* — 2026-10-06, de — bahn\.txt\n> Die Gewerkschaft/);
  });

  it('/status reports the index, the model and uptime', async () => {
    const { id } = fake.slashCommand('status', [], { userId: '500000000000000005' });
    const [callback] = await fake.waitFor(() => (callbacks(id).length ? callbacks(id) : undefined));
    expect(callback!.body.type).toBe(4);
    const content = callback!.body.data.content as string;
    expect(content).toMatch(/Articles: 156 · Passages: \d+ · Sources: 1/);
    expect(content).toMatch(/Last ingest: .* \(ok — 156 added/);
    expect(content).toMatch(/Embedding model: hashing-384 \(384-d\) — vectors in use/);
    expect(content).toMatch(/Index size on disk: [\d.]+ (KB|MB)/);
    expect(content).toMatch(/Uptime: /);
  });

  it('keeps the lexical index in memory as well (built in a worker thread after start-up)', async () => {
    const built = await fake.waitFor(() => bot.logs().find((l) => /In-memory lexical index: \d+ passages/.test(String(l.msg))));
    expect(String(built!.msg)).toMatch(/built in \d+ ms/);
  });

  it('/reingest politely refuses members without Manage Server, and nothing runs', async () => {
    const runsBefore = bot.logs().filter((l) => String(l.msg).includes('Using')).length;
    const { id } = fake.slashCommand('reingest', [], { userId: '500000000000000006', permissions: 1024n });
    const [callback] = await fake.waitFor(() => (callbacks(id).length ? callbacks(id) : undefined));
    expect(callback!.body.type).toBe(4);
    expect(callback!.body.data.flags & 64).toBe(64);
    expect(callback!.body.data.content).toMatch(/only server admins/);
    const dm = fake.slashCommand('reingest', [], { userId: '500000000000000006', dm: true });
    const [dmCallback] = await fake.waitFor(() => (callbacks(dm.id).length ? callbacks(dm.id) : undefined));
    expect(dmCallback!.body.data.content).toMatch(/only server admins/);
    // Manage Server re-ingests a server's own sources only; this server has none, and the operator's are not its to re-read.
    const manager = fake.slashCommand('reingest', [], { userId: '500000000000000006', permissions: MANAGE_GUILD });
    const [managerCallback] = await fake.waitFor(() => (callbacks(manager.id).length ? callbacks(manager.id) : undefined));
    expect(managerCallback!.body.data.content).toMatch(/no sources of its own to re-ingest/);
    const global = fake.slashCommand('reingest', [{ name: 'global', type: OPTION.BOOLEAN, value: true }], {
      userId: '500000000000000006',
      permissions: MANAGE_GUILD,
    });
    const [globalCallback] = await fake.waitFor(() => (callbacks(global.id).length ? callbacks(global.id) : undefined));
    expect(globalCallback!.body.data.content).toMatch(/only by its owners \(ADMIN_USER_IDS\)/);
    expect(bot.logs().filter((l) => String(l.msg).includes('Using')).length).toBe(runsBefore);
  });

  it('/reingest runs for admins with progress and a summary; a second one meanwhile is refused', async () => {
    for (let i = 0; i < 150; i++)
      writeFileSync(join(docs, 'filler', `f${i}.txt`), `Filler report ${i} updated\n\nRevised notice about parking rules in district ${i}.`);
    // The operator's sources: re-ingested by the bot's owners (ADMIN_USER_IDS) only, Manage Server or not.
    const first = fake.slashCommand('reingest', [], { userId: ADMIN_ALLOWLISTED, permissions: MANAGE_GUILD });
    const second = fake.slashCommand('reingest', [], { userId: ADMIN_ALLOWLISTED, dm: true });
    const [secondCallback] = await fake.waitFor(() => (callbacks(second.id).length ? callbacks(second.id) : undefined));
    expect(secondCallback!.body.data.content).toMatch(/already running/);
    expect(secondCallback!.body.data.flags & 64).toBe(64);
    const [firstCallback] = await fake.waitFor(() => (callbacks(first.id).length ? callbacks(first.id) : undefined));
    expect(firstCallback!.body.type).toBe(5);
    const summary = await finalEdit(fake, first.token, /Re-ingest finished/);
    expect(summary).toMatch(/Articles: 0 added, 150 updated, 6 unchanged/);
    // While it ran, others were still answered (the allowlisted admin could also ask).
  });

  it('answers a direct message in that DM', async () => {
    const { id } = fake.message('Welche Lohnerhöhung fordert die GDL?', { dm: true, userId: '500000000000000008' });
    const [post] = await fake.waitFor(() =>
      channelPosts(fake, DM_CHANNEL_ID).some((c) => c.body.message_reference?.message_id === id)
        ? channelPosts(fake, DM_CHANNEL_ID).filter((c) => c.body.message_reference?.message_id === id)
        : undefined,
    );
    expect(post!.body.content).toMatch(/Lohnerhöhung von 8,5 Prozent.*\[1\]/);
  });

  it('answers time-shaped questions with a timeline, in /ask and in mentions: dated lines, cited, dates intact', async () => {
    const { token } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'Any news about the Rhine barges at Kaub?' }], {
      userId: '500000000000000041',
    });
    const content = await finalEdit(fake, token, /Sources:/);
    expect(content).toMatch(
      /^The latest reports, newest first:\n2026-08-14 — “Rhine barges sail a third full as Kaub gauge drops”: The water level .* \[1\]\n/,
    );
    expect(content).toContain('[1] Rhine barges sail a third full as Kaub gauge drops — 2026-08-14, en — rhine.txt');
    const { id } = fake.message('Was gibt es Neues zur GDL?', { mentionBot: true, userId: '500000000000000041' });
    const reply = await fake.waitFor(() => channelPosts(fake, CHANNEL_ID).find((c) => c.body.message_reference?.message_id === id));
    expect(reply.body.content).toMatch(
      /^Die neuesten Meldungen, die neueste zuerst:\n2026-10-06 — „Bahnstreik: GDL kündigt 48-Stunden-Ausstand an“: .*\[1\]\n\nQuellen:/,
    );
  });

  it('answers a mention in a channel as a reply (mention removed) and ignores other chatter', async () => {
    fake.message('just chatting about ferries, not asking the bot', { userId: '500000000000000009' });
    const { id } = fake.message('quante stazioni avrà la linea 2 della metropolitana di Torino?', { mentionBot: true, userId: '500000000000000009' });
    const [post] = await fake.waitFor(() => {
      const found = channelPosts(fake, CHANNEL_ID).filter((c) => c.body.message_reference?.message_id === id);
      return found.length ? found : undefined;
    });
    expect(post!.body.content).toContain('13 stazioni');
    await new Promise((r) => setTimeout(r, 300));
    expect(channelPosts(fake, CHANNEL_ID).filter((c) => /ferr/i.test(c.body.content ?? '') && c.body.message_reference)).toHaveLength(0);
  });

  it('continues a conversation when someone replies to an answer, and in a thread the bot started', async () => {
    const question = fake.message('Why did Lakeside ferry service stop?', { mentionBot: true, userId: '500000000000000010' });
    const answer = await fake.waitFor(() => channelPosts(fake, CHANNEL_ID).find((c) => c.body.message_reference?.message_id === question.id));
    const followUp = fake.message('and when was that?', { replyTo: answer.responseId, userId: '500000000000000010' });
    const reply = await fake.waitFor(() => channelPosts(fake, CHANNEL_ID).find((c) => c.body.message_reference?.message_id === followUp.id));
    expect(reply.body.content).toMatch(/resumed on Monday/);
    expect(reply.body.content).toContain('Ferry service resumes');

    const inThread = fake.message('Was fordert die GDL?', { channelId: BOT_THREAD_ID, userId: '500000000000000011' });
    const threadReply = await fake.waitFor(() => channelPosts(fake, BOT_THREAD_ID).find((c) => c.body.message_reference?.message_id === inThread.id));
    expect(threadReply.body.content).toContain('8,5 Prozent');
    const threadFollowUp = fake.message('und wie viele Fernzüge sollen noch fahren?', { channelId: BOT_THREAD_ID, userId: '500000000000000011' });
    const threadReply2 = await fake.waitFor(() => channelPosts(fake, BOT_THREAD_ID).find((c) => c.body.message_reference?.message_id === threadFollowUp.id));
    expect(threadReply2.body.content).toMatch(/Fünftel der Fernzüge/);
  });

  it('/ask thread:true starts a public thread named from the question; messages there are follow-ups', async () => {
    const question = 'How much have freight rates for gasoil risen on the Rhine since the start of August, and what do traders expect for the autumn months?';
    const { token } = fake.slashCommand(
      'ask',
      [
        { name: 'question', type: 3, value: question },
        { name: 'thread', type: 5, value: true },
      ],
      { userId: '500000000000000021' },
    );
    expect(await finalEdit(fake, token, /Sources:/)).toContain('tripled');
    const created = await fake.waitFor(() => fake.find('POST', /^\/channels\/\d+\/messages\/\d+\/threads$/)[0], 15_000, 'thread creation');
    expect(created.body.name.length).toBeLessThanOrEqual(100);
    expect(question.startsWith(created.body.name.replace(/…$/, ''))).toBe(true);
    const threadId = created.responseId!;
    const followUp = fake.message('and how low is the water at Kaub?', { channelId: threadId, userId: '500000000000000021' });
    const reply = await fake.waitFor(
      () => channelPosts(fake, threadId).find((c) => c.body.message_reference?.message_id === followUp.id),
      15_000,
      'reply in the thread',
    );
    expect(reply.body.content).toMatch(/38 centimetres/);
  });

  it('/ask thread:true answers inline and says so where the bot may not create threads', async () => {
    fake.denyThreads = true;
    try {
      const { token } = fake.slashCommand(
        'ask',
        [
          { name: 'question', type: 3, value: 'How much have freight rates for gasoil risen?' },
          { name: 'thread', type: 5, value: true },
        ],
        { userId: '500000000000000022' },
      );
      expect(await finalEdit(fake, token, /Sources:/)).toContain('tripled');
      const notice = await fake.waitFor(() => followUps(token).find((c) => /Create Public Threads/.test(c.body.content)), 15_000, 'permission notice');
      expect(notice.body.content).toMatch(/answer stays here/);
    } finally {
      fake.denyThreads = false;
    }
  });

  it('rate-limits a user and says when to retry', async () => {
    const user = '500000000000000012';
    const tokens = Array.from({ length: 6 }, () =>
      fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'Was fordert die GDL?' }], { userId: user }),
    );
    const last = tokens.at(-1)!;
    const [callback] = await fake.waitFor(() => (callbacks(last.id).length ? callbacks(last.id) : undefined));
    expect(callback!.body.type).toBe(4);
    expect(callback!.body.data.flags & 64).toBe(64);
    expect(callback!.body.data.content).toMatch(/try again in \d+ seconds?/);
    for (const t of tokens.slice(0, 5)) await finalEdit(fake, t.token, /Quellen:/); // a German question gets German labels
  });

  it('refuses an overlong question with a clear message', async () => {
    const { id } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'why '.repeat(200) }], { userId: '500000000000000013' });
    const [callback] = await fake.waitFor(() => (callbacks(id).length ? callbacks(id) : undefined));
    expect(callback!.body.data.content).toMatch(/limit is 500/);
    expect(callback!.body.data.flags & 64).toBe(64);
  });

  it('splits long answers into messages of at most 2000 characters without cutting words or source lines', async () => {
    const { token } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'Tell me about the Velmora harbour expansion' }], {
      userId: '500000000000000014',
    });
    await fake.waitFor(() => followUps(token).length > 0 && followUps(token));
    const pieces = [lastEdit(token)!, ...followUps(token).map((c) => c.body.content as string)];
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    const joined = pieces.join(' ');
    expect(joined).toMatch(/\n\[1\] Velmora harbour expansion approved — date unknown, en — velmora\.txt$/);
    for (const piece of pieces) expect(piece).not.toMatch(/^\S*[a-z]$|^[a-z]\S*\s/); // no piece ends or starts mid-word
  });

  it('sends every message with mentions disabled, even when an article contains @everyone', async () => {
    const { token } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'What was the Tollbridge toll raised to?' }], {
      userId: '500000000000000015',
    });
    // Quoted, and broken visibly (zero-width space) as well as by allowed_mentions.
    expect(await finalEdit(fake, token, /Sources:/)).toContain('@\u200beveryone');
    const sent = fake.calls.filter(
      (c) => (c.method === 'POST' || c.method === 'PATCH') && c.body && typeof c.body === 'object' && ('content' in c.body || 'data' in c.body),
    );
    expect(sent.length).toBeGreaterThan(10);
    for (const call of sent) {
      const payload = (call.body.data ?? call.body) as { allowed_mentions?: { parse?: string[] } };
      if (call.body.type === 5) continue; // a deferral carries no content
      expect(payload.allowed_mentions, `${call.method} ${call.path}`).toBeDefined();
      expect(payload.allowed_mentions!.parse).toEqual([]);
    }
  });

  it('answers 50 concurrent questions', async () => {
    const asked = Array.from({ length: 50 }, (_, i) =>
      fake.slashCommand(
        'ask',
        [{ name: 'question', type: OPTION.STRING, value: ['Was fordert die GDL?', 'How much have freight rates for gasoil risen?'][i % 2]! }],
        { userId: `7000000000000${String(i).padStart(5, '0')}` },
      ),
    );
    await fake.waitFor(() => asked.every((a) => /Sources:|Quellen:/.test(lastEdit(a.token) ?? '')), 60_000, '50 answers');
    for (const a of asked) {
      const [callback] = callbacks(a.id);
      expect(callback!.at - a.at).toBeLessThan(3000);
    }
  });

  it('survives malformed events', async () => {
    fake.dispatch('INTERACTION_CREATE', { id: '1', type: 2, data: null, token: 'x', application_id: APP_ID });
    fake.dispatch('MESSAGE_CREATE', { id: '2', channel_id: CHANNEL_ID, content: null });
    fake.dispatch('MESSAGE_CREATE', { id: '3' });
    const { token } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'Was fordert die GDL?' }], { userId: '500000000000000016' });
    expect(await finalEdit(fake, token, /Quellen:/)).toContain('8,5 Prozent');
  });

  it('picks up an ingest run from the command line in another process without a restart', async () => {
    writeFileSync(
      join(docs, 'late.txt'),
      'Zoo welcomes twin pandas\n\nThe Marwick zoo welcomed twin panda cubs named Lumi and Tao on Friday, its director said.\n',
    );
    const cli = await runScript('src/cli/ingest.ts', [], { ...env, DISCORD_TOKEN: '' });
    expect(cli.code).toBe(0);
    const { token } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'What are the names of the Marwick zoo panda cubs?' }], {
      userId: '500000000000000017',
    });
    expect(await finalEdit(fake, token, /Sources:/)).toContain('Lumi and Tao');
  });

  it('shuts down cleanly on SIGTERM and never logs the token', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.logs().some((l) => l.msg === 'stopped')).toBe(true);
    expect(bot.stdout + bot.stderr).not.toContain(TOKEN);
  });
});

describe('starting and registering', () => {
  it('npm start without DISCORD_TOKEN exits with one line saying what to set', async () => {
    const result = await runScript('src/cli/bot.ts', [], { DISCORD_TOKEN: '', DATA_DIR: join(tempDir(), 'data') });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/DISCORD_TOKEN is not set/);
  });

  it('deploy-commands registers the commands globally, or to DISCORD_GUILD_ID', async () => {
    const discord = new FakeDiscord();
    await discord.start();
    try {
      const base = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: APP_ID, DISCORD_API_URL: discord.apiUrl };
      const global = await runScript('src/cli/deployCommands.ts', [], base);
      expect(global.code).toBe(0);
      const [put] = discord.find('PUT', new RegExp(`^/applications/${APP_ID}/commands$`));
      const byName = Object.fromEntries((put!.body as Array<{ name: string }>).map((c) => [c.name, c])) as Record<string, any>;
      expect(Object.keys(byName).sort()).toEqual(['ask', 'digest', 'feeds', 'reingest', 'sources', 'status']);
      expect(byName.ask.options.map((o: any) => [o.name, o.type, o.required ?? false])).toEqual([
        ['question', 3, true],
        ['private', 5, false],
        ['thread', 5, false],
      ]);
      // Localised names and descriptions for de, it, fr and es; the English names stay the defaults.
      for (const command of Object.values(byName)) {
        expect(Object.keys(command.name_localizations).sort()).toEqual(['de', 'es-419', 'es-ES', 'fr', 'it']);
        expect(Object.keys(command.description_localizations).sort()).toEqual(['de', 'es-419', 'es-ES', 'fr', 'it']);
        for (const name of Object.values(command.name_localizations) as string[]) expect(name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      }
      expect(byName.ask.name_localizations).toMatchObject({ de: 'fragen', it: 'chiedi', fr: 'demander', 'es-ES': 'preguntar' });
      expect(byName.ask.options[2].name_localizations).toMatchObject({ de: 'thread', fr: 'fil', 'es-ES': 'hilo' });
      expect(byName.sources.options[0]).toMatchObject({ name: 'query', type: 3, required: true });
      expect(byName.reingest.default_member_permissions).toBe(String(MANAGE_GUILD));
      expect(byName.feeds.default_member_permissions).toBe(String(MANAGE_GUILD));
      expect(byName.feeds.options.map((o: any) => [o.name, o.type])).toEqual([
        ['add', 1],
        ['list', 1],
        ['remove', 1],
        ['import', 1],
        ['export', 1],
      ]);
      // /digest [topic] [since] is registered as /digest show (Discord allows no options beside subcommands).
      expect(byName.digest.options.map((o: any) => [o.name, o.type])).toEqual([
        ['show', 1],
        ['schedule', 1],
        ['unschedule', 1],
      ]);
      expect(byName.digest.options[0].options.map((o: any) => [o.name, o.type, o.required ?? false])).toEqual([
        ['topic', 3, false],
        ['since', 3, false],
      ]);
      expect(byName.digest.options[1].options.map((o: any) => [o.name, o.type, o.required ?? false])).toEqual([
        ['channel', 7, true],
        ['time', 3, true],
        ['topic', 3, false],
        ['timezone', 3, false],
      ]);
      const guild = await runScript('src/cli/deployCommands.ts', [], { ...base, DISCORD_GUILD_ID: '200000000000000001' });
      expect(guild.code).toBe(0);
      expect(discord.find('PUT', new RegExp(`^/applications/${APP_ID}/guilds/200000000000000001/commands$`))).toHaveLength(1);
    } finally {
      await discord.stop();
    }
  });
});
