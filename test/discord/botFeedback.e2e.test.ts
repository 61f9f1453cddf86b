import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqliteStore.js';
import type { BotProcess } from '../support/botProcess.js';
import { ingestSources, newsFolder, sqliteNewsEnv, startBotProcess } from '../support/botFixture.js';
import { channelPosts, finalEdit, OPTION, replyEdits } from '../support/discordReplies.js';
import { APP_ID, DM_CHANNEL_ID, FakeDiscord, MANAGE_GUILD, type RestCall } from '../support/fakeDiscord.js';
import { runScript } from '../support/runScript.js';
import { suiteTempDir } from '../support/tempDir.js';

const OWNER = '600000000000000001';
const DAY_MS = 86_400_000;

/** Four long, distinct sentences about one subject (as in bot.e2e.test.ts): their answer cannot fit one Discord message. */
const LONG_ARTICLE = `Velmora harbour expansion approved

The Velmora harbour expansion plan foresees two new deep-water quays along the northern pier, each four hundred metres long, designed for container ships of up to eighteen thousand units, with automated stacking cranes, a dedicated rail siding connected to the national freight network, shore power connections so that ships at berth can switch off their diesel generators, and a separate berth for the island ferries that currently share the crowded inner basin with fishing boats and pleasure craft, according to the plan published by the port authority last week.

Under the Velmora harbour expansion plan the shipping channel will also be dredged from eleven to fifteen metres over a length of nine kilometres, an operation that environmental groups have criticised because the sediment contains traces of heavy metals from the former shipyard, and the port authority has promised to store the dredged material in sealed basins on the eastern flats and to monitor water quality at twelve points for a decade after the works, according to the plan published by the port authority last week.

Financing of the Velmora harbour expansion relies on a loan of 640 million euros from the European Investment Bank, a regional grant of 210 million euros, and port fees that are expected to rise by about eight percent for container lines from 2028, while the city council insisted that the fishing cooperative keeps its historic quay rent-free and that local suppliers receive a fair share of the construction contracts worth several hundred million, according to the plan published by the port authority last week.

Residents of the old town near the Velmora harbour expansion site were promised a noise barrier six metres high, a ban on night-time pile driving between ten in the evening and seven in the morning, a new cycle path around the basin, compensation for the shops on the quay road during the three years of construction, and a public viewing platform from which visitors can follow the progress of the works and learn about the history of the port, according to the plan published by the port authority last week.
`;

let fake: FakeDiscord;
let bot: BotProcess;
let env: Record<string, string>;
/** An answer recorded long ago (seeded before the bot started), pruned by the bot at start-up. */
let prunedAtStart: number;

const followUps = (token: string) => fake.find('POST', new RegExp(`^/webhooks/${APP_ID}/${token}$`));

/** The custom ids of the buttons a posted message carries. */
function buttonIds(call: RestCall | undefined): string[] {
  return ((call?.body?.components ?? []) as Array<{ components: Array<{ custom_id: string }> }>).flatMap((row) => row.components.map((b) => b.custom_id));
}

/** The bot's one response to an interaction, once sent. */
async function callbackOf(interactionId: string): Promise<any> {
  const [callback] = await fake.waitFor(() => (fake.callbacks(interactionId).length ? fake.callbacks(interactionId) : undefined));
  return callback!.body;
}

/** /ask as `userId` (in `guildId` when given) and the edit that carries the final answer. */
async function ask(question: string, userId: string, guildId?: string): Promise<RestCall> {
  const { token } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: question }], { userId, guildId });
  await finalEdit(fake, token, /Sources:|does not cover|not covered|no answer/i);
  return replyEdits(fake, token).at(-1)!;
}

/** What `npm run feedback -- --export` writes, parsed line by line. */
async function exported(extraEnv: Record<string, string> = {}, args: string[] = []): Promise<any[]> {
  const result = await runScript('src/cli/feedback.ts', ['--export', ...args], { ...env, ...extraEnv });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

const answerIdOf = (call: RestCall) => Number(buttonIds(call)[0]!.split(':')[2]);

beforeAll(async () => {
  const root = suiteTempDir('bot-feedback-');
  const docs = newsFolder(root, { 'velmora.txt': LONG_ARTICLE });
  env = { ...sqliteNewsEnv(root, docs), DISCORD_TOKEN: 'fake-token', ADMIN_USER_IDS: OWNER, RATE_LIMIT_PER_MINUTE: '100', FEEDBACK_RETENTION_DAYS: '90' };
  await ingestSources(env);
  const store = SqliteStore.open(join(root, 'data'));
  prunedAtStart = await store.recordAnswer({
    at: new Date(Date.now() - 200 * DAY_MS).toISOString(),
    guildId: null,
    channelId: DM_CHANNEL_ID,
    userId: '500000000000000099',
    question: 'An old question',
    answer: 'An old answer',
    citations: [],
    answered: true,
    mode: 'extractive',
  });
  await store.close();
  fake = new FakeDiscord({ guilds: 2 });
  await fake.start();
  bot = await startBotProcess(fake, env);
}, 120_000);

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await fake?.stop();
});

