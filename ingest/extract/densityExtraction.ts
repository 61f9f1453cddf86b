import type { parseHTML } from 'linkedom';
import { detectLanguage } from '../../src/core/text/language.js';
import { classifyBlocks, type ClassifiedBlock } from './paragraphClasses.js';
import { stopwordsOf } from './stopwordLists.js';
import { splitIntoBlocks } from './textBlocks.js';

type El = ReturnType<typeof parseHTML>['document']['documentElement'];

/** Characters of the page's longest blocks the language is detected from. */
const LANGUAGE_SAMPLE_CHARS = 3000;

/** The language of a page's prose: its longest blocks decide, the declared language fills in. */
export function proseLanguage(blocks: { text: string }[], declared: string | null): string | null {
  let sample = '';
  for (const block of [...blocks].sort((a, b) => b.text.length - a.text.length)) {
    if (sample.length >= LANGUAGE_SAMPLE_CHARS) break;
    sample += `${block.text}\n`;
  }
  const detected = detectLanguage(sample);
  return detected !== 'und' ? detected : declared;
}

export interface PageBlocks {
  /** The language of the page's prose (ISO 639-1), or null when neither text nor markup tells. */
  language: string | null;
  blocks: ClassifiedBlock[];
}

/**
 * A second extraction, independent of Readability: every text block of the page
 * classified by length, link density and stop-word density in the page's language, with
 * neighbours deciding the short ones (paragraphClasses.ts). Reads the tree, changes nothing.
 */
export function classifyPage(root: El, declaredLanguage: string | null = null): PageBlocks {
  const blocks = splitIntoBlocks(root);
  const language = proseLanguage(blocks, declaredLanguage);
  return { language, blocks: classifyBlocks(blocks, stopwordsOf(language)) };
}

export function classifyPageBlocks(root: El, declaredLanguage: string | null = null): ClassifiedBlock[] {
  return classifyPage(root, declaredLanguage).blocks;
}
