import { decodeText, sniffCharset, UnreadableContentError } from '../../../ingest/extract/decode.js';
import { FetchPolicy } from '../../../ingest/sources/fetchPolicy.js';
import { FetchError, fetchResource } from '../../../ingest/sources/fetchResource.js';
import type { Config } from '../../app/config.js';
import { UserFacingError } from '../../core/errors.js';

/** Where Discord serves attachments. */
const DISCORD_CDN_HOSTS = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

/**
 * Reads a file a member attached to a command. The address is Discord's, not one a member
 * chose: only Discord's CDN, or the host of the configured DISCORD_API_URL (a REST proxy, the
 * tests' fake Discord), is fetched, and that host is trusted as the operator's own.
 */
export async function readAttachment(config: Config, address: string, maxBytes: number): Promise<string> {
  const url = new URL(address);
  const apiOrigin = config.discord.apiUrl ? new URL(config.discord.apiUrl).origin : null;
  const fromApiHost = url.origin === apiOrigin;
  if (!fromApiHost && !(url.protocol === 'https:' && DISCORD_CDN_HOSTS.has(url.hostname))) {
    throw new UserFacingError('bad_address', 'That attachment is not stored by Discord, so I did not read it.');
  }
  const policy = new FetchPolicy({ operatorUrls: fromApiHost ? [address] : [] });
  try {
    const resource = await fetchResource(address, { timeoutMs: config.fetchTimeoutMs, maxBytes, userAgent: config.userAgent, policy });
    return decodeText(resource.bytes, sniffCharset(resource.contentType, resource.bytes)).text;
  } catch (error) {
    if (error instanceof FetchError || error instanceof UnreadableContentError)
      throw new UserFacingError('bad_address', `The attached file could not be read from Discord (${error.message}).`);
    throw error;
  }
}