describe('feedback on answers through the real discord.js client and the fake Discord', () => {
  it('puts 👍 and 👎 under an /ask answer, carrying the recorded answer', async () => {
    const final = await ask('When was the line 2 of the Turin metro approved?', '500000000000000001');
    const ids = buttonIds(final);
    expect(ids).toEqual([expect.stringMatching(/^feedback:up:\d+$/), expect.stringMatching(/^feedback:down:\d+$/)]);
    expect(final.body.components[0].components.map((b: { emoji: { name: string } }) => b.emoji.name)).toEqual(['👍', '👎']);
    const [record] = (await exported()).filter((a) => a.id === answerIdOf(final));
    expect(record).toMatchObject({
      guildId: fake.guildIds[0],
      channelId: fake.channelOf(fake.guildIds[0]!),
      userId: '500000000000000001',
      question: 'When was the line 2 of the Turin metro approved?',
      answered: true,
      mode: 'extractive',
      feedback: [],
    });
    expect(record.citations[0]).toMatchObject({ n: 1, source: 'torino.txt' });
    expect(Object.keys(record)).toEqual(['id', 'at', 'guildId', 'channelId', 'userId', 'question', 'answer', 'citations', 'answered', 'mode', 'feedback']);
  });

  it('records a 👍 privately; a 👎 opens the reason modal, whose reason is stored; a second click changes the vote', async () => {
    const final = await ask('How much have freight rates for gasoil risen?', '500000000000000002');
    const [up, down] = buttonIds(final);
    const voter = '500000000000000003';
    const thanks = await callbackOf(fake.buttonClick(final, up!, { userId: voter }).id);
    expect(thanks).toMatchObject({ type: 4, data: { content: 'Thanks for your feedback.', flags: 64 } });
    const vote = async () => (await exported()).find((a) => a.id === answerIdOf(final)).feedback;
    expect(await vote()).toEqual([{ userId: voter, vote: 'up', reason: null, at: expect.any(String) }]);

    const modal = await callbackOf(fake.buttonClick(final, down!, { userId: voter }).id);
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe(`feedback:reason:${answerIdOf(final)}`);
    expect(modal.data.components[0].component).toMatchObject({ type: 4, custom_id: 'reason', required: false, max_length: 300 });
    expect((await vote())[0]).toMatchObject({ vote: 'down', reason: null });
    const submitted = await callbackOf(fake.modalSubmit(modal.data.custom_id, { reason: 'It quotes the *old* rates' }, { userId: voter }).id);
    expect(submitted).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(await vote()).toEqual([{ userId: voter, vote: 'down', reason: 'It quotes the *old* rates', at: expect.any(String) }]);

    await callbackOf(fake.buttonClick(final, up!, { userId: voter }).id);
    expect(await vote()).toEqual([{ userId: voter, vote: 'up', reason: null, at: expect.any(String) }]);
    // Anyone who sees the answer may vote, once each.
    await callbackOf(fake.buttonClick(final, down!, { userId: '500000000000000004' }).id);
    expect((await vote()).map((f: { userId: string; vote: string }) => [f.userId, f.vote])).toEqual(
      expect.arrayContaining([
        [voter, 'up'],
        ['500000000000000004', 'down'],
      ]),
    );
    // No channel noise: nothing was posted in the channel for the votes.
    expect(channelPosts(fake, fake.channelOf(fake.guildIds[0]!))).toHaveLength(0);
  });

  it('puts the buttons under the last message of a split answer, and under mention and DM answers', async () => {
    const { token } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: 'Tell me about the Velmora harbour expansion' }], {
      userId: '500000000000000005',
    });
    await fake.waitFor(() => followUps(token).length > 0 && buttonIds(followUps(token).at(-1)).length > 0, 20_000, 'the last piece with buttons');
    expect(buttonIds(replyEdits(fake, token).at(-1))).toEqual([]);
    for (const piece of followUps(token).slice(0, -1)) expect(buttonIds(piece)).toEqual([]);

    const mention = fake.message('How much have freight rates for gasoil risen?', { mentionBot: true, userId: '500000000000000006' });
    const reply = await fake.waitFor(() => channelPosts(fake).find((c) => c.body.message_reference?.message_id === mention.id));
    expect(buttonIds(reply)).toEqual([expect.stringMatching(/^feedback:up:/), expect.stringMatching(/^feedback:down:/)]);
    const dm = fake.message('How much have freight rates for gasoil risen?', { dm: true, userId: '500000000000000007' });
    const dmReply = await fake.waitFor(() => channelPosts(fake, DM_CHANNEL_ID).find((c) => c.body.message_reference?.message_id === dm.id));
    expect(buttonIds(dmReply)).toHaveLength(2);
    const record = (await exported()).find((a) => a.id === answerIdOf(dmReply));
    expect(record).toMatchObject({ guildId: null, channelId: DM_CHANNEL_ID, userId: '500000000000000007' });
  });

  it("shows a server's admins the last 7 days privately: counts, shares and coverage gaps, several similar declined questions ahead of a single one", async () => {
    const guild = fake.guildIds[1]!;
    const answered = await ask('How much have freight rates for gasoil risen?', '500000000000000010', guild);
    for (const [i, question] of [
      'Who won the Eurovision Song Contest?',
      'Which country won the Eurovision Song Contest this year?',
      'Who won the Tour de France?',
      'Eurovision Song Contest winner?',
    ].entries()) {
      expect(buttonIds(await ask(question, `50000000000000002${i}`, guild))).toHaveLength(2);
    }
    await callbackOf(fake.buttonClick(answered, buttonIds(answered)[1]!, { userId: '500000000000000011', guildId: guild }).id);

    const admin = fake.slashCommand('status', [], { userId: '500000000000000012', guildId: guild, permissions: MANAGE_GUILD });
    expect((await callbackOf(admin.id)).type).toBe(4);
    const [report] = await fake.waitFor(() => (followUps(admin.token).length ? followUps(admin.token) : undefined));
    expect(report!.body.flags & 64).toBe(64);
    const text = report!.body.content as string;
    expect(text).toContain('**Questions in the last 7 days** (this server, shown only to you)');
    expect(text).toContain('Asked: 5 · answered: 20% · declined: 80% · with 👎: 20%');
    const gaps = text.split('\n').filter((line) => /^\d\. /.test(line));
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toMatch(/^1\. 3× “.*[Ee]urovision.*” \(\+2 similar\)$/);
    expect(gaps[1]).toBe('2. 1× “Who won the Tour de France?”');

    const member = fake.slashCommand('status', [], { userId: '500000000000000013', guildId: guild });
    expect((await callbackOf(member.id)).type).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 750));
    expect(followUps(member.token)).toHaveLength(0);
  });

  it("shows the bot's owners in a DM every server's questions; pruned answers are gone and a click on one says so", async () => {
    const owner = fake.slashCommand('status', [], { userId: OWNER, dm: true });
    const [report] = await fake.waitFor(() => (followUps(owner.token).length ? followUps(owner.token) : undefined));
    expect(report!.body.content).toContain('(all servers and direct messages, shown only to you)');
    expect(report!.body.content).toMatch(/Asked: \d+ · answered: \d+%/);
    expect(report!.body.content).toContain('Answers and feedback are kept 90 days (FEEDBACK_RETENTION_DAYS).');

    expect(bot.logs().some((l) => l.msg === 'old answers and feedback deleted' && l.removed === 1)).toBe(true);
    expect((await exported()).map((a) => a.id)).not.toContain(prunedAtStart);
    const stale = { method: 'POST', path: `/channels/${DM_CHANNEL_ID}/messages`, query: '', at: Date.now(), body: { content: 'An old answer' } };
    const click = await callbackOf(fake.buttonClick(stale, `feedback:down:${prunedAtStart}`, { userId: '500000000000000099', dm: true }).id);
    expect(click).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(click.data.content).toMatch(/no longer on record \(answers are kept for 90 days\)/);
  });

  it('npm run feedback prunes by FEEDBACK_RETENTION_DAYS and exports JSON Lines only on stdout, to a file with --out, the last days with --days', async () => {
    const all = await exported();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const line of all) expect(line.feedback).toBeInstanceOf(Array);
    expect(await exported({}, ['--days', '1'])).toHaveLength(all.length);

    // Backdate one answer by writing a second one as the bot would have 30 days ago, then keep 7 days only.
    const store = SqliteStore.open(join(env.DATA_DIR!));
    const old = await store.recordAnswer({ ...all[0], at: new Date(Date.now() - 30 * DAY_MS).toISOString() });
    await store.close();
    expect((await exported()).map((a) => a.id)).toContain(old);
    expect((await exported({}, ['--days', '7'])).map((a) => a.id)).not.toContain(old);
    const pruned = await runScript('src/cli/feedback.ts', [], { ...env, FEEDBACK_RETENTION_DAYS: '7' });
    expect(pruned).toMatchObject({ code: 0, stdout: '' });
    expect(pruned.stderr).toContain('Deleted 1 answer older than the retention (FEEDBACK_RETENTION_DAYS=7).');
    expect((await exported()).map((a) => a.id)).not.toContain(old);

    const out = join(env.DATA_DIR!, '..', 'feedback.jsonl');
    const toFile = await runScript('src/cli/feedback.ts', ['--export', '--out', out], env);
    expect(toFile).toMatchObject({ code: 0, stdout: '' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(out, 'utf8').trim().split('\n').length).toBe(all.length);
    const bad = await runScript('src/cli/feedback.ts', ['--export', '--days', 'soon'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--days must be a whole number/);
    const badConfig = await runScript('src/cli/feedback.ts', [], { ...env, FEEDBACK_RETENTION_DAYS: 'forever' });
    expect(badConfig.stderr).toMatch(/FEEDBACK_RETENTION_DAYS is invalid/);
  });
});
