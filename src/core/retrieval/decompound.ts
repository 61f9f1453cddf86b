import { stemsInAllLanguages } from '../text/stemming.js';
import type { QueryTerm } from '../text/terms.js';

const MIN_COMPOUND = 8;
const MIN_PART = 4;

/**
 * Splits compound words of a question ("Solarpark", "Schülerticket") into two parts that
 * both occur in the index, and adds the parts as alternative forms. German and Italian
 * writers glue words that English writes apart, and the reverse; checking the index's own
 * vocabulary keeps the split honest without a dictionary.
 */
export function splitCompounds(terms: QueryTerm[], hasTerm: (term: string) => boolean): QueryTerm[] {
  return terms.map((term) => {
    const word = term.surface;
    if (word.length < MIN_COMPOUND || /\d/.test(word)) return term;
    for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i).replace(/^s(?=\w{4})/, ''); // German linking "s" (Arbeitsmarkt)
      const heads = stemsInAllLanguages(head).filter(hasTerm);
      const tails = stemsInAllLanguages(tail).filter(hasTerm);
      if (heads.length > 0 && tails.length > 0) {
        return { ...term, variants: [...new Set([...term.variants, ...heads, ...tails])] };
      }
    }
    return term;
  });
}
