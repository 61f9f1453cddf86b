import { describe, expect, it } from 'vitest';
import { eventTerms, headlineNames, sameSubject } from '../../../ingest/stories/eventTerms.js';
import { scoreCandidates } from '../../../ingest/stories/eventGrouper.js';
import type { EventCandidate } from '../../../src/core/ports/knowledgeStore.js';

const terms = (title: string, body: string, language = 'en') => new Set(eventTerms(title, body, language));

// Two filings of one kind on one day: the same wording and the same institutions named in passing, different subjects.
const FIRST = {
  title: 'Investment firm lifts its stake in Orvane Tools to 9 pct',
  body: 'An investment group led by Talbot Capital told the Securities and Exchange Commission in Washington on Thursday it had raised its stake in Orvane Tools Corp to 9 pct of the common stock outstanding, and may buy more shares for investment purposes.',
};
const SECOND = {
  title: 'Hong Kong firm raises its stake in Pellham Foods to 11 pct',
  body: 'A Hong Kong investment firm told the Securities and Exchange Commission in Washington on Thursday it had raised its stake in Pellham Foods Corp to 11 pct of the common stock outstanding, and may buy more shares for investment purposes.',
};
const SECOND_REPORT = {
  title: 'Orvane Tools says Talbot Capital now holds 9 pct',
  body: 'Orvane Tools Corp said on Thursday that Talbot Capital had told the Securities and Exchange Commission in Washington it now holds 9 pct of the company, and that it had not been approached about a bid.',
};

describe('the subject two reports of one event share', () => {
  it('reads a headline’s names as the article’s terms hold them', () => {
    expect(headlineNames(FIRST.title, terms(FIRST.title, FIRST.body))).toEqual(expect.arrayContaining(['n:orvane', 'n:tools']));
  });

  it('keeps apart filings of one kind whose headlines name different subjects, though they share the institutions and the wording', () => {
    expect(sameSubject(FIRST.title, terms(FIRST.title, FIRST.body), SECOND.title, terms(SECOND.title, SECOND.body))).toBe(false);
    const candidate: EventCandidate = {
      id: 1,
      storyId: 1,
      published: '2026-11-05T09:00:00Z',
      outlet: 'Wire',
      language: 'en',
      terms: eventTerms(SECOND.title, SECOND.body, 'en').join(' '),
      storyStart: '2026-11-05T09:00:00Z',
      storyEnd: '2026-11-05T09:00:00Z',
      title: SECOND.title,
      lead: '',
    };
    const own = eventTerms(FIRST.title, FIRST.body, 'en');
    const time = Date.parse('2026-11-05T10:00:00Z');
    expect(scoreCandidates(own, 'en', time, [candidate], [candidate])[0]!.evidence).toBeGreaterThan(0);
    expect(scoreCandidates(own, 'en', time, [candidate], [candidate], FIRST.title)[0]!.evidence).toBe(0);
  });

  it('lets reports of one subject meet, across languages too, and sets no condition when a headline names nobody', () => {
    expect(sameSubject(FIRST.title, terms(FIRST.title, FIRST.body), SECOND_REPORT.title, terms(SECOND_REPORT.title, SECOND_REPORT.body))).toBe(true);
    const german = {
      title: 'Talbot Capital hält jetzt 9 Prozent an Orvane Tools',
      body: 'Die Beteiligungsgesellschaft Talbot Capital hat ihren Anteil an Orvane Tools auf 9 Prozent erhöht.',
    };
    expect(sameSubject(FIRST.title, terms(FIRST.title, FIRST.body), german.title, terms(german.title, german.body, 'de'))).toBe(true);
    const plain = { title: 'shares rise in early trading', body: 'Shares rose in early trading on Thursday after the filing was made public.' };
    expect(sameSubject(FIRST.title, terms(FIRST.title, FIRST.body), plain.title, terms(plain.title, plain.body))).toBe(true);
  });
});
