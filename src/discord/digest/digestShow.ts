import type { ChatInputCommandInteraction } from 'discord.js';
import { composeDigest } from '../../core/digest/composeDigest.js';
import { requestedPeriod } from '../../core/digest/period.js';
import { localParts } from '../../core/digest/zonedTime.js';
import { withSummaries } from '../../core/digest/summaries.js';
import { knowledgeBaseSources } from '../../core/digest/topicMatch.js';
import { UserFacingError } from '../../core/errors.js';
import { validateQuestion } from '../../core/questions.js';
import { parseDatePhrase } from '../../core/text/datePhrase.js';
import { NO_MENTIONS } from '../answering.js';
import type { BotContext } from '../command.js';
import { placeOf } from '../desks/place.js';
import { digestLanguage, digestMessages, digestNow } from './digestFormat.js';

/** The `since` option as a day, or undefined for the default (the last 24 hours); a date that cannot be read is refused. */
export async function sinceDay(text: string | null, now: Date, timeZone: string): Promise<string | undefined> {
  if (!text?.trim()) return undefined;
  const day = await parseDatePhrase(text, now);
  if (day === 'invalid' || day === null) {
    throw new UserFacingError(
      'bad_usage',
      `"${text.slice(0, 100)}" is not a date I can read: use YYYY-MM-DD, or a phrase such as "yesterday" or "3 days ago".`,
    );
  }
  if (day > localParts(now, timeZone).date) throw new UserFacingError('bad_usage', `${day} is in the future: a digest covers news already published.`);
  return day;
}

/**
 * /digest show [topic] [since] (and /digest with topic and since given at the root): the main
 * stories of the period from the sources this channel sees, in the server's time zone. Costs
 * like a question (the rate limit), since a topic is searched.
 */
export async function showDigest(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const rawTopic = interaction.options.getString('topic')?.trim() || null;
  const wait = await context.rateLimiter.take(interaction.user.id);
  if (wait !== null) throw new UserFacingError('rate_limited', `Please wait ${wait} second${wait === 1 ? '' : 's'} before asking again.`);
  const topic = rawTopic ? validateQuestion(rawTopic, context.config.discord.maxQuestionLength) : null;
  const now = digestNow(context.digestClock);
  const timeZone = interaction.guildId ? (await context.kb.store.serverSettings(interaction.guildId)).timeZone : 'UTC';
  const day = await sinceDay(interaction.options.getString('since'), now, timeZone);
  await interaction.deferReply();
  const period = requestedPeriod({ sinceDay: day, now, timeZone });
  const scope = await context.desks.scopes.forPlace(placeOf(interaction.guildId, interaction.channelId, interaction.channel));
  const language = digestLanguage(interaction.guildLocale ?? interaction.locale, topic);
  const digest = await context.answerQueue.run(async () =>
    withSummaries(await composeDigest({ period, scope, topic, language, timeZone }, knowledgeBaseSources(context.kb)), context.digestSummarizer, (m) =>
      context.logger.warn(m),
    ),
  );
  const [first, ...rest] = digestMessages(digest);
  await interaction.editReply({ content: first!, allowedMentions: NO_MENTIONS });
  for (const piece of rest) await interaction.followUp({ content: piece, allowedMentions: NO_MENTIONS });
}
