import type { TextBlock } from './textBlocks.js';
import { wordsOf } from './words.js';

/**
 * Paragraph classification after jusText (Pomikálek, "Removing boilerplate and duplicate
 * content from web corpora", 2011): every text block of a page is judged on its own by
 * length, link density and stop-word density, then short and borderline blocks take the
 * class of their neighbours, so a one-line paragraph between two good ones stays and the
 * same line amid menus goes. Lengths are in words (see words.ts), never in characters or
 * spaces, so Chinese and Japanese blocks measure like any other.
 */
export type ContextFreeClass = 'good' | 'neargood' | 'short' | 'bad';

export interface ClassifiedBlock extends TextBlock {
  words: number;
  heading: boolean;
  /** The class from the block's own features. */
  contextFree: ContextFreeClass;
  /** The class after looking at the neighbours. */
  good: boolean;
}

// jusText's defaults are in characters (70, 200, heading distance 200); the benchmark's
// article text has 6.0 characters per word (space included), hence these word counts.
const LENGTH_LOW = 12;
const LENGTH_HIGH = 33;
const MAX_HEADING_DISTANCE = 33;
/** jusText's maximum link density of a good paragraph. */
const MAX_LINK_DENSITY = 0.2;
/**
 * jusText's stop-word thresholds (0.30 and 0.32) are absolute for its own lists, whose
 * prose density is about 0.43. List sizes differ a lot between languages (stopwords-iso
 * has 1,298 English words, 35 Estonian ones), so the thresholds are taken relative to the
 * density of the page's own prose-like blocks. jusText's ratios (0.70, 0.75) assume a
 * fixed list; one page's prose varies more than that (a Chinese news paragraph of this
 * project's test fixtures sits at 0.6 of its page's level), so a block needs half the
 * page's level to be near-good and 0.6 of it to be good.
 */
const STOPWORDS_LOW_RATIO = 0.5;
const STOPWORDS_HIGH_RATIO = 0.6;

interface Features {
  block: TextBlock;
  words: string[];
  linkDensity: number;
  heading: boolean;
}

function featuresOf(block: TextBlock): Features {
  return {
    block,
    words: wordsOf(block.text),
    linkDensity: block.linkChars / Math.max(1, block.text.length),
    heading: block.element.closest?.('h1, h2, h3, h4, h5, h6') != null,
  };
}

function stopwordShare(words: string[], stopwords: Set<string>): number {
  if (words.length === 0) return 0;
  let hits = 0;
  for (const word of words) if (stopwords.has(word)) hits++;
  return hits / words.length;
}

/** The stop-word density of the page's prose-like blocks, or null when there is too little prose to tell. */
function proseStopwordLevel(features: Features[], stopwords: Set<string>): number | null {
  const prose = features.filter((f) => f.words.length >= LENGTH_LOW && f.linkDensity <= MAX_LINK_DENSITY);
  const words = prose.flatMap((f) => f.words);
  return words.length >= LENGTH_HIGH ? stopwordShare(words, stopwords) : null;
}

function contextFreeClass(f: Features, stopwords: Set<string> | null, level: number | null): ContextFreeClass {
  if (f.linkDensity > MAX_LINK_DENSITY) return 'bad';
  if (f.block.text.includes('©')) return 'bad';
  if (f.words.length < LENGTH_LOW) return f.block.linkChars > 0 ? 'bad' : 'short';
  // Without a stop-word list for the language (or enough prose to calibrate on), length decides.
  const share = stopwords && level !== null ? stopwordShare(f.words, stopwords) : Infinity;
  const high = level === null ? 0 : level * STOPWORDS_HIGH_RATIO;
  const low = level === null ? 0 : level * STOPWORDS_LOW_RATIO;
  if (share >= high) return f.words.length >= LENGTH_HIGH ? 'good' : 'neargood';
  return share >= low ? 'neargood' : 'bad';
}

/** Classifies a page's blocks (in document order) with the stop words of the page's language, if known. */
export function classifyBlocks(blocks: TextBlock[], stopwords: Set<string> | null): ClassifiedBlock[] {
  const features = blocks.map(featuresOf);
  const level = stopwords ? proseStopwordLevel(features, stopwords) : null;
  const classes = promoteBestWhenNoneGood(features.map((f) => contextFreeClass(f, stopwords, level)));
  const revised = reviseWithContext(
    classes,
    features.map((f) => f.words.length),
    features.map((f) => f.heading),
  );
  return features.map((f, i) => ({ ...f.block, words: f.words.length, heading: f.heading, contextFree: classes[i]!, good: revised[i] === 'good' }));
}

/**
 * A page of short paragraphs (a news brief, a blog post written line by line, Chinese or
 * Japanese text measured in words) may have no block long enough to be good, and jusText
 * would then keep nothing: near-good blocks only survive next to good ones. When no block
 * is good, the near-good ones are the page's best prose and count as good.
 */
function promoteBestWhenNoneGood(classes: ContextFreeClass[]): ContextFreeClass[] {
  if (classes.includes('good')) return classes;
  return classes.map((c) => (c === 'neargood' ? 'good' : c));
}

/** The nearest class before (step -1) or after (step 1) `i` that is not short (nor near-good, if asked); bad at the page's edges. */
function neighbour(classes: ContextFreeClass[], i: number, step: 1 | -1, skipNeargood: boolean): ContextFreeClass {
  for (let j = i + step; j >= 0 && j < classes.length; j += step) {
    const c = classes[j]!;
    if (c === 'short' || (skipNeargood && c === 'neargood')) continue;
    return c;
  }
  return 'bad';
}

/** A short heading followed, within the distance, by a good block. */
function headsGoodText(classes: ContextFreeClass[], words: number[], i: number): boolean {
  let distance = 0;
  for (let j = i + 1; j < classes.length && distance <= MAX_HEADING_DISTANCE; j++) {
    if (classes[j] === 'good') return true;
    distance += words[j]!;
  }
  return false;
}

/** jusText's context-sensitive pass: short and near-good blocks decided by their neighbours. */
function reviseWithContext(contextFree: ContextFreeClass[], words: number[], headings: boolean[]): ContextFreeClass[] {
  const classes = contextFree.map((c, i) => (c === 'short' && headings[i] && headsGoodText(contextFree, words, i) ? 'neargood' : c));
  const revised = [...classes];
  for (let i = 0; i < classes.length; i++) {
    if (classes[i] !== 'short' && classes[i] !== 'neargood') continue;
    const before = neighbour(classes, i, -1, true);
    const after = neighbour(classes, i, 1, true);
    if (classes[i] === 'neargood') {
      revised[i] = before === 'bad' && after === 'bad' ? 'bad' : 'good';
    } else if (before === after) {
      revised[i] = before;
    } else {
      // Between good and bad text: kept when a near-good block stands on the bad side.
      const nearGoodOnBadSide =
        (before === 'bad' && neighbour(classes, i, -1, false) === 'neargood') || (after === 'bad' && neighbour(classes, i, 1, false) === 'neargood');
      revised[i] = nearGoodOnBadSide ? 'good' : 'bad';
    }
  }
  // Headings the first pass did not promote, directly above good text, are kept as well.
  for (let i = 0; i < revised.length; i++) {
    if (headings[i] && revised[i] === 'bad' && contextFree[i] !== 'bad' && headsGoodText(revised, words, i)) revised[i] = 'good';
  }
  return revised;
}
