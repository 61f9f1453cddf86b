/** Where a question is asked: a server and the channel whose desk sources serve it (a thread's parent), or a DM. */
export interface Place {
  /** Null in direct messages. */
  guildId: string | null;
  channelId: string | null;
}

/** The channel-like things discord.js gives interactions and messages. */
interface ChannelLike {
  isThread(): boolean;
  parentId?: string | null;
}

/**
 * A thread is served by the sources of the channel it was started in: a follow-up asked in an
 * answer's thread must see what the question in the channel saw.
 */
export function placeOf(guildId: string | null, channelId: string | null, channel: ChannelLike | null | undefined): Place {
  if (!guildId) return { guildId: null, channelId: null };
  const parent = channel?.isThread() ? (channel.parentId ?? null) : null;
  return { guildId, channelId: parent ?? channelId };
}
