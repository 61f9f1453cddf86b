import { contentTerms, coverageGaps, idfWeights, type CoverageGap, type TermWeight } from '../../core/feedback/coverageGaps.js';
import type { KnowledgeStore } from '../../core/ports/knowledgeStore.js';
import type { AnswerSummary } from '../../core/ports/answerLog.js';
import { collapseWhitespace } from '../../core/text/normalize.js';
import type { BotContext } from '../command.js';
import { escapeMarkdown } from '../escapeMarkdown.js';

/** The window the report covers. */
export const REPORT_DAYS = 7;
/** Coverage gaps listed. */
export const REPORT_GAPS = 5;
/** Declined questions grouped at most (the newest): grouping compares every pair. */
const DECLINED_SAMPLE = 500;
/** A representative question is cut to this length: five of them and the counts must fit one message. */
const SHOWN_QUESTION = 150;

/** Whose questions an admin's report covers: one server's (its admins), or every server's and DMs' (ADMIN_USER_IDS in a DM). */
export type ReportScope = { guildId: string } | 'everywhere';

const percent = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((100 * part) / whole)}%`;

/** A question as shown: one line, cut, its markdown inert (questions are typed by anyone). */
function shownQuestion(question: string): string {
  const line = collapseWhitespace(question);
  return escapeMarkdown(line.length > SHOWN_QUESTION ? `${line.slice(0, SHOWN_QUESTION - 1)}…` : line);
}

function gapLine(gap: CoverageGap, index: number): string {
  const similar = gap.questions.length - 1;
  return `${index + 1}. ${gap.size}× “${shownQuestion(gap.representative)}”${similar > 0 ? ` (+${similar} similar)` : ''}`;
}

/** The report's text from a window's summary: counts and shares, then the coverage gaps. */
export function formatFeedbackReport(summary: AnswerSummary, scope: ReportScope, retentionDays: number, weightOf?: TermWeight): string {
  const where = scope === 'everywhere' ? 'all servers and direct messages' : 'this server';
  const lines = [`**Questions in the last ${REPORT_DAYS} days** (${where}, shown only to you)`];
  if (summary.asked === 0) lines.push('No questions were asked.');
  else {
    lines.push(
      `Asked: ${summary.asked} · answered: ${percent(summary.answered, summary.asked)} · declined: ${percent(summary.declined, summary.asked)} · with 👎: ${percent(summary.downvoted, summary.asked)}`,
    );
    const gaps = coverageGaps(summary.declinedQuestions, REPORT_GAPS, weightOf);
    if (gaps.length > 0) lines.push('**Most frequent unanswered questions** (add sources that cover them):', ...gaps.map(gapLine));
  }
  lines.push(
    retentionDays > 0
      ? `Answers and feedback are kept ${retentionDays} days (FEEDBACK_RETENTION_DAYS).`
      : 'Answers and feedback are kept for good (FEEDBACK_RETENTION_DAYS=0).',
  );
  return lines.join('\n');
}

/** How distinctive each word of the questions is in the whole knowledge base (its IDF): common news words group nothing. */
async function storeWeights(store: KnowledgeStore, questions: string[]): Promise<TermWeight> {
  const terms = contentTerms(questions);
  const [frequencies, passages] = await Promise.all([store.passageFrequencies(terms), store.passageCount()]);
  return idfWeights(terms, frequencies, passages);
}

/** The admins' part of /status: the last 7 days of questions in `scope`. */
export async function feedbackReport(context: BotContext, scope: ReportScope, now = Date.now()): Promise<string> {
  const store = context.kb.store;
  const since = new Date(now - REPORT_DAYS * 86_400_000).toISOString();
  const summary = await store.answerSummary({ since, ...(scope === 'everywhere' ? {} : scope) }, DECLINED_SAMPLE);
  const weights = summary.declinedQuestions.length > 1 ? await storeWeights(store, summary.declinedQuestions) : undefined;
  return formatFeedbackReport(summary, scope, context.config.feedbackRetentionDays, weights);
}
