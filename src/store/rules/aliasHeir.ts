import { ask, type Answer, type StorageRule } from './storageRule.js';

/** A second key of a stored article (e.g. another URL), as the alias table holds it. */
export interface AliasRow {
  aliasKey: string;
  sourceId: string;
  rawHash: string;
}

/** What removing keys needs from a backend, inside one transaction. */
export interface KeyRemovalPrimitives {
  /** Deletes the alias with this key; whether there was one. */
  deleteAlias(key: string): Answer<boolean>;
  /** The id of the document stored under this key (locked against concurrent writers where that applies). */
  documentIdByKey(key: string): Answer<number | undefined>;
  /** Deletes one of the document's aliases and returns it (none: undefined). */
  takeAnyAlias(documentId: number): Answer<AliasRow | undefined>;
  /** Gives the document the alias's key, source and raw hash. */
  moveDocumentTo(documentId: number, heir: AliasRow): Answer<void>;
  /**
   * Deletes the document and its passages; returns the passage ids that went. A story's head
   * first hands its story to one of its copies (stories.ts: the copy takes its passages).
   */
  deleteDocument(documentId: number): Answer<number[]>;
}

/**
 * Removes articles or aliases by key; returns the ids of passages that disappeared. Removing
 * an alias removes only that key. An article still reachable through an alias moves to that
 * alias (its heir) instead of vanishing; a story told by other articles too lives on in one
 * of them (its text; this outlet's comments go with it).
 */
export function* removeKeys(keys: string[], store: KeyRemovalPrimitives): StorageRule<number[]> {
  const removed: number[] = [];
  for (const key of keys) {
    if (yield* ask(store.deleteAlias(key))) continue;
    const documentId = yield* ask(store.documentIdByKey(key));
    if (documentId === undefined) continue;
    const heir = yield* ask(store.takeAnyAlias(documentId));
    if (heir) {
      yield* ask(store.moveDocumentTo(documentId, heir));
      continue;
    }
    removed.push(...(yield* ask(store.deleteDocument(documentId))));
  }
  return removed;
}
