import { phrasesFor } from './phrases.js';
import type { Answer, Citation } from './types.js';

function displayDate(published: string | undefined, unknown: string): string {
  return published ? published.slice(0, 10) : unknown;
}

/** One source line: "[n] Title — Outlet, 2017-07-05, en, reader comment — <link>". */
export function formatSourceLine(c: Citation, language: string, options: { wrapLinks: boolean }): string {
  const phrases = phrasesFor(language);
  const link = c.url ? (options.wrapLinks ? `<${c.url}>` : c.url) : c.source;
  const details = [c.outlet, displayDate(c.published, phrases.dateUnknown), c.language, c.section === 'comment' ? phrases.readerCommentLabel : null]
    .filter(Boolean)
    .join(', ');
  return `[${c.n}] ${c.title} — ${details} — ${link}`;
}

/** The answer as people read it: text with markers, then the numbered sources. */
export function formatAnswer(answer: Answer, options: { wrapLinks?: boolean } = {}): string {
  // Notes (an LLM fallback) come first, short and in italics, so nobody mistakes quotes for prose.
  const notes = answer.notes ?? [];
  const head = notes.length ? `${notes.map((n) => `_${n}_`).join('\n')}\n\n` : '';
  if (answer.citations.length === 0) return `${head}${answer.answer}`;
  const phrases = phrasesFor(answer.language);
  const lines = answer.citations.map((c) => formatSourceLine(c, answer.language, { wrapLinks: options.wrapLinks ?? false }));
  return `${head}${answer.answer}\n\n${phrases.sourcesHeading}:\n${lines.join('\n')}`;
}
