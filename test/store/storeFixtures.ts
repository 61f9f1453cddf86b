import type { ArticleWrite, Fingerprint } from '../../src/core/ports/knowledgeStore.js';

/** An article to write: one body passage per text, each with a 3-d vector of model 'm', and one reader comment. */
export function article(key: string, texts: string[], overrides: Partial<ArticleWrite> = {}): ArticleWrite {
  return {
    key,
    sourceId: '/src',
    rawHash: `raw-${key}`,
    contentHash: `content-${key}-${texts.join('|')}`,
    extractorVersion: 1,
    metadata: { title: `Title ${key}`, published: '2026-01-01', language: 'en', outlet: null, url: null, source: key, location: key, author: null },
    body: texts,
    comments: [{ author: 'Ann', published: null, text: 'A comment.' }],
    summaryOnly: false,
    passages: texts.map((text, position) => ({ position, section: 'body', text, terms: text.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '') })),
    vectors: texts.map((_, i) => Float32Array.from([1, i + 1, 0])),
    model: 'm',
    ...overrides,
  };
}

/** A fingerprint as ingest/copies makes one (the store only keeps and compares what it is given). */
export function fingerprint(seed: number, bands: string[]): Fingerprint {
  return { signature: Uint32Array.from({ length: 8 }, (_, i) => seed * 100 + i), bands };
}

/** Runs a contract case on a store opened empty for it, closed afterwards whatever happens. */
export async function withOpenedStore<S extends { close(): Promise<void> }>(open: () => Promise<S> | S, test: (store: S) => Promise<void>): Promise<void> {
  const store = await open();
  try {
    await test(store);
  } finally {
    await store.close();
  }
}
