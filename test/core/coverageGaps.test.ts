import { describe, expect, it } from 'vitest';
import { contentTerms, coverageGaps, idfWeights } from '../../src/core/feedback/coverageGaps.js';

describe('coverage gaps: declined questions grouped by shared content terms', () => {
  it('groups variants of one question ahead of a single one, with repeats counted and the most central question standing for the group', () => {
    const gaps = coverageGaps(
      [
        'Who won the chess final?',
        'Which country won the Eurovision Song Contest?',
        'who won the eurovision song contest',
        'Who won the Eurovision Song Contest?',
        'Eurovision song contest winner',
      ],
      5,
    );
    expect(gaps).toEqual([
      {
        size: 4,
        representative: 'who won the eurovision song contest',
        questions: ['who won the eurovision song contest', 'Which country won the Eurovision Song Contest?', 'Eurovision song contest winner'],
      },
      { size: 1, representative: 'Who won the chess final?', questions: ['Who won the chess final?'] },
    ]);
  });

  it('does not join questions that share one generic word', () => {
    const gaps = coverageGaps(['Who won the election in Norway?', 'Who won the football cup?'], 5);
    expect(gaps.map((g) => g.size)).toEqual([1, 1]);
  });

  it('weighs words by how common they are in the news: two common words shared do not make a gap, an uncovered subject does', () => {
    const questions = ['Latest news on the election in Norway?', 'Latest news on the football cup?', 'Norway election latest'];
    // Unweighted, "latest news" alone joins the first two.
    expect(coverageGaps(questions.slice(0, 2), 5).map((g) => g.size)).toEqual([2]);
    // In a knowledge base of 1,000 passages where "latest" and "news" are everywhere and the rest rare:
    const terms = contentTerms(questions);
    const common = new Set(['latest', 'news']);
    const frequencies = terms.map((stems) => (stems.some((s) => common.has(s)) ? 600 : 3));
    const weighted = coverageGaps(questions, 5, idfWeights(terms, frequencies, 1000));
    expect(weighted.map((g) => g.questions.sort())).toEqual([
      ['Latest news on the election in Norway?', 'Norway election latest'],
      ['Latest news on the football cup?'],
    ]);
  });

  it('groups around one question, not along a chain of resemblances (single linkage would make one group of four)', () => {
    // Each question shares two terms with the next only: harbour-ferry-strike, ferry-strike-tram, strike-tram-bus, tram-bus-metro.
    const gaps = coverageGaps(['ferry strike tram', 'harbour ferry strike', 'strike tram bus', 'tram bus metro'], 5);
    expect(gaps).toEqual([
      { size: 3, representative: 'ferry strike tram', questions: ['ferry strike tram', 'harbour ferry strike', 'strike tram bus'] },
      { size: 1, representative: 'tram bus metro', questions: ['tram bus metro'] },
    ]);
  });

  it('meets word forms in other languages and inflections, keeps questions without content terms apart, and returns at most the limit', () => {
    const gaps = coverageGaps(
      ['Wer gewann die Wahlen in Bayern?', 'Wahl in Bayern: wer gewann?', 'what?', 'why?', 'Tram strike Berlin', 'Ferry prices Malta'],
      3,
    );
    expect(gaps[0]).toMatchObject({ size: 2 });
    expect(gaps).toHaveLength(3);
    expect(coverageGaps([], 5)).toEqual([]);
  });
});
