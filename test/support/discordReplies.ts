import { APP_ID, CHANNEL_ID, type FakeDiscord, type RestCall } from './fakeDiscord.js';

/** Slash-command option types, as Discord numbers them. */
export const OPTION = { STRING: 3, BOOLEAN: 5 } as const;

/** The edits of an interaction's reply (deferred reply, progress, drafts, final answer), oldest first. */
export function replyEdits(fake: FakeDiscord, token: string): RestCall[] {
  return fake.find('PATCH', new RegExp(`^/webhooks/${APP_ID}/${token}/messages/@original$`));
}

/** The texts of those edits. */
export function replyEditTexts(fake: FakeDiscord, token: string): string[] {
  return replyEdits(fake, token).map((c) => c.body.content as string);
}

/** Messages the bot posted in a channel (answers to mentions, follow-ups). */
export function channelPosts(fake: FakeDiscord, channelId: string = CHANNEL_ID): RestCall[] {
  return fake.find('POST', new RegExp(`^/channels/${channelId}/messages$`));
}

/** Waits until the latest edit of an interaction's reply matches `pattern`, and returns its text. */
export function finalEdit(fake: FakeDiscord, token: string, pattern: RegExp = /\S/, timeoutMs = 20_000): Promise<string> {
  return fake.waitFor(
    () => {
      const content = replyEdits(fake, token).at(-1)?.body?.content as string | undefined;
      return content && pattern.test(content) ? content : undefined;
    },
    timeoutMs,
    `final reply for ${token}`,
  );
}
