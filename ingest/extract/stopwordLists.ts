import { createRequire } from 'node:module';

/**
 * Stop-word lists of 58 languages from the maintained stopwords-iso collection (MIT), keyed
 * by ISO 639-1 code. Function words are what separates running prose from navigation,
 * labels and link lists in any language, so extraction reads them from here rather than
 * from hand-written lists.
 */
const LISTS = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
const sets = new Map<string, Set<string>>();

/** The stop words of a language (ISO 639-1, case-insensitive), or null when none are known. */
export function stopwordsOf(language: string | null | undefined): Set<string> | null {
  const code = language?.slice(0, 2).toLowerCase();
  if (!code || !Object.hasOwn(LISTS, code)) return null;
  let set = sets.get(code);
  if (!set) {
    set = new Set(LISTS[code]!.map((word) => word.toLowerCase()));
    sets.set(code, set);
  }
  return set;
}
