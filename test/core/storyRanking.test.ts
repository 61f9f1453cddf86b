import { describe, expect, it } from 'vitest';
import { CitationRegistry } from '../../src/core/answer/citations.js';
import { storiesFirst } from '../../src/core/retrieval/storyRanking.js';
import { scoredPassage } from '../support/scoredPassage.js';

describe('ranking stories, not their articles', () => {
  it('moves a passage of another article of an already represented story behind every other story’s best, dropping none', () => {
    const ranked = [
      { id: 1, documentId: 10, storyId: 100 },
      { id: 2, documentId: 11, storyId: 100 },
      { id: 3, documentId: 10, storyId: 100 },
      { id: 4, documentId: 20, storyId: 200 },
      { id: 5, documentId: 30 },
      { id: 6, documentId: 21, storyId: 200 },
    ];
    expect(storiesFirst(ranked).map((p) => p.id)).toEqual([1, 3, 4, 5, 2, 6]);
  });
});

describe('citing a story', () => {
  it('gives two articles of one story one citation (the first cited stands for it), but keeps reader comments per article', () => {
    const registry = new CitationRegistry();
    const a = scoredPassage(1, 'a', { passage: { storyId: 7 }, document: { outlet: 'Outlet A' } });
    const b = scoredPassage(2, 'b', { passage: { storyId: 7 }, document: { outlet: 'Outlet B' } });
    const other = scoredPassage(3, 'c', { passage: { storyId: 8 } });
    expect([registry.cite(a, 'quote a'), registry.cite(b, 'quote b'), registry.cite(other, 'quote c')]).toEqual([1, 1, 2]);
    expect(registry.list()[0]).toMatchObject({ outlet: 'Outlet A', quote: 'quote a … quote b', story: { id: 1 } });
    const commentA = scoredPassage(1, 'x', { passage: { storyId: 7, section: 'comment' } });
    const commentB = scoredPassage(2, 'y', { passage: { storyId: 7, section: 'comment' } });
    expect([registry.cite(commentA, 'x'), registry.cite(commentB, 'y')]).toEqual([3, 4]);
  });
});
