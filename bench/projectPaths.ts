import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The project root (the folder with package.json), whether this runs from the sources or from dist/. */
export function projectRoot(from = import.meta.dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** A sibling script of the running one: .ts under tsx, .js when compiled, with the node arguments to run it. */
export function siblingScript(dir: string, name: string): { args: string[] } {
  const typescript = import.meta.url.endsWith('.ts');
  return { args: typescript ? ['--import', 'tsx', join(dir, `${name}.ts`)] : [join(dir, `${name}.js`)] };
}
