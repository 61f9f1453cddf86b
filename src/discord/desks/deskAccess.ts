import type { ChatInputCommandInteraction } from 'discord.js';
import { UserFacingError } from '../../core/errors.js';
import { canManageDesk } from '../permissions.js';

/**
 * The server whose desk a /feeds command manages, once the member is checked here (Discord's
 * default_member_permissions only hides the command, and a server can change it). Refusals
 * say why: a DM has no server, and only Manage Server manages a server's sources.
 */
export function deskOf(interaction: ChatInputCommandInteraction): string {
  if (!interaction.inGuild()) {
    throw new UserFacingError(
      'not_allowed',
      'News sources belong to a server: use /feeds in the server whose sources you manage. Here in DMs I answer from the bot’s general sources.',
    );
  }
  if (!canManageDesk(interaction)) {
    throw new UserFacingError('not_allowed', 'Sorry, only members with the Manage Server permission can manage this server’s news sources.');
  }
  return interaction.guildId;
}
