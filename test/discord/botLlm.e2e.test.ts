import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLlmBot, type LlmBot } from '../support/botFixture.js';
import { channelPosts, OPTION, replyEdits, replyEditTexts } from '../support/discordReplies.js';
import { suiteTempDir } from '../support/tempDir.js';

const RHINE_Q = 'How far did the water level at the Kaub gauge on the Rhine fall?';

let llm: LlmBot;
let discord: LlmBot['discord'];
let openai: LlmBot['openai'];
let bot: LlmBot['bot'];
let docs: string;

const edits = (token: string) => replyEditTexts(discord, token);

beforeAll(async () => {
  llm = await startLlmBot({
    root: suiteTempDir('bot-llm-'),
    env: {
      DISCORD_TOKEN: 'llm-bot-token',
      LLM_MODEL: 'faithful-slow',
      // Long enough for faithful-slow to finish (drafts show only checked sentences, so the answer must complete).
      LLM_TIMEOUT_MS: '6000',
      INGEST_INTERVAL_MINUTES: '0.05', // every 3 s, to see the schedule work
    },
  });
  ({ discord, openai, bot, docs } = llm);
}, 120_000);

afterAll(async () => {
  await llm?.stop();
});

describe('Discord with LLM answers (fake OpenAI-compatible server)', () => {
  it('re-ingests the configured sources on the INGEST_INTERVAL_MINUTES schedule', async () => {
    writeFileSync(
      join(docs, 'zoo.txt'),
      'Zoo welcomes twin pandas\n\nThe Marwick zoo welcomed twin panda cubs named Lumi and Tao on Friday, its director said.\n',
    );
    const before = bot.logs().filter((l) => l.msg === 'scheduled re-ingest finished').length;
    const deadline = Date.now() + 20_000;
    while (bot.logs().filter((l) => l.msg === 'scheduled re-ingest finished' && Number(l.added) >= 1).length === 0) {
      if (Date.now() > deadline) throw new Error(`no scheduled re-ingest picked up the new article (${before} runs before); logs:\n${bot.stdout}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it('streams the answer into the deferred reply, throttled, then replaces it with the checked answer', async () => {
    openai.scriptOverride = 'faithful-slow';
    const { token } = discord.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: RHINE_Q }]);
    const final = await discord.waitFor(() => edits(token).find((c) => c.includes('Sources:')), 20_000, 'final answer');
    const all = edits(token);
    const drafts = all.filter((c) => c.endsWith('▌'));
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(all.at(-1)).toBe(final);
    expect(final).toMatch(/38 centimetres.*\[1\]/s);
    expect(final).not.toContain('▌');
    // Throttled: consecutive draft edits at least ~1.5 s apart.
    const times = replyEdits(discord, token).map((c) => c.at);
    for (let i = 1; i < times.length - 1; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1400);
    // The 👍/👎 row comes with the final answer only, never with a draft.
    const rows = replyEdits(discord, token).map((c) => (c.body.components ?? []).length);
    expect(rows.at(-1)).toBe(1);
    expect(rows.slice(0, -1).every((n) => n === 0)).toBe(true);
  });

  it('falls back to the extractive answer with a note when the model times out; the reply is never left hanging', async () => {
    openai.scriptOverride = 'slow';
    const { token } = discord.slashCommand('ask', [{ name: 'question', type: OPTION.STRING, value: RHINE_Q }], { userId: '500000000000000099' });
    const final = await discord.waitFor(() => edits(token).find((c) => c.includes('Sources:')), 20_000, 'fallback answer');
    expect(final).toMatch(/^_The language model was unavailable \\?\(timed out after 6 s\)/);
    expect(final).toContain('38 centimetres');
  });

  it('rewrites a follow-up into a standalone question with the model before retrieval', async () => {
    openai.scriptOverride = 'faithful';
    const question = discord.message(RHINE_Q, { mentionBot: true, userId: '500000000000000098' });
    const answer = await discord.waitFor(() => channelPosts(discord).find((c) => c.body.message_reference?.message_id === question.id));
    const followUp = discord.message('and what about freight rates?', { replyTo: answer.responseId, userId: '500000000000000098' });
    const reply = await discord.waitFor(() => channelPosts(discord).find((c) => c.body.message_reference?.message_id === followUp.id));
    const rewrite = openai.requests.find((r) => r.messages[0]!.content.startsWith('Rewrite'));
    expect(rewrite?.messages[1]?.content).toContain('Follow-up: and what about freight rates?');
    expect(reply.body.content).toContain('[1]');
    // A follow-up's answer carries the 👍/👎 row too, recorded as an LLM answer.
    expect(reply.body.components[0].components.map((b: { custom_id: string }) => b.custom_id)).toEqual([
      expect.stringMatching(/^feedback:up:\d+$/),
      expect.stringMatching(/^feedback:down:\d+$/),
    ]);
  });
});
