import type { DeskSource } from '../../core/ports/newsDesks.js';
import { escapeMarkdown } from '../escapeMarkdown.js';
import { sourceShown } from '../statusReport.js';

/** "**Title** (feed, #news only) — <url>": how replies name a desk source; its title came from a web page, so it is escaped. */
export function describeSource(source: DeskSource): string {
  const where = source.channelId ? `, <#${source.channelId}> only` : '';
  const title = source.title ? `**${escapeMarkdown(source.title)}** ` : '';
  return `${title}(${source.kind}${where}) — ${sourceShown(source.url)}`;
}
