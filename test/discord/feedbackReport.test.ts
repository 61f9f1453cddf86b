import { describe, expect, it } from 'vitest';
import { formatFeedbackReport } from '../../src/discord/feedback/feedbackReport.js';
import { renderedConstructs } from '../support/discordRendering.js';

const summary = (declinedQuestions: string[], over = {}) => ({
  asked: 8,
  answered: 5,
  declined: 3,
  downvoted: 1,
  declinedQuestions,
  ...over,
});

describe("the admins' question report", () => {
  it('shows counts as shares and hostile questions inert, on one line, cut', () => {
    const hostile = `**Who** won @everyone <@123> \`x\` [a](https://evil.example) ${'long '.repeat(60)}\n# heading`;
    const text = formatFeedbackReport(summary([hostile, hostile]), { guildId: 'g' }, 90);
    expect(text).toContain('Asked: 8 · answered: 63% · declined: 38% · with 👎: 13%');
    const gap = text.split('\n').find((line) => line.startsWith('1. '))!;
    expect(gap).toMatch(/^1\. 2× “.*…”$/);
    expect(gap.length).toBeLessThan(260);
    // The question renders as the plain text it was typed as: no bold, mention, code, link or heading.
    expect(renderedConstructs(gap.slice(gap.indexOf('“')))).toEqual([]);
    expect(renderedConstructs('**Who** won @everyone <@123> `x` [a](https://evil.example)').length).toBeGreaterThan(3);
  });

  it('says so when nothing was asked, and how long answers are kept', () => {
    const text = formatFeedbackReport(summary([], { asked: 0, answered: 0, declined: 0, downvoted: 0 }), 'everywhere', 0);
    expect(text).toBe(
      '**Questions in the last 7 days** (all servers and direct messages, shown only to you)\nNo questions were asked.\nAnswers and feedback are kept for good (FEEDBACK_RETENTION_DAYS=0).',
    );
  });
});
