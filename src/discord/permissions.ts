import { PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Config } from '../app/config.js';

/**
 * Server-side check for /reingest. Discord's default_member_permissions only hides the
 * command; a server can override it, so the invoking member's permissions are checked
 * again here. ADMIN_USER_IDS also works in DMs, where there are no server permissions.
 */
export function canReingest(interaction: Pick<ChatInputCommandInteraction, 'user' | 'inGuild' | 'memberPermissions'>, config: Config): boolean {
  if (config.discord.adminUserIds.includes(interaction.user.id)) return true;
  return interaction.inGuild() && Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild));
}
