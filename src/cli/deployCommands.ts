import { REST, Routes } from 'discord.js';
import { loadConfig } from '../app/config.js';
import { loadCommands } from '../discord/commandLoader.js';
import { runMain } from './runMain.js';
import { UserFacingError } from '../core/errors.js';

/** `npm run deploy-commands`: registers the slash commands globally, or to DISCORD_GUILD_ID. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { token, clientId, guildId, apiUrl } = config.discord;
  if (!token || !clientId) throw new UserFacingError('bad_config', 'DISCORD_TOKEN and DISCORD_CLIENT_ID must be set (see .env.example).');
  const commands = [...(await loadCommands()).values()].map((c) => c.data.toJSON());
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId ? Routes.applicationGuildCommands(clientId, guildId) : Routes.applicationCommands(clientId);
  await rest.put(route, { body: commands });
  console.log(`Registered ${commands.length} commands (${commands.map((c) => `/${c.name}`).join(', ')}) ${guildId ? `to server ${guildId}` : 'globally'}.`);
}

runMain('deploy-commands failed', main);
