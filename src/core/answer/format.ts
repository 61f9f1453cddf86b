import { phrasesFor } from './phrases.js';
import type { Answer, Citation } from './types.js';

function displayDate(published: string | undefined, unknown: string): string {
  return published ? published.slice(0, 10) : unknown;
}

/** "Outlet, 2017-07-05, en, reader comment": what a reader needs to judge a source. */
export function sourceDetails(
  source: { outlet?: string | null; published?: string | null; language: string; section: Citation['section']; summaryOnly?: boolean },
  language: string,
): string {
  const phrases = phrasesFor(language);
  return [
    source.outlet,
    displayDate(source.published ?? undefined, phrases.dateUnknown),
    source.language,
    source.section === 'comment' ? phrases.readerCommentLabel : null,
    source.summaryOnly ? phrases.summaryOnlyLabel : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** A source's link: its URL (wrapped in <...> for Discord: no previews), else its file name. */
export function sourceLink(source: { url?: string | null; source: string }, options: { wrapLinks: boolean }): string {
  return source.url ? (options.wrapLinks ? `<${source.url}>` : source.url) : source.source;
}

/** Other outlets named in a source line before the rest is counted ("A, B, +97"). */
const NAMED_OTHER_OUTLETS = 2;

/** "also in 99 other articles: Outlet A, Outlet B, +97" for a story told by several articles; null for one. */
export function storyNote(c: Pick<Citation, 'outlet' | 'story'>, language: string): string | null {
  const others = (c.story?.articles ?? 1) - 1;
  if (others < 1) return null;
  const named = c.story.outlets.filter((o) => o !== c.outlet).slice(0, Math.min(NAMED_OTHER_OUTLETS, others));
  const rest = others - named.length;
  return phrasesFor(language).alsoIn(others, [...named, ...(rest > 0 && named.length > 0 ? [`+${rest}`] : [])].join(', '));
}

/** One source line: "[n] Title — Outlet, 2017-07-05, en, reader comment — <link>" (— also in N other articles: ...). */
export function formatSourceLine(c: Citation, language: string, options: { wrapLinks: boolean }): string {
  const note = storyNote(c, language);
  return `[${c.n}] ${c.title} — ${sourceDetails(c, language)} — ${sourceLink(c, options)}${note ? ` — ${note}` : ''}`;
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
