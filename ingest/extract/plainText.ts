import { detectLanguage } from '../../src/core/text/language.js';
import type { ExtractedArticle } from '../../src/core/types.js';
import { cleanParagraph, cleanText, MAX_FIELD_CHARS } from './cleanValue.js';
import { normalizeStatedDate } from './dates.js';
import { hostOnlyLine } from './hostNames.js';
import { authorBoxAt, repeatedLabels, signOffOutlet } from './textChrome.js';
import { readTextHeader } from './textHeader.js';
import { findCommentThread, findTeaserLists, type Line } from './textRuns.js';

export interface TextOrigin {
  location: string;
  source: string;
  url: string | null;
  /** Metadata already known from elsewhere (the feed item, front matter of a wrapper). */
  hints?: Partial<Pick<ExtractedArticle, 'title' | 'published' | 'language' | 'outlet' | 'author'>>;
}

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

/** Non-empty lines, each knowing whether a blank line came before it. */
function toLines(raw: string[]): Line[] {
  const lines: Line[] = [];
  let blank = true;
  for (const text of raw) {
    const line = cleanParagraph(text.replace(/\u00a0/g, ' '));
    if (!line) {
      blank = true;
      continue;
    }
    lines.push({ text: line, afterBlank: blank });
    blank = false;
  }
  return lines;
}

/**
 * The article's own text between the header and the comment thread: teaser lists, the headline
 * repeated as a caption, the author box and labels the layout repeats are left out (textChrome.ts).
 */
function articleBody(lines: Line[], title: string | null): { body: string[]; bioName: string | null; outlet: string | null } {
  const kept = lines.filter((line) => line.text !== title);
  const texts = kept.map((line) => line.text);
  const bioAt = authorBoxAt(texts);
  const labels = repeatedLabels(kept);
  // The bio paragraph is about the author, not the news.
  const body = texts.filter((_, k) => !labels.has(k) && (bioAt < 0 || k < bioAt || k > bioAt + 1));
  // A last line that is only the site's name is its sign-off, not text.
  if (body.length > 1 && hostOnlyLine(body[body.length - 1]!)) body.pop();
  return { body, bioName: bioAt >= 0 ? texts[bioAt]! : null, outlet: signOffOutlet(texts) };
}

/**
 * Extracts an article from plain text (also Markdown after conversion): title, stated date
 * and byline from the top lines (textHeader.ts), the body, and reader comments recognised from
 * the shape of the text's tail (textRuns.ts). No rule here depends on the wording of
 * particular sites.
 */
export function extractFromText(text: string, origin: TextOrigin): ExtractedArticle {
  const { fields, rest } = readFrontMatter(text.replace(/\r\n?/g, '\n').split('\n'));
  const lines = toLines(rest);
  // A declared tag ("en-US") keeps its region for reading dates; the article's language is its primary subtag.
  const declaredLanguage = cleanText(fields.language ?? fields.lang ?? origin.hints?.language, MAX_FIELD_CHARS.language);
  const language = declaredLanguage
    ? declaredLanguage.split(/[-_]/)[0]!.toLowerCase()
    : detectLanguage(
        lines
          .slice(0, 60)
          .map((l) => l.text)
          .join('\n'),
      );
  const dateLocale = declaredLanguage ?? language;
  const known = {
    title: cleanText(fields.title, MAX_FIELD_CHARS.title) ?? origin.hints?.title ?? null,
    author: cleanText(fields.author, MAX_FIELD_CHARS.author) ?? origin.hints?.author ?? null,
    outlet: cleanText(fields.outlet ?? fields.site, MAX_FIELD_CHARS.outlet) ?? origin.hints?.outlet ?? null,
    published: normalizeStatedDate(fields.date ?? fields.published, dateLocale) ?? origin.hints?.published ?? null,
  };
  const header = readTextHeader(lines, known, dateLocale);
  const firstBody = [...Array(lines.length).keys()].find((k) => k >= header.afterTitle && !header.skipped.has(k)) ?? lines.length;
  const thread = findCommentThread(lines, firstBody + 1);
  const teasers = findTeaserLists(lines, firstBody + 1);
  const between = lines.slice(0, thread?.start ?? lines.length).filter((_, k) => k >= header.afterTitle && !header.skipped.has(k) && !teasers.has(k));
  const { body, bioName, outlet } = articleBody(between, header.title);

  const comments = thread?.comments ?? [];
  const finalLanguage = language !== 'und' ? language : detectLanguage(comments.map((c) => c.text).join('\n'));
  return {
    title: header.title ?? origin.source,
    published: header.published,
    language: finalLanguage,
    outlet: header.outlet ?? outlet,
    url: fields.url ?? origin.url,
    source: origin.source,
    location: origin.location,
    author: header.author ?? bioName,
    body,
    comments,
  };
}
