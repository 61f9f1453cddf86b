import type { ScoredPassage } from '../../src/core/retrieval/retrieve.js';
import type { DocumentRecord } from '../../src/core/types.js';

/** A retrieved passage of a one-passage article, for tests of answers, prompts and ranking. */
export function scoredPassage(id: number, text: string, options: { document?: Partial<DocumentRecord>; passage?: Partial<ScoredPassage> } = {}): ScoredPassage {
  return {
    id,
    documentId: id,
    position: 0,
    section: 'body',
    text,
    terms: '',
    score: 1,
    relevance: 1,
    lexicalRank: 1,
    vectorRank: null,
    similarity: null,
    ...options.passage,
    document: {
      id,
      key: `k${id}`,
      sourceId: 's',
      rawHash: 'r',
      contentHash: 'c',
      title: 'Title',
      published: null,
      language: 'en',
      outlet: null,
      url: null,
      source: `p${id}.txt`,
      location: `p${id}.txt`,
      author: null,
      ingestedAt: '',
      updatedAt: '',
      ...options.document,
    },
  };
}
