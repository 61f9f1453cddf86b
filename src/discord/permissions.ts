import { PermissionFlagsBits, type ChatInputCommandInteraction, type PermissionsBitField } from 'discord.js';
import type { Config } from '../app/config.js';

/**
 * Server-side check for /feeds and a server's /reingest: a member with Manage Server in the
 * server the interaction comes from. Discord's default_member_permissions only hides a
 * command; a server can override it, so the member's permissions are checked again here.
 */
export function canManageDesk(interaction: { inGuild(): boolean; memberPermissions: Readonly<PermissionsBitField> | null }): boolean {
  return interaction.inGuild() && Boolean(interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild));
}

/** The operator's global sources are re-ingested only by the bot's owners (ADMIN_USER_IDS), wherever they ask. */
export function isBotAdmin(interaction: Pick<ChatInputCommandInteraction, 'user'>, config: Config): boolean {
  return config.discord.adminUserIds.includes(interaction.user.id);
}
