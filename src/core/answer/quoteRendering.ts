import { detectLanguage } from '../text/language.js';
import { CitationRegistry } from './citations.js';
import type { phrasesFor } from './phrases.js';
import type { Candidate } from './sentenceScoring.js';
import type { Answer } from './types.js';

/**
 * " (German)" after a quote in another language than the question, named in the question's
 * language (Intl.DisplayNames: " (tedesco)" for an Italian question); nothing otherwise.
 */
function crossLanguageLabel(questionLanguage: string): (quoteLanguage: string) => string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([questionLanguage, 'en'], { type: 'language' });
  } catch {
    names = null;
  }
  return (quoteLanguage) => {
    if (!names || quoteLanguage === 'und' || questionLanguage === 'und' || quoteLanguage === questionLanguage) return '';
    const name = names.of(quoteLanguage);
    return name && name !== quoteLanguage ? ` (${name})` : '';
  };
}

/** The language of a quote: its own when clear (an English quotation inside a German article), else its article's. */
function quoteLanguage(sentence: string, articleLanguage: string): string {
  const own = detectLanguage(sentence);
  return own === 'und' ? articleLanguage : own;
}

/** The chosen sentences with their [n] markers, and the numbered citations. */
export function renderQuotes(chosen: Candidate[], questionLanguage: string, phrases: ReturnType<typeof phrasesFor>): Pick<Answer, 'answer' | 'citations'> {
  const label = crossLanguageLabel(questionLanguage);
  const registry = new CitationRegistry();
  const parts = chosen.map((c) => {
    const n = registry.cite(c.passage, c.sentence);
    // A quote's own bracketed numbers (an article's footnotes) would read as this answer's markers.
    const quote = c.sentence.replace(/\[(\d{1,3})\]/g, '($1)');
    const text = c.display ?? (c.passage.section === 'comment' ? phrases.readerComment(quote) : quote);
    return `${text}${label(quoteLanguage(c.sentence, c.passage.document.language))} [${n}]`;
  });
  return { answer: parts.join(' '), citations: registry.list() };
}
