import type { DocumentRecord, StoredPassage } from '../../core/types.js';

/**
 * Passages as a scope may see them. A scope reaches a story's passages through a copy its
 * sources bring (a copy has no body passages; its head holds them), but the head itself may be
 * another server's article: such a passage is shown as the in-scope copy (its title, URL,
 * outlet), so no citation names what only another server's sources brought. `standIns` maps
 * each out-of-scope document to that copy's id, or to null when the scope has none (then the
 * passage is left out); `documents` holds the copies' records.
 */
export function asSeenInScope(passages: StoredPassage[], standIns: Map<number, number | null>, documents: Map<number, DocumentRecord>): StoredPassage[] {
  return passages.flatMap((passage) => {
    if (!standIns.has(passage.documentId)) return [passage];
    const copy = documents.get(standIns.get(passage.documentId) ?? -1);
    return copy ? [{ ...passage, documentId: copy.id, document: copy }] : [];
  });
}

/** The copies' ids to read records for. */
export function standInIds(standIns: Map<number, number | null>): number[] {
  return [...standIns.values()].filter((id): id is number => id !== null);
}
