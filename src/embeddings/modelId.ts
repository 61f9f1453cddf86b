import { existsSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';

/** Whether a model string names a folder on disk rather than a hub id. */
export function isLocalModelFolder(model: string): boolean {
  return (isAbsolute(model) || model.startsWith('.')) && existsSync(join(resolve(model), 'config.json'));
}

/** The id recorded with the vectors: the hub id, or "local:<folder name>" for a model folder. */
export function modelIdOf(model: string): string {
  return isLocalModelFolder(model) ? `local:${basename(resolve(model))}` : model;
}
