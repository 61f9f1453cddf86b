import { detectLanguage } from '../../src/core/text/language.js';
import type { ExtractedArticle, ExtractedComment } from '../../src/core/types.js';
import {
  bulletAuthor,
  bylineAuthor,
  isAuthorBoxHeading,
  isChromeLine,
  isChromeTailHeading,
  isCommentHeading,
  isCommenterRole,
  stripGluedImageCaption,
  stripQuotedReply,
} from './chrome.js';
import { isDateLine, normalizeStatedDate, parseProseDate } from './dates.js';

export interface TextOrigin {
  location: string;
  source: string;
  url: string | null;
  /** Metadata already known from elsewhere (HTML meta tags, the feed item). */
  hints?: Partial<Pick<ExtractedArticle, 'title' | 'published' | 'language' | 'outlet' | 'author'>>;
}

/** Reads "key: value" front matter (YAML-style between --- lines, or a leading header block). */
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

/** Author bio: a bare name line followed by a paragraph that starts with that name. */
function isAuthorBio(line: string, next: string | undefined): boolean {
  const name = line.trim();
  if (name.length > 60) return false;
  if (!/^(\p{Lu}[\p{L}'-]+\s){1,3}\p{Lu}[\p{L}'-]+$/u.test(name)) return false;
  return Boolean(next && next.trim().startsWith(`${name},`));
}

type Mode = 'body' | 'comments' | 'chrome';

/** A commenter's display name: one to three words, no sentence inside. */
function looksLikeCommenterName(line: string): boolean {
  return line.length <= 30 && line.split(/\s+/).length <= 3 && !/[!?,;:]/.test(line) && !/\.\s+\S+\s/.test(line);
}

/** A site's own domain, as mentioned in its chrome ("viel Spass auf miui-germany.de"). */
const DOMAIN = /\b([a-z0-9][a-z0-9-]*\.(?:com|de|it|net|org|fr|es|eu|info|ch|at|co\.uk|news))\b/i;

/**
 * Extracts an article from plain text (also the output of HTML and Markdown conversion):
 * title, stated date, language, body paragraphs, and reader comments, with site chrome
 * (navigation words, share/newsletter blurbs, related-post lists, author boxes) dropped.
 */
export function extractFromText(text: string, origin: TextOrigin): ExtractedArticle {
  const { fields, rest } = readFrontMatter(text.replace(/\r\n?/g, '\n').split('\n'));
  const lines = rest.map((l) => l.replace(/\u00a0/g, ' ').trimEnd());

  const body: string[] = [];
  const comments: ExtractedComment[] = [];
  let title: string | null = fields.title ?? origin.hints?.title ?? null;
  let published = normalizeStatedDate(fields.date ?? fields.published) ?? origin.hints?.published ?? null;
  let author: string | null = fields.author ?? origin.hints?.author ?? null;
  let mode: Mode = 'body';
  let current: ExtractedComment | null = null;
  let pendingRole = false;
  let bodyLinesSeen = 0;
  let inAuthorBox = false;
  let outlet: string | null = fields.outlet ?? fields.site ?? origin.hints?.outlet ?? null;
  const lastLine = lines.findLastIndex((l) => l.trim() !== '');

  const flushComment = () => {
    if (current && current.text.trim()) comments.push({ author: current.author, text: stripQuotedReply(current.text.trim()) });
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = stripGluedImageCaption(raw.trim());
    if (!line) {
      if (mode === 'comments' && current) current.text += '\n';
      continue;
    }

    const author0 = bulletAuthor(raw);
    if (author0 && mode !== 'chrome') {
      mode = 'comments';
      flushComment();
      current = { author: author0, text: '' };
      continue;
    }
    if (isCommentHeading(line)) {
      flushComment();
      mode = 'comments';
      continue;
    }
    if (isChromeTailHeading(line)) {
      flushComment();
      mode = 'chrome';
      inAuthorBox = isAuthorBoxHeading(line);
      continue;
    }
    if (mode === 'chrome' || isChromeLine(line)) {
      outlet ??= line.match(DOMAIN)?.[1]?.toLowerCase() ?? null;
      // An author box ends with the author's signature line.
      if (mode === 'chrome' && inAuthorBox && i === lastLine && line.split(/\s+/).length <= 4) author ??= line;
      continue;
    }
    const nextIndex = lines.findIndex((l, j) => j > i && l.trim() !== '');
    if (nextIndex > 0 && isAuthorBio(line, lines[nextIndex])) {
      author ??= line;
      i = nextIndex; // the bio paragraph itself is metadata, not content
      continue;
    }

    if (mode === 'comments') {
      // A short name line followed by a longer line starts a comment ("Marco B." / "Giulia").
      const nextLine = nextIndex > 0 ? lines[nextIndex]!.trim() : '';
      if (!pendingRole && looksLikeCommenterName(line) && nextLine.length > line.length * 2 && !looksLikeCommenterName(nextLine)) {
        flushComment();
        current = { author: line, text: '' };
        continue;
      }
      if (isCommenterRole(line)) {
        flushComment();
        pendingRole = true;
        continue;
      }
      if (pendingRole) {
        current = { author: line, text: '' };
        pendingRole = false;
        continue;
      }
      current ??= { author: null, text: '' };
      current.text += (current.text && !current.text.endsWith('\n') ? '\n' : '') + line;
      continue;
    }

    const byline = bylineAuthor(line);
    if (byline && bodyLinesSeen < 4) {
      author ??= byline;
      published ??= parseProseDate(line);
      continue;
    }
    // Body mode. The first substantial line is the title unless one is known.
    if (!title) {
      if (line.split(/\s+/).length === 1 && line.length <= 12 && lines.slice(i + 1).some((l) => l.trim())) continue;
      const words = line.split(/\s+/);
      if (words.length <= 25) {
        title = line.replace(/^#+\s*/, '');
        continue;
      }
      // No headline: the text starts straight away; its opening words stand in as title.
      title = `${words.slice(0, 12).join(' ')} …`;
    }
    if (bodyLinesSeen < 4 && isDateLine(line)) {
      published ??= parseProseDate(line);
      continue;
    }
    if (bodyLinesSeen < 4 && !published) published = normalizeStatedDate(line.match(/^(?:posted|published|pubblicato|veröffentlicht)\b.*$/i)?.[0] ?? null);
    if (line === title) continue; // repeated headline (e.g. as an image caption)
    body.push(line);
    bodyLinesSeen++;
  }
  flushComment();

  const bodyText = body.join('\n');
  const language = fields.language ?? fields.lang ?? origin.hints?.language ?? detectLanguage(`${title ?? ''}\n${bodyText}`);
  return {
    title: title ?? origin.source,
    published,
    language: language === 'und' ? detectLanguage(comments.map((c) => c.text).join('\n')) : language,
    outlet,
    url: fields.url ?? origin.url,
    source: origin.source,
    location: origin.location,
    author,
    body,
    comments,
  };
}
