import { REINGEST_ARTICLES, log } from '../benchScale.js';
import { benchDiscordDuringReingest, type DiscordUnderReingestResult } from '../discordDuringReingest.js';

/** The Discord bot answering while a re-ingest embeds new articles with the stand-in (int8). */
export async function discordSection(standIn: string): Promise<DiscordUnderReingestResult> {
  log(`Discord during a re-ingest of ${REINGEST_ARTICLES} articles with the stand-in (int8)`);
  return benchDiscordDuringReingest({ modelFolder: standIn, precision: 'int8', articles: REINGEST_ARTICLES, log });
}
