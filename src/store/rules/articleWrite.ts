import type { ArticleWrite, WriteResult } from '../../core/ports/knowledgeStore.js';
import { ask, type Answer, type StorageRule } from './storageRule.js';

/** What writing an article needs from a backend, inside one transaction. */
export interface ArticleWritePrimitives {
  /** The id of the document stored under this key (locked against concurrent writers where that applies). */
  documentIdByKey(key: string): Answer<number | undefined>;
  /** Deletes the document's passages (their vectors go with them); returns their ids. */
  deletePassagesOf(documentId: number): Answer<number[]>;
  /** Overwrites the stored document with the article (its key and first ingest time stay). */
  updateDocument(documentId: number, article: ArticleWrite, now: string): Answer<void>;
  /** Deletes the alias with this key; whether there was one. */
  deleteAlias(key: string): Answer<boolean>;
  /** Stores the article as a new document; returns its id. */
  insertDocument(article: ArticleWrite, now: string): Answer<number>;
  /** Records the article's place in a story (stories.ts): a copy of a head, or a head with its bands. */
  linkToStory(documentId: number, article: ArticleWrite): Answer<void>;
  /** Records that the source brings the document (kept when already recorded). */
  addDocumentSource(documentId: number, sourceId: string): Answer<void>;
  /** Inserts the article's passages in order, with their vectors where given; returns them as written. */
  insertPassages(documentId: number, article: ArticleWrite): Answer<WriteResult['added']>;
}

/** Replaces (or creates) one article with all its passages; the passages it had are reported as removed. */
export function* writeArticle(article: ArticleWrite, now: string, store: ArticleWritePrimitives): StorageRule<WriteResult> {
  const existing = yield* ask(store.documentIdByKey(article.key));
  let removedPassageIds: number[] = [];
  let documentId: number;
  if (existing !== undefined) {
    removedPassageIds = yield* ask(store.deletePassagesOf(existing));
    yield* ask(store.updateDocument(existing, article, now));
    documentId = existing;
  } else {
    // A key that used to be an alias becomes a document of its own.
    yield* ask(store.deleteAlias(article.key));
    documentId = yield* ask(store.insertDocument(article, now));
  }
  yield* ask(store.linkToStory(documentId, article));
  yield* ask(store.addDocumentSource(documentId, article.sourceId));
  const added = yield* ask(store.insertPassages(documentId, article));
  return { added, removedPassageIds };
}

/** The document columns an article sets, in the order both backends' statements list them. */
export function documentValues(article: ArticleWrite, now: string) {
  const m = article.metadata;
  return [
    article.sourceId,
    article.rawHash,
    article.contentHash,
    article.extractorVersion,
    m.title,
    m.outlet,
    m.published,
    m.language,
    m.url,
    m.source,
    m.location,
    m.author,
    now,
    article.body.join('\n\n'),
    JSON.stringify(article.comments),
    article.summaryOnly,
  ] as const;
}
