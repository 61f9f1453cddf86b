import type { Digest } from '../../core/digest/digest.js';
import { formatDigest, type DigestFormatOptions } from '../../core/digest/formatDigest.js';
import { isSupportedLanguage } from '../../core/text/language.js';
import { questionLanguage } from '../../core/knowledgeBase.js';
import { DISCORD_FORMAT } from '../answering.js';
import { splitMessage } from '../splitMessage.js';

/** Digests as Discord shows them: answers' formatting (article text escaped, safe links without previews) and a bold heading. */
const DISCORD_DIGEST_FORMAT: DigestFormatOptions = { ...DISCORD_FORMAT, markdown: true };

/** The digest as Discord messages of at most 2000 characters (a story's line and a source line are never cut). */
export function digestMessages(digest: Digest): string[] {
  return splitMessage(formatDigest(digest, DISCORD_DIGEST_FORMAT));
}

/**
 * The language of a digest's fixed phrases: the server's locale when the bot speaks it, else
 * the topic's language, else English (a locale is "de", "en-US", "es-419").
 */
export function digestLanguage(locale: string | null | undefined, topic: string | null): string {
  const fromLocale = locale?.slice(0, 2).toLowerCase();
  if (fromLocale && isSupportedLanguage(fromLocale)) return fromLocale;
  return topic ? questionLanguage(topic) : 'en';
}

/** The clock a digest reads: the context's (tests), else the system's. */
export function digestNow(clock: (() => Date) | undefined): Date {
  return clock ? clock() : new Date();
}
