import { describe, expect, it } from 'vitest';
import { composeExtractiveAnswer } from '../../src/core/answer/extractive.js';
import { featuresOfLeading, rankLeading, type Candidate } from '../../src/core/retrieval/candidateRanking.js';
import { indexTerms, queryTerms } from '../../src/core/text/terms.js';
import { scoredPassage } from '../support/scoredPassage.js';

function candidate(id: number, text: string, score = 1 / 61, relevance = 1): Candidate {
  return scoredPassage(id, text, { document: { title: '' }, passage: { terms: indexTerms(text, 'en').join(' '), score, relevance } });
}

const question = 'When did the harbour authority close the northern canal?';
const terms = queryTerms(question);
const weights = terms.map(() => 1);

describe('ranking of the leading candidates', () => {
  it("puts the passage that answers in one sentence, in the question's own phrasing, ahead of one that scatters the same words", () => {
    const scattered = candidate(
      1,
      'The harbour was busy. An authority spoke about fishing. Later they had to close a school. The northern hills and a canal were mentioned.',
    );
    const focused = candidate(2, 'Boats waited all week. The harbour authority closed the northern canal on Tuesday after the storm.');
    // Fusion ranked the scattered passage first; the same terms are found in both.
    const ranked = rankLeading(terms, weights, [
      { ...scattered, score: 1 / 61 },
      { ...focused, score: 1 / 62 },
    ]);
    expect(ranked.map((p) => p.id)).toEqual([2, 1]);
    const [s, f] = featuresOfLeading(terms, weights, [scattered, focused]);
    expect(f!.focus).toBeGreaterThan(s!.focus);
    expect(f!.adjacency).toBeGreaterThan(s!.adjacency);
  });

  it('keeps fusion order among candidates the lexical evidence cannot tell apart, and a much better fused rank wins over a little more evidence', () => {
    const a = candidate(1, 'The harbour authority closed the northern canal on Tuesday.');
    const b = candidate(2, 'The harbour authority closed the northern canal on Tuesday.');
    expect(
      rankLeading(terms, weights, [
        { ...a, score: 1 / 61 },
        { ...b, score: 1 / 62 },
      ]).map((p) => p.id),
    ).toEqual([1, 2]);
    expect(
      rankLeading(terms, weights, [
        { ...a, score: 1 / 62 },
        { ...b, score: 1 / 61 },
      ]).map((p) => p.id),
    ).toEqual([2, 1]);
  });

  it('gives features in their ranges, also for a passage without any of the terms', () => {
    const none = candidate(3, 'Completely unrelated words about gardening and tomatoes.', 1 / 90, 0);
    const [f] = featuresOfLeading(terms, weights, [none]);
    expect(f).toMatchObject({ relevance: 0, focus: 0, saturation: 0, adjacency: 0 });
    expect(f!.fused).toBeCloseTo(Math.log(1 / 90));
    expect(featuresOfLeading(terms, weights, [])).toEqual([]);
  });
});

describe('the extractive answer follows the retrieval order', () => {
  it('quotes the best-ranked passage first when a lower-ranked one only covers the question a little better', () => {
    const q = 'Which canal did the harbour authority close on Tuesday?';
    const qTerms = queryTerms(q);
    const scored = (id: number, text: string) => ({ ...candidate(id, text), relevance: 0.9, lexicalRank: id, vectorRank: null, similarity: null });
    const top = scored(1, 'The harbour authority closed the northern canal after the storm.');
    const second = scored(2, 'On Tuesday the harbour authority closed a canal again, officials said.');
    const answer = composeExtractiveAnswer(
      q,
      { terms: qTerms, weights: qTerms.map(() => 1), passages: [top, second], mode: 'lexical', queryVector: null },
      'en',
    );
    expect(answer.noAnswer).toBe(false);
    expect(answer.answer).toMatch(/^The harbour authority closed the northern canal/);
  });
});
