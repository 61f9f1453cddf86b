import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpml } from '../../ingest/feeds/opml.js';
import type { BotProcess } from '../support/botProcess.js';
import { ingestSources, newsFolder, sqliteNewsEnv, startBotProcess } from '../support/botFixture.js';
import { EMBERFIELD_QUESTION, QUILLMERE_QUESTION, startDeskSite } from '../support/deskSite.js';
import { channelPosts, finalEdit, OPTION } from '../support/discordReplies.js';
import { APP_ID, BOT_THREAD_ID, FakeDiscord, MANAGE_GUILD } from '../support/fakeDiscord.js';
import { suiteTempDir } from '../support/tempDir.js';

const SUBCOMMAND = 1;
const CHANNEL = 7;
const ATTACHMENT = 11;
const ADMIN_A = '510000000000000001';
const ADMIN_B = '520000000000000001';
const MEMBER = '530000000000000001';
/** A second channel of server A: a source added for it serves only questions asked there. */
const OTHER_CHANNEL = '310000000000000077';
const NOT_COVERED = /does not cover/;

let fake: FakeDiscord;
let bot: BotProcess;
let site: Awaited<ReturnType<typeof startDeskSite>>;
let guildA: string;
let guildB: string;

const callback = (id: string) => fake.waitFor(() => fake.find('POST', new RegExp(`^/interactions/${id}/`))[0], 20_000, `callback of ${id}`);

/** Runs /feeds <sub> as `userId` (Manage Server unless told) in a guild; returns the final reply text matching `until`. */
async function feeds(sub: string, options: object[], by: { guildId: string; userId: string; permissions?: bigint; resolved?: object }, until = /\S/) {
  const { token } = fake.slashCommand('feeds', [{ name: sub, type: SUBCOMMAND, options }], { permissions: MANAGE_GUILD, ...by });
  return finalEdit(fake, token, until, 60_000);
}

async function ask(question: string, guildId: string, channelId?: string): Promise<string> {
  const { token } = fake.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: question }], { guildId, channelId });
  return finalEdit(fake, token, /^\[1\] |does not cover/m, 30_000);
}

/** The bot's reply to a message (a mention, a message in its thread). */
function messageReply(channelId: string, messageId: string) {
  return fake.waitFor(() => channelPosts(fake, channelId).find((c) => c.body.message_reference?.message_id === messageId), 30_000, `reply to ${messageId}`);
}

async function status(guildId: string): Promise<string> {
  const { id } = fake.slashCommand('status', [], { guildId });
  return (await callback(id)).body.data.content as string;
}

beforeAll(async () => {
  const root = suiteTempDir('deskdiscord-');
  site = await startDeskSite();
  const env = {
    ...sqliteNewsEnv(root, newsFolder(root)),
    DISCORD_TOKEN: 'fake-token',
    DISCORD_CLIENT_ID: APP_ID,
    // The desk site runs on 127.0.0.1: admitted by the operator, as a desk address never is by itself.
    FETCH_ALLOWED_HOSTS: '127.0.0.1',
    MAX_SOURCES_PER_SERVER: '2',
    RATE_LIMIT_PER_MINUTE: '100',
  };
  await ingestSources(env);
  fake = new FakeDiscord({ guilds: 2 });
  await fake.start();
  [guildA, guildB] = fake.guildIds as [string, string];
  bot = await startBotProcess(fake, env);
}, 120_000);

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await fake?.stop();
  await site?.close();
});

