import { ask, type Answer, type StorageRule } from './storageRule.js';

/** What removing a source's articles needs from a backend, inside one transaction. */
export interface SourceArticleRemovalPrimitives {
  /** Documents this source brings and no other source does (locked against concurrent writers where that applies). */
  documentsOnlyFrom(sourceId: string): Answer<number[]>;
  /** Deletes the document and its passages as removing its key would (a story's head hands its story to a copy); returns the passage ids that went. */
  deleteDocument(documentId: number): Answer<number[]>;
  /** Drops the source's memberships; documents it was the recorded source of pass to another source that brings them. */
  dropSource(sourceId: string): Answer<void>;
}

/**
 * Removes a source from the articles it brings: an article another source still brings stays
 * (in that source's scope only), an article no source brings any more goes. Returns how many
 * articles went and the passage ids that went with them (for the vector graph).
 */
export function* removeSourceArticles(sourceId: string, store: SourceArticleRemovalPrimitives): StorageRule<{ articles: number; passageIds: number[] }> {
  const orphans = yield* ask(store.documentsOnlyFrom(sourceId));
  const passageIds: number[] = [];
  for (const documentId of orphans) passageIds.push(...(yield* ask(store.deleteDocument(documentId))));
  yield* ask(store.dropSource(sourceId));
  return { articles: orphans.length, passageIds };
}
