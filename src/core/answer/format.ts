import { phrasesFor } from './phrases.js';
import type { Answer, Citation } from './types.js';

/**
 * How a chat client needs an answer: links wrapped in <...> (no previews), and text that comes
 * from articles (quotes, titles, outlets, file names, notes) passed through `escapeText`,
 * links through `safeLink` (null: shown as escaped text). The CLI passes none of them.
 */
export interface FormatOptions {
  wrapLinks?: boolean;
  escapeText?: (text: string) => string;
  /** The same for an answer's own text, whose `[n]` markers are the bot's (defaults to escapeText). */
  escapeAnswerText?: (text: string) => string;
  safeLink?: (url: string) => string | null;
}

const asIs = (text: string) => text;

function displayDate(published: string | undefined, unknown: string): string {
  return published ? published.slice(0, 10) : unknown;
}

/** "Outlet, 2017-07-05, en, reader comment": what a reader needs to judge a source. */
export function sourceDetails(
  source: { outlet?: string | null; published?: string | null; language: string; section: Citation['section']; summaryOnly?: boolean },
  language: string,
  options: FormatOptions = {},
): string {
  const phrases = phrasesFor(language);
  return [
    source.outlet ? (options.escapeText ?? asIs)(source.outlet) : null,
    // Stored values are validated at ingest; escaped here too, as everything an article supplied.
    (options.escapeText ?? asIs)(displayDate(source.published ?? undefined, phrases.dateUnknown)),
    (options.escapeText ?? asIs)(source.language),
    source.section === 'comment' ? phrases.readerCommentLabel : null,
    source.summaryOnly ? phrases.summaryOnlyLabel : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** A source's link: its URL (wrapped in <...> for Discord: no previews), else its file name. */
export function sourceLink(source: { url?: string | null; source: string }, options: FormatOptions): string {
  const escapeText = options.escapeText ?? asIs;
  if (!source.url) return escapeText(source.source);
  const link = options.safeLink ? options.safeLink(source.url) : source.url;
  if (link === null) return escapeText(source.url);
  return options.wrapLinks ? `<${link}>` : link;
}

/** Other outlets named in a source line before the rest is counted ("A, B, +97"). */
const NAMED_OTHER_OUTLETS = 2;

/**
 * The note on a story told by several articles: "also reported by: Outlet B, Outlet C, +3"
 * (the other outlets, a few named and the rest counted), or "also in 2 other articles" when no
 * other outlet is known (copies in the same outlet, files); null for one article. Outlet
 * names come from articles: escaped like any article text.
 */
export function storyNote(c: Pick<Citation, 'outlet' | 'story'>, language: string, options: FormatOptions = {}): string | null {
  const others = (c.story?.articles ?? 1) - 1;
  if (others < 1) return null;
  const otherOutlets = c.story.outlets.filter((o) => o !== c.outlet);
  if (otherOutlets.length === 0) return phrasesFor(language).alsoIn(others);
  const named = otherOutlets.slice(0, NAMED_OTHER_OUTLETS).map(options.escapeText ?? asIs);
  const rest = otherOutlets.length - named.length;
  return phrasesFor(language).alsoReportedBy([...named, ...(rest > 0 ? [`+${rest}`] : [])].join(', '));
}

/** One source line: "[n] Title — Outlet, 2017-07-05, en, reader comment — <link>" (— also reported by: ...). */
export function formatSourceLine(c: Citation, language: string, options: FormatOptions): string {
  const note = storyNote(c, language, options);
  return `[${c.n}] ${(options.escapeText ?? asIs)(c.title)} — ${sourceDetails(c, language, options)} — ${sourceLink(c, options)}${note ? ` — ${note}` : ''}`;
}

/** The answer as people read it: text with markers, then the numbered sources. */
export function formatAnswer(answer: Answer, options: FormatOptions = {}): string {
  const escapeText = options.escapeText ?? asIs;
  // Notes (an LLM fallback) come first, short and in italics, so nobody mistakes quotes for prose.
  const notes = answer.notes ?? [];
  const head = notes.length ? `${notes.map((n) => `_${escapeText(n)}_`).join('\n')}\n\n` : '';
  // The answer text is quotes (or a model's words): escaped whole, its [n] markers kept by the escaper.
  const body = (options.escapeAnswerText ?? escapeText)(answer.answer);
  if (answer.citations.length === 0) return `${head}${body}`;
  const phrases = phrasesFor(answer.language);
  const lines = answer.citations.map((c) => formatSourceLine(c, answer.language, { ...options, wrapLinks: options.wrapLinks ?? false }));
  return `${head}${body}\n\n${phrases.sourcesHeading}:\n${lines.join('\n')}`;
}
