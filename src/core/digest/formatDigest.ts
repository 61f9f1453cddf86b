import { formatSourceLine, type FormatOptions } from '../answer/format.js';
import type { Digest, DigestStory } from './digest.js';
import { digestPhrasesFor } from './digestPhrases.js';

/** How a digest is rendered: answer formatting options, plus Discord markdown for the heading (the bot's own). */
export interface DigestFormatOptions extends FormatOptions {
  markdown?: boolean;
}

const asIs = (text: string) => text;

/** "2026-11-02 — Headline — Lead sentence [1] (3 outlets)": headline and lead come from articles and are escaped. */
export function formatDigestLine(story: DigestStory, language: string, options: DigestFormatOptions = {}): string {
  const escapeText = options.escapeText ?? asIs;
  const outlets = story.outlets > 0 ? ` (${digestPhrasesFor(language).outlets(story.outlets)})` : '';
  const lead = story.lead ? ` — ${escapeText(story.lead)}` : '';
  return `${options.markdown ? '• ' : '- '}${story.date} — ${escapeText(story.headline)}${lead} [${story.citation.n}]${outlets}`;
}

/** What an empty digest says: nothing new since its first day, or nothing on its topic. */
export function emptyDigestText(digest: Digest, options: DigestFormatOptions = {}): string {
  const phrases = digestPhrasesFor(digest.language);
  return digest.topic ? phrases.nothingOnTopic((options.escapeText ?? asIs)(digest.topic), digest.sinceDay) : phrases.nothingNew(digest.sinceDay);
}

/** The digest as people read it: a heading, one line per story, then the numbered sources (or what an empty one says). */
export function formatDigest(digest: Digest, options: DigestFormatOptions = {}): string {
  if (digest.stories.length === 0) return emptyDigestText(digest, options);
  const phrases = digestPhrasesFor(digest.language);
  const escapeText = options.escapeText ?? asIs;
  const title = digest.topic
    ? phrases.topicHeading(escapeText(digest.topic), digest.sinceDay, digest.untilDay)
    : phrases.heading(digest.sinceDay, digest.untilDay);
  const notes = digest.notes.map((n) => (options.markdown ? `_${escapeText(n)}_` : n));
  const lines = digest.stories.map((s) => formatDigestLine(s, digest.language, options));
  const sources = digest.stories.map((s) => formatSourceLine(s.citation, digest.language, { ...options, wrapLinks: options.wrapLinks ?? false }));
  return [options.markdown ? `**${title}**` : title, ...notes, '', ...lines, '', `${phrases.sourcesHeading}:`, ...sources].join('\n');
}
