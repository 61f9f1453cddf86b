import type { parseHTML } from 'linkedom';
import { textSize } from './textSize.js';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = Doc['documentElement'];

/**
 * Posts an article quotes (a minister's tweet, a reader's Instagram caption) are embedded as a
 * `<blockquote>` inside wrappers that platforms and CMSs name "social-media-embed",
 * "embed--twitter" and the like; those names read as sharing widgets to Readability and to the
 * furniture filter, which then drop the quote with its wrapper. A wrapper that holds nothing
 * but the quote is the quote: it is replaced by the quote itself, so the quote stands where the
 * article put it and is judged as text.
 */
const MAX_UNWRAPPED_LEVELS = 4;

export function unwrapEmbeddedQuotes(document: Doc): void {
  for (const quote of [...document.querySelectorAll('blockquote')] as El[]) {
    const size = textSize(quote);
    if (size === 0) continue;
    let wrapper = quote.parentElement as El | null;
    let outermost: El | null = null;
    let named = false;
    for (let level = 0; wrapper && level < MAX_UNWRAPPED_LEVELS; level++) {
      if (wrapper.tagName === 'BODY' || wrapper.tagName === 'ARTICLE' || wrapper.tagName === 'MAIN' || textSize(wrapper) !== size) break;
      named ||= wrapper.hasAttribute('class') || wrapper.hasAttribute('id');
      outermost = wrapper;
      wrapper = wrapper.parentElement as El | null;
    }
    // Only names mislead the filters: an unnamed wrapper is left as the page built it.
    if (outermost && named) outermost.replaceWith(quote);
  }
}
