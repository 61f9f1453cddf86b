import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eld } from 'eld';

/** What the rest of the code needs from eld. */
export interface LanguageDetector {
  detect(text: string): { language: string; isReliable(): boolean };
}

/** Where the n-gram tables came from: the JSON copy written at build, or eld's own module. */
export type TablesSource = 'json' | 'module';

// eld (Efficient Language Detector, Apache-2.0): n-gram detector for 60 languages that is
// accurate on sentence-length text, questions included, and needs no model download.
// Measured on the 6,831 squad-it-dev questions: "extrasmall" 99.8% Italian, "small" 99.7%;
// tinyld 96.0%, franc-min misses short questions.
const TABLES = 'extrasmall';

/**
 * The JSON copy of eld's tables that `npm run build` writes (scripts/write-language-tables.mjs),
 * looked for beside compiled code (dist/src/core/text -> dist/) and from the sources.
 */
function tablesFile(): string | null {
  for (const relative of [`../../../language-tables/eld-${TABLES}.json`, `../../../dist/language-tables/eld-${TABLES}.json`]) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * eld with its n-gram tables loaded. eld ships the tables as one large JavaScript object
 * literal, and compiling it leaves a process about 80 MB larger for good; parsing the same
 * data as JSON costs about 27 MB, which decides whether `npm run ask` fits in 120 MB. eld's
 * public API only loads its own module, so the JSON goes in through the instance factory of
 * eld's detector module (the one its own entry files use). Should that file or the JSON be
 * missing or unreadable (another eld version, sources run without a build), eld loads its
 * module the documented way: same detections, more memory.
 */
export async function loadLanguageDetector(path: string | null = tablesFile()): Promise<{ detector: LanguageDetector; source: TablesSource }> {
  const resolve = (import.meta as ImportMeta & { resolve?: (specifier: string) => string }).resolve;
  if (path && resolve) {
    try {
      const factory = (await import(new URL('../languageDetector.js', resolve('eld')).href)) as {
        createEld?: () => { instance: LanguageDetector; loadData(data: unknown): string };
      };
      const created = factory.createEld?.();
      if (created?.loadData(JSON.parse(readFileSync(path, 'utf8')))) return { detector: created.instance, source: 'json' };
    } catch {
      // fall through to eld's documented loader
    }
  }
  await (eld as typeof eld & { load(size: string): Promise<boolean> }).load(TABLES);
  return { detector: eld, source: 'module' };
}
