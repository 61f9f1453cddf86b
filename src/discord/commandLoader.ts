import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isCommand, type Command } from './command.js';

export const COMMANDS_DIR = resolve(import.meta.dirname, '../../commands');

/** Loads every module in commands/ and checks its shape; the bot and deploy-commands share it. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, Command>> {
  const commands = new Map<string, Command>();
  for (const file of readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    if (!isCommand(module.default)) throw new Error(`commands/${file} must export default { data, execute } (see src/discord/command.ts)`);
    if (commands.has(module.default.data.name)) throw new Error(`commands/${file}: duplicate command name /${module.default.data.name}`);
    commands.set(module.default.data.name, module.default);
  }
  return commands;
}