describe('news desks: each server its own sources, managed from Discord (fake Discord, real SQLite, a site on 127.0.0.1)', () => {
  it('refuses members without Manage Server (checked by the bot) and direct messages', async () => {
    const { id } = fake.slashCommand('feeds', [{ name: 'list', type: SUBCOMMAND, options: [] }], { guildId: guildA, userId: MEMBER, permissions: 1024n });
    const refused = (await callback(id)).body;
    expect(refused.data.content).toMatch(/only members with the Manage Server permission/);
    expect(refused.data.flags & 64).toBe(64);
    const dm = fake.slashCommand('feeds', [{ name: 'list', type: SUBCOMMAND, options: [] }], { dm: true, userId: MEMBER });
    expect((await callback(dm.id)).body.data.content).toMatch(/belong to a server/);
  });

  it('server A adds a site by its address: the feed is found by autodiscovery and read at once', async () => {
    const reply = await feeds('add', [{ name: 'url', type: OPTION.STRING, value: `${site.url}/site/` }], { guildId: guildA, userId: ADMIN_A }, /Read:/);
    expect(reply).toContain(`Added **Quillmere Gazette** (feed) — <${site.feedUrl}>.`);
    expect(reply).toMatch(/Read: 2 articles now held from it\./);
  });

  it('server B gets the not-covered answer about A’s news; A gets the cited answer', async () => {
    expect(await ask(QUILLMERE_QUESTION, guildB)).toMatch(NOT_COVERED);
    const answer = await ask(QUILLMERE_QUESTION, guildA);
    expect(answer).toMatch(/first Saturday of June.*\[1\]/s);
    expect(answer).toContain(`${site.url}/site/reservoir.html`);
    // Mentions and follow-ups in a thread the bot started are scoped the same way.
    const mentionB = fake.message(QUILLMERE_QUESTION, { mentionBot: true, guildId: guildB, userId: MEMBER });
    expect((await messageReply(fake.channelOf(guildB), mentionB.id)).body.content).toMatch(NOT_COVERED);
    const inThreadA = fake.message(QUILLMERE_QUESTION, { channelId: BOT_THREAD_ID, guildId: guildA, userId: MEMBER });
    expect((await messageReply(BOT_THREAD_ID, inThreadA.id)).body.content).toMatch(/first Saturday of June/);
    // Both still share the operator's global sources.
    expect(await ask('Welche Lohnerhöhung fordert die GDL?', guildB)).toMatch(/8,5 Prozent/);
  });

  it('server B cannot see A’s sources in /feeds list, /sources or /status', async () => {
    const listB = await feeds('list', [], { guildId: guildB, userId: ADMIN_B });
    expect(listB).toMatch(/None yet/);
    expect(listB).not.toContain(site.url);
    const listA = await feeds('list', [], { guildId: guildA, userId: ADMIN_A });
    expect(listA).toMatch(/Quillmere Gazette.*\n.*2 articles · last success: \d{4}-.* · next poll: \d{4}-/);
    // /feeds remove suggests the server's own sources as the member types, and nothing of another server's.
    const typed = [{ name: 'remove', type: SUBCOMMAND, options: [{ name: 'source', type: OPTION.STRING, value: 'quill', focused: true }] }];
    const suggestA = fake.slashCommand('feeds', typed, { guildId: guildA, userId: ADMIN_A, permissions: MANAGE_GUILD, autocomplete: true });
    expect((await callback(suggestA.id)).body).toMatchObject({ type: 8, data: { choices: [{ name: expect.stringMatching(/^\d+: Quillmere Gazette$/) }] } });
    const suggestB = fake.slashCommand('feeds', typed, { guildId: guildB, userId: ADMIN_B, permissions: MANAGE_GUILD, autocomplete: true });
    expect((await callback(suggestB.id)).body).toMatchObject({ type: 8, data: { choices: [] } });
    const sources = fake.slashCommand('sources', [{ name: 'query', type: OPTION.STRING, value: 'Quillmere reservoir swimmers' }], { guildId: guildB });
    const shownToB = await finalEdit(fake, sources.token);
    expect(shownToB).not.toContain('Quillmere');
    const [statusA, statusB] = [await status(guildA), await status(guildB)];
    expect(statusB).not.toContain(site.url);
    const articles = (text: string) => Number(/Articles: (\d+)/.exec(text)?.[1]);
    expect(articles(statusA)).toBe(articles(statusB) + 2);
  });

  it('refuses a local address the operator did not admit, saying why', async () => {
    const port = new URL(site.url).port;
    const reply = await feeds('add', [{ name: 'url', type: OPTION.STRING, value: `http://127.0.0.2:${port}/site/feed.xml` }], {
      guildId: guildA,
      userId: ADMIN_A,
    });
    expect(reply).toMatch(/^Not added: .*was not fetched: it .*loopback.*must be public/s);
  });

  it('a page added for one channel answers there only; the limit per server is enforced', async () => {
    const resolved = { channels: { [OTHER_CHANNEL]: { id: OTHER_CHANNEL, type: 0, name: 'pottery', permissions: '2248473465835073' } } };
    const added = await feeds(
      'add',
      [
        { name: 'url', type: OPTION.STRING, value: `${site.url}/pages/ember.html` },
        { name: 'channel', type: CHANNEL, value: OTHER_CHANNEL },
      ],
      { guildId: guildA, userId: ADMIN_A, resolved },
      /Read:/,
    );
    expect(added).toMatch(new RegExp(`\\(page, <#${OTHER_CHANNEL}> only\\).*Read: 1 article now held`, 's'));
    expect(await ask(EMBERFIELD_QUESTION, guildA)).toMatch(NOT_COVERED);
    expect(await ask(EMBERFIELD_QUESTION, guildA, OTHER_CHANNEL)).toMatch(/twelve thousand visitors/);
    // A thread is served as its parent channel: a follow-up in the bot's thread under #news (it
    // continues the earlier Quillmere question there) cannot draw on #pottery's page.
    const inThread = fake.message(EMBERFIELD_QUESTION, { channelId: BOT_THREAD_ID, guildId: guildA, userId: MEMBER });
    expect((await messageReply(BOT_THREAD_ID, inThread.id)).body.content).not.toMatch(/Emberfield|twelve thousand|ember\.html/);
    const third = await feeds('add', [{ name: 'url', type: OPTION.STRING, value: `${site.url}/site/feed.xml` }], { guildId: guildA, userId: ADMIN_A });
    expect(third).toMatch(/Not added: this server has reached its limit of 2 sources \(MAX_SOURCES_PER_SERVER\)/);
  });

  it('a server’s /reingest re-reads its own sources and counts only what they hold', async () => {
    const { token } = fake.slashCommand('reingest', [], { guildId: guildA, userId: ADMIN_A, permissions: MANAGE_GUILD });
    const report = await finalEdit(fake, token, /Re-ingest finished/, 60_000);
    expect(report).toMatch(/Articles: 0 added, 0 updated, 3 unchanged/);
    expect(report).toContain('This server’s sources: 3 articles');
    expect(report).not.toMatch(/Store:/);
  });

  it('OPML export and import round-trip: A’s feeds become B’s, and B then answers from them', async () => {
    const exported = fake.slashCommand('feeds', [{ name: 'export', type: SUBCOMMAND, options: [] }], {
      guildId: guildA,
      userId: ADMIN_A,
      permissions: MANAGE_GUILD,
    });
    const call = await callback(exported.id);
    expect(call.body.data.content).toMatch(/1 feed as OPML\. 1 single page is not feeds/);
    const opml = call.files![0]!.content;
    expect(parseOpml(opml).feeds).toEqual([{ url: site.feedUrl, title: 'Quillmere Gazette' }]);
    const file = fake.attachment('news-sources.opml', opml);
    const imported = await feeds(
      'import',
      [{ name: 'file', type: ATTACHMENT, value: file.id }],
      { guildId: guildB, userId: ADMIN_B, resolved: file.resolved },
      /Read:/,
    );
    expect(imported).toMatch(/^Imported 1 feed into this server’s sources\.\nRead: 2 articles now held from it\./);
    expect(await ask(QUILLMERE_QUESTION, guildB)).toMatch(/first Saturday of June.*\[1\]/s);
    const again = fake.slashCommand('feeds', [{ name: 'export', type: SUBCOMMAND, options: [] }], {
      guildId: guildB,
      userId: ADMIN_B,
      permissions: MANAGE_GUILD,
    });
    expect(parseOpml((await callback(again.id)).files![0]!.content).feeds).toEqual(parseOpml(opml).feeds);
  });

  it('removing a source takes it out of that server only; when A removes it too, its answers go', async () => {
    const removedB = await feeds('remove', [{ name: 'source', type: OPTION.STRING, value: site.feedUrl }], { guildId: guildB, userId: ADMIN_B });
    expect(removedB).toMatch(/^Removed; its articles no longer answer questions in this server/);
    expect(await ask(QUILLMERE_QUESTION, guildB)).toMatch(NOT_COVERED);
    expect(await ask(QUILLMERE_QUESTION, guildA)).toMatch(/first Saturday of June/);
    const id = /`(\d+)` \*\*Quillmere Gazette\*\*/.exec(await feeds('list', [], { guildId: guildA, userId: ADMIN_A }))![1]!;
    await feeds('remove', [{ name: 'source', type: OPTION.STRING, value: id }], { guildId: guildA, userId: ADMIN_A }, /Removed/);
    expect(await ask(QUILLMERE_QUESTION, guildA)).toMatch(NOT_COVERED);
  });
});
