import { indexTerms } from '../../src/core/text/terms.js';
import { foldText, wordTokens } from '../../src/core/text/normalize.js';
import { LEAD_WORDS } from './storyParameters.js';

/**
 * The distinctive terms an article's event is recognised by, from its headline and lead (the
 * first LEAD_WORDS words of its body: news puts who, what, where and when first; later
 * paragraphs hold background that follow-ups repeat). Three kinds, prefixed so they never meet:
 *
 * - `n:` proper names: words written with a capital inside a sentence (and the same words at a
 *   sentence's start). Names are spelled alike across languages ("Halvik", "Kerrow"), so they
 *   carry an event from one language to another without a model.
 * - `#:` numbers, thousands separators removed and decimal commas made points ("1,800",
 *   "1.800" -> 1800; "2,5" -> 2.5): counts, percentages and sums cross languages too.
 * - `w:` the other words, stemmed in the article's language with stopwords dropped (one
 *   language's reports of an event share them).
 */
export function eventTerms(title: string, body: string, language: string): string[] {
  const lead = leadOf(body);
  const text = `${title}.\n${lead}`;
  const terms = new Set<string>();
  for (const number of numbersIn(text)) terms.add(`#:${number}`);
  const names = namesIn(title, lead);
  for (const name of names) terms.add(`n:${name}`);
  // A name is counted once, as a name: its stem is left out of the words.
  const other = wordTokens(text.replace(NUMBER, ' ')).filter((w) => !names.has(foldText(w)));
  for (const word of indexTerms(other.join(' '), language)) terms.add(`w:${word}`);
  return [...terms];
}

/** The first LEAD_WORDS words of a body. */
export function leadOf(body: string): string {
  const words = body.split(/\s+/).filter(Boolean);
  return words.slice(0, LEAD_WORDS).join(' ');
}

const NUMBER = /\p{N}+(?:[.,\u00a0\u202f']\p{N}+)*/gu;

/** Numbers as values: groups of three after a separator are thousands, a final short group after a comma or point decimals. */
function numbersIn(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((raw) => {
    const groups = raw.split(/[.,\u00a0\u202f']/);
    if (groups.length > 1 && groups.slice(1).every((g) => g.length === 3)) return groups.join('');
    if (groups.length === 2) return `${groups[0]}.${groups[1]}`;
    return groups.join('');
  });
}

const WORD = /[\p{L}][\p{L}\p{M}\p{N}'’-]*/gu;

/**
 * Folded proper names of headline and lead: capitalised words that do not open a sentence. A
 * headline in title case (every word of four letters or more capitalised: "Dock Workers Walk
 * Out Over Pay") says nothing by its capitals: its words count as names only when the lead
 * writes them so too.
 */
function namesIn(title: string, lead: string): Set<string> {
  const names = capitalisedInside(lead);
  const inTitle = capitalisedInside(title);
  const words = (title.match(WORD) ?? []).filter((w) => w.length >= 4);
  const titleCase = words.length >= 3 && words.every((w) => /^\p{Lu}/u.test(w));
  for (const name of inTitle) if (!titleCase || names.has(name)) names.add(name);
  return names;
}

/** Folded capitalised words (two letters or more) not opening a sentence. */
function capitalisedInside(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || !/^\p{Lu}/u.test(word)) continue;
    const before = text.slice(0, match.index).trimEnd();
    if (before === '' || /[.!?:;"«»„“”]$/.test(before)) continue;
    names.add(foldText(word));
  }
  return names;
}

/**
 * The names of a headline, as the article's terms hold them (so a title-case headline counts
 * only the words its lead writes as names too): whom or what the report is about.
 */
export function headlineNames(title: string, terms: ReadonlySet<string>): string[] {
  return [...new Set((title.match(WORD) ?? []).map((w) => `n:${foldText(w)}`))].filter((name) => terms.has(name));
}

/**
 * Whether two reports are about the same subject: when both headlines name someone or
 * something, one of those names is in the other article. Reports of one kind of happening on
 * one day (two refiners cutting prices, two stake filings) share the wording and the
 * institutions named in passing, not the subject their headlines name.
 */
export function sameSubject(titleA: string, termsA: ReadonlySet<string>, titleB: string, termsB: ReadonlySet<string>): boolean {
  const namesA = headlineNames(titleA, termsA);
  const namesB = headlineNames(titleB, termsB);
  if (namesA.length === 0 || namesB.length === 0) return true;
  return namesA.some((name) => termsB.has(name)) || namesB.some((name) => termsA.has(name));
}
