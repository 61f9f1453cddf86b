import { stemsInAllLanguages } from '../text/stemming.js';
import type { QueryTerm } from '../text/terms.js';

const MIN_COMPOUND = 8;
const MIN_PART = 4;

/** Every way to cut a long word into a head and a tail of at least MIN_PART letters, as stems. */
function compoundCuts(word: string): Array<{ heads: string[]; tails: string[] }> {
  if (word.length < MIN_COMPOUND || /\d/.test(word)) return [];
  const cuts: Array<{ heads: string[]; tails: string[] }> = [];
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const tail = word.slice(i).replace(/^s(?=\w{4})/, ''); // German linking "s" (Arbeitsmarkt)
    cuts.push({ heads: stemsInAllLanguages(word.slice(0, i)), tails: stemsInAllLanguages(tail) });
  }
  return cuts;
}

/**
 * Splits compound words of a question ("Solarpark", "Schülerticket") into two parts that
 * both occur in the index, and adds the parts as alternative forms. German and Italian
 * writers glue words that English writes apart, and the reverse; checking the index's own
 * vocabulary keeps the split honest without a dictionary.
 */
export async function splitCompounds(terms: QueryTerm[], knownTerms: (candidates: string[]) => Promise<Set<string>>): Promise<QueryTerm[]> {
  const cutsPerTerm = terms.map((term) => compoundCuts(term.surface));
  // One vocabulary lookup for every candidate part of every word (one round trip on a server).
  const candidates = new Set(cutsPerTerm.flat().flatMap((cut) => [...cut.heads, ...cut.tails]));
  const known = candidates.size > 0 ? await knownTerms([...candidates]) : new Set<string>();
  return terms.map((term, index) => {
    for (const cut of cutsPerTerm[index]!) {
      const heads = cut.heads.filter((h) => known.has(h));
      const tails = cut.tails.filter((t) => known.has(t));
      if (heads.length > 0 && tails.length > 0) {
        return { ...term, variants: [...new Set([...term.variants, ...heads, ...tails])] };
      }
    }
    return term;
  });
}
