import type { VectorSpace } from '../../core/ports/knowledgeStore.js';
import { ask, type Answer, type StorageRule } from './storageRule.js';

/** The meta keys recording the store's vector space. */
export const VECTOR_SPACE_KEYS = { model: 'vector_model', dim: 'vector_dim' } as const;

/** The vector space recorded in meta, or null when none is (no vectors yet). */
export function vectorSpaceFromMeta(meta: (key: string) => string | undefined): VectorSpace | null {
  const model = meta(VECTOR_SPACE_KEYS.model);
  const dim = Number(meta(VECTOR_SPACE_KEYS.dim) ?? '0');
  return model && dim > 0 ? { model, dim } : null;
}

/** The meta rows recording a vector space. */
export function vectorSpaceRows(space: VectorSpace): Array<[key: string, value: string]> {
  return [
    [VECTOR_SPACE_KEYS.model, space.model],
    [VECTOR_SPACE_KEYS.dim, String(space.dim)],
  ];
}

/** What switching the vector space needs from a backend. */
export interface VectorSpaceSwitchPrimitives {
  /** The space recorded now (read afresh, not from a cache). */
  currentVectorSpace(): Answer<VectorSpace | null>;
  /** In one transaction: drops vectors of any other model and records `space` (two embedding spaces are never mixed). */
  replaceVectorSpace(space: VectorSpace): Answer<void>;
}

/** Makes `space` the store's vector space unless it already is; returns whether it changed. */
export function* useVectorSpace(space: VectorSpace, store: VectorSpaceSwitchPrimitives): StorageRule<boolean> {
  const current = yield* ask(store.currentVectorSpace());
  if (current && current.model === space.model && current.dim === space.dim) return false;
  yield* ask(store.replaceVectorSpace(space));
  return true;
}
