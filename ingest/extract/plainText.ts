import { detectLanguage } from '../../src/core/text/language.js';
import type { ExtractedArticle } from '../../src/core/types.js';
import { cleanParagraph, cleanText, MAX_FIELD_CHARS } from './cleanValue.js';
import { isDateLine, normalizeStatedDate, parseProseDate } from './dates.js';
import { findCommentThread, findTeaserLists, type Line } from './textRuns.js';

export interface TextOrigin {
  location: string;
  source: string;
  url: string | null;
  /** Metadata already known from elsewhere (the feed item, front matter of a wrapper). */
  hints?: Partial<Pick<ExtractedArticle, 'title' | 'published' | 'language' | 'outlet' | 'author'>>;
}

/** Lines at the top where a dateline or byline is metadata rather than text. */
const HEADER_LINES = 4;
/** A headline is a line of at most this many words; a longer first line is already the text. */
const MAX_TITLE_WORDS = 25;

/** Reads "key: value" front matter between --- lines. */
function readFrontMatter(lines: string[]): { fields: Record<string, string>; rest: string[] } {
  const fields: Record<string, string> = {};
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      for (const line of lines.slice(1, end)) {
        const m = line.match(/^([A-Za-z_-]+)\s*:\s*(.*)$/);
        if (m) fields[m[1]!.toLowerCase()] = m[2]!.trim().replace(/^["']|["']$/g, '');
      }
      return { fields, rest: lines.slice(end + 1) };
    }
  }
  return { fields, rest: lines };
}

/** Markdown to plain lines: headings, emphasis, links and images reduced to their text. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S.*?)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** "By Hannah Clarke · 14 August 2026": a byline. Returns the author's name. */
export function bylineAuthor(line: string): string | null {
  const match = line.trim().match(/^(?:[Bb]y|[Vv]on|[Dd]i|[Pp]ar|[Pp]or|[Dd]oor|[Aa]v)\s+(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})\s*(?:[·|,–—-].*)?$/u);
  return match ? match[1]! : null;
}

/**
 * An author box: a bare name line followed by a paragraph that starts with that name
 * ("Jane Doe" / "Jane Doe, 34, covers ..."). Returns the name.
 */
function authorBoxName(line: string, next: string | undefined): string | null {
  const name = line.trim();
  if (name.length > 60 || !/^(\p{Lu}[\p{L}'-]+\s){1,3}\p{Lu}[\p{L}'-]+$/u.test(name)) return null;
  return next && next.trim().startsWith(`${name},`) ? name : null;
}

/** A site's own domain as it signs off its pages ("... auf example-news.de"). */
const DOMAIN = /\b([a-z0-9][a-z0-9-]*\.(?:[a-z]{2,6}|co\.uk))\b/i;

/**
 * Extracts an article from plain text (also Markdown after conversion): title, stated date
 * and byline from the top lines, the body, and reader comments recognised from the shape of
 * the text's tail (see textRuns.ts). No rule here depends on the wording of particular sites.
 */
export function extractFromText(text: string, origin: TextOrigin): ExtractedArticle {
  const { fields, rest } = readFrontMatter(text.replace(/\r\n?/g, '\n').split('\n'));
  const lines: Line[] = [];
  let blank = true;
  for (const raw of rest) {
    const line = cleanParagraph(raw.replace(/\u00a0/g, ' '));
    if (!line) {
      blank = true;
      continue;
    }
    lines.push({ text: line, afterBlank: blank });
    blank = false;
  }

  let title = cleanText(fields.title, MAX_FIELD_CHARS.title) ?? origin.hints?.title ?? null;
  let author = cleanText(fields.author, MAX_FIELD_CHARS.author) ?? origin.hints?.author ?? null;
  let outlet = cleanText(fields.outlet ?? fields.site, MAX_FIELD_CHARS.outlet) ?? origin.hints?.outlet ?? null;
  // A declared tag ("en-US") keeps its region for reading dates; the article's language is its primary subtag.
  const declaredLanguage = cleanText(fields.language ?? fields.lang ?? origin.hints?.language, MAX_FIELD_CHARS.language);
  const language = declaredLanguage ? declaredLanguage.split(/[-_]/)[0]!.toLowerCase() : detectLanguage(lines.slice(0, 60).map((l) => l.text).join('\n'));
  const dateLocale = declaredLanguage ?? language;
  let published = normalizeStatedDate(fields.date ?? fields.published, dateLocale) ?? origin.hints?.published ?? null;

  let i = 0;
  // A lone short word before a headline and text is a section label ("News", "Sport").
  while (!title && i < lines.length - 2 && /^\S{1,12}$/.test(lines[i]!.text)) i++;
  if (!title && lines[i]) {
    const words = lines[i]!.text.split(/\s+/);
    if (words.length <= MAX_TITLE_WORDS) {
      title = lines[i]!.text;
      i++;
    } else {
      title = `${words.slice(0, 12).join(' ')} …`; // no headline: the opening words stand in
    }
  }
  // Datelines, bylines and counters in the first lines are metadata.
  const headerEnd = Math.min(lines.length, i + HEADER_LINES);
  const skipped = new Set<number>();
  for (let k = i; k < headerEnd; k++) {
    const line = lines[k]!.text;
    const byline = bylineAuthor(line);
    if (byline) {
      author ??= byline;
      published ??= parseProseDate(line, dateLocale);
      skipped.add(k);
    } else if (isDateLine(line, dateLocale)) {
      published ??= parseProseDate(line, dateLocale);
      skipped.add(k);
    } else if (/^\d{1,5}$/.test(line)) {
      skipped.add(k); // a comment or share counter under the headline
    }
  }

  const firstBody = [...Array(lines.length).keys()].find((k) => k >= i && !skipped.has(k)) ?? lines.length;
  const thread = findCommentThread(lines, firstBody + 1);
  const end = thread?.start ?? lines.length;
  const teasers = findTeaserLists(lines, firstBody + 1);

  const body: string[] = [];
  let lastProse = -1;
  for (let k = i; k < end; k++) {
    if (skipped.has(k) || teasers.has(k)) continue;
    const line = lines[k]!.text;
    if (title && line === title) continue; // the headline repeated (as an image caption)
    const bioName = authorBoxName(line, lines[k + 1]?.text);
    if (bioName) {
      author ??= bioName;
      k++; // the bio paragraph is about the author, not the news
      continue;
    }
    body.push(line);
    if (line.split(/\s+/).length >= 20) lastProse = body.length - 1;
  }
  // A domain named after the last paragraph of prose is the site signing off: its outlet name.
  for (const line of body.slice(lastProse + 1)) outlet ??= line.match(DOMAIN)?.[1]?.toLowerCase() ?? null;

  const comments = thread?.comments ?? [];
  const finalLanguage = language !== 'und' ? language : detectLanguage(comments.map((c) => c.text).join('\n'));
  return {
    title: title ?? origin.source,
    published,
    language: finalLanguage,
    outlet,
    url: fields.url ?? origin.url,
    source: origin.source,
    location: origin.location,
    author,
    body,
    comments,
  };
}
